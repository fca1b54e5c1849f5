import type { Citation, Product, ServerEvent } from './protocol';

export interface UserMessage {
  id: string;
  role: 'user';
  text: string;
}

export interface AssistantMessage {
  id: string;
  role: 'assistant';
  text: string;
  citations: Citation[];
  products: Product[];
  /** Latest tool activity while the answer is being prepared. */
  tool: { name: string; status: string } | null;
  error: { code: string; detail: string } | null;
  /** True once `done`/`error` arrived (or the connection dropped). */
  complete: boolean;
  serverId: string | null;
}

export type ChatMessage = UserMessage | AssistantMessage;

export interface ChatState {
  messages: ChatMessage[];
  conversationId: string | null;
}

export const initialChatState: ChatState = { messages: [], conversationId: null };

let seq = 0;
function nextId(prefix: string): string {
  seq += 1;
  return `${prefix}-${seq}`;
}

function newAssistant(): AssistantMessage {
  return {
    id: nextId('a'),
    role: 'assistant',
    text: '',
    citations: [],
    products: [],
    tool: null,
    error: null,
    complete: false,
    serverId: null,
  };
}

/** The assistant message currently being streamed, if any. */
export function pendingAssistant(state: ChatState): AssistantMessage | null {
  const last = state.messages[state.messages.length - 1];
  return last && last.role === 'assistant' && !last.complete ? last : null;
}

/** Append the user's message plus an empty assistant bubble to stream into. */
export function addUserMessage(state: ChatState, text: string): ChatState {
  const user: UserMessage = { id: nextId('u'), role: 'user', text };
  return { ...state, messages: [...closePending(state.messages), user, newAssistant()] };
}

function closePending(messages: ChatMessage[]): ChatMessage[] {
  return messages.map((m) => (m.role === 'assistant' && !m.complete ? { ...m, complete: true } : m));
}

/** Apply one server event to the streaming assistant message. */
export function applyEvent(state: ChatState, event: ServerEvent): ChatState {
  const pending = pendingAssistant(state);
  const current = pending ?? newAssistant();
  let next: AssistantMessage;
  let conversationId = state.conversationId;
  switch (event.type) {
    case 'delta':
      next = { ...current, text: current.text + event.text, tool: null };
      break;
    case 'citations':
      next = { ...current, citations: [...current.citations, ...event.items] };
      break;
    case 'products':
      next = { ...current, products: [...current.products, ...event.items] };
      break;
    case 'tool':
      next = { ...current, tool: { name: event.name, status: event.status } };
      break;
    case 'done':
      next = { ...current, complete: true, tool: null, serverId: event.message_id };
      if (event.conversation_id) conversationId = event.conversation_id;
      break;
    case 'error':
      next = {
        ...current,
        complete: true,
        tool: null,
        error: { code: event.code, detail: event.detail },
      };
      break;
  }
  const messages = pending
    ? [...state.messages.slice(0, -1), next]
    : [...state.messages, next];
  return { messages, conversationId };
}

/** The connection dropped mid-answer: stop waiting and say so. */
export function interruptPending(state: ChatState): ChatState {
  const pending = pendingAssistant(state);
  if (!pending) return state;
  const next: AssistantMessage = {
    ...pending,
    complete: true,
    tool: null,
    error: { code: 'connection_lost', detail: '' },
  };
  return { ...state, messages: [...state.messages.slice(0, -1), next] };
}
