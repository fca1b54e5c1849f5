/**
 * Wire protocol between the widget and `ws(s)://<api-origin>/ws/widget/<public key>/`.
 *
 * Every frame is one JSON object with a string `type`. Server events are
 * validated by `parseEvent`; anything malformed or of an unknown type yields
 * `null` and is ignored by the client (forward compatible, never a crash).
 */

export interface Citation {
  title: string;
  url: string;
  section?: string;
}

export interface Product {
  id: string;
  title: string;
  url: string;
  image?: string;
  /** Numeric price in major units (e.g. 19.99). */
  price: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}

export interface DeltaEvent {
  type: 'delta';
  text: string;
}
export interface CitationsEvent {
  type: 'citations';
  items: Citation[];
}
export interface ProductsEvent {
  type: 'products';
  items: Product[];
}
export interface ToolEvent {
  type: 'tool';
  name: string;
  status: string;
}
export interface DoneEvent {
  type: 'done';
  message_id: string;
  /** Optional, forward compatible: lets the client continue the conversation. */
  conversation_id?: string;
}
export interface ErrorEvent {
  type: 'error';
  code: string;
  detail: string;
}

export type ServerEvent =
  | DeltaEvent
  | CitationsEvent
  | ProductsEvent
  | ToolEvent
  | DoneEvent
  | ErrorEvent;

export type ServerEventType = ServerEvent['type'];

/** The only frame the client sends. */
export interface ClientMessage {
  type: 'message';
  text: string;
  conversation_id?: string;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStr(v: unknown): v is string {
  return typeof v === 'string';
}

/** Ids may arrive as JSON numbers; normalise to strings. */
function asId(v: unknown): string | null {
  if (isStr(v) && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Prices may arrive as numbers or as decimal strings (Django's
 * DecimalField serialises to "19.99"); anything else is rejected.
 */
function asPrice(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (isStr(v) && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

function parseCitation(v: unknown): Citation | null {
  if (!isObj(v) || !isStr(v.title) || !isStr(v.url)) return null;
  const c: Citation = { title: v.title, url: v.url };
  if (isStr(v.section)) c.section = v.section;
  return c;
}

function parseProduct(v: unknown): Product | null {
  if (!isObj(v)) return null;
  const id = asId(v.id);
  const price = asPrice(v.price);
  if (id === null || price === null) return null;
  if (!isStr(v.title) || !isStr(v.url) || !isStr(v.currency)) return null;
  if (!/^[A-Za-z]{3}$/.test(v.currency)) return null;
  const p: Product = {
    id,
    title: v.title,
    url: v.url,
    price,
    currency: v.currency.toUpperCase(),
  };
  if (isStr(v.image) && v.image !== '') p.image = v.image;
  return p;
}

/** Parse a list, dropping individual malformed items; `null` if not a list. */
function parseItems<T>(v: unknown, parseItem: (x: unknown) => T | null): T[] | null {
  if (!Array.isArray(v)) return null;
  const out: T[] = [];
  for (const item of v) {
    const parsed = parseItem(item);
    if (parsed !== null) out.push(parsed);
  }
  return out;
}

/** Validate an already-decoded JSON value as a server event. */
export function toServerEvent(v: unknown): ServerEvent | null {
  if (!isObj(v) || !isStr(v.type)) return null;
  switch (v.type) {
    case 'delta':
      return isStr(v.text) ? { type: 'delta', text: v.text } : null;
    case 'citations': {
      const items = parseItems(v.items, parseCitation);
      return items ? { type: 'citations', items } : null;
    }
    case 'products': {
      const items = parseItems(v.items, parseProduct);
      return items ? { type: 'products', items } : null;
    }
    case 'tool':
      return isStr(v.name) && isStr(v.status)
        ? { type: 'tool', name: v.name, status: v.status }
        : null;
    case 'done': {
      const messageId = asId(v.message_id);
      if (messageId === null) return null;
      const ev: DoneEvent = { type: 'done', message_id: messageId };
      const conv = asId(v.conversation_id);
      if (conv !== null) ev.conversation_id = conv;
      return ev;
    }
    case 'error':
      if (!isStr(v.code)) return null;
      return { type: 'error', code: v.code, detail: isStr(v.detail) ? v.detail : '' };
    default:
      return null;
  }
}

/** Parse one raw WebSocket text frame. Returns `null` for anything invalid. */
export function parseEvent(raw: string): ServerEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  return toServerEvent(data);
}

/** Serialise the client's message frame (omits an empty conversation id). */
export function encodeMessage(text: string, conversationId?: string): string {
  const msg: ClientMessage = { type: 'message', text };
  if (conversationId) msg.conversation_id = conversationId;
  return JSON.stringify(msg);
}
