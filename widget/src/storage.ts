/**
 * What the widget remembers per store key in localStorage: the shopper's session id
 * (`aisle:<key>:session`) and the conversation with the highest message seq seen
 * (`aisle:<key>:conversation`). Storage can be missing or throw (privacy modes, sandboxed
 * frames); the widget then still works for the page's lifetime, it just forgets on reload.
 */

export interface SavedConversation {
  id: string;
  seq: number;
}

const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* not persisted: see above */
  }
}

function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function sessionId(key: string): string {
  const stored = read(`aisle:${key}:session`);
  if (stored && SESSION_ID.test(stored)) return stored;
  const fresh = newSessionId();
  write(`aisle:${key}:session`, fresh);
  return fresh;
}

export function loadConversation(key: string): SavedConversation | null {
  try {
    const data: unknown = JSON.parse(read(`aisle:${key}:conversation`) ?? 'null');
    const { id, seq } = (data ?? {}) as Partial<SavedConversation>;
    return typeof id === 'string' && id && typeof seq === 'number' ? { id, seq } : null;
  } catch {
    return null;
  }
}

export function saveConversation(key: string, conversation: SavedConversation | null): void {
  write(`aisle:${key}:conversation`, conversation && JSON.stringify(conversation));
}
