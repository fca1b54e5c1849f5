/** The chat as the panel shows it: a pure reducer over the shopper's sends and server frames. */
import type {
  Citation,
  ConversationStatus,
  FeedbackValue,
  MessageStatus,
  Product,
  Role,
  ServerFrame,
} from './protocol';

export interface ChatMessage {
  /** The server's message id; a local id for the shopper's message until its replay names it. */
  id: string;
  role: Role;
  text: string;
  citations: Citation[];
  products: Product[];
  status: MessageStatus;
  feedback: FeedbackValue | null;
  seq: number | null;
  /** Name of the tool running for this answer, if any. */
  tool: string | null;
}

export interface ChatState {
  conversationId: string | null;
  messages: ChatMessage[];
  /** A turn is running: from the shopper's send until its `done` or `error`. */
  busy: boolean;
  conversation: ConversationStatus;
  error: { code: string; detail: string } | null;
}

export type ChatAction =
  | ServerFrame
  | { type: 'sent'; id: string; text: string }
  | { type: 'handoff' };

export const initialChat: ChatState = {
  conversationId: null,
  messages: [],
  busy: false,
  conversation: 'open',
  error: null,
};

function blank(id: string, role: Role): ChatMessage {
  return {
    id,
    role,
    text: '',
    citations: [],
    products: [],
    status: role === 'user' ? 'complete' : 'streaming',
    feedback: null,
    seq: null,
    tool: null,
  };
}

/** Apply `change` to message `id`, creating a streaming assistant message when it is new. */
function patch(state: ChatState, id: string, change: (m: ChatMessage) => Partial<ChatMessage>): ChatState {
  const index = state.messages.findIndex((m) => m.id === id);
  const current = state.messages[index] ?? blank(id, 'assistant');
  const next = { ...current, ...change(current) };
  const messages = state.messages.slice();
  if (index < 0) messages.push(next);
  else messages[index] = next;
  return { ...state, messages };
}

const has = (state: ChatState, id: string | null) => state.messages.some((m) => m.id === id);

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'sent':
      return {
        ...state,
        busy: true,
        error: null,
        messages: [...state.messages, { ...blank(action.id, 'user'), text: action.text }],
      };
    case 'handoff':
      return { ...state, busy: true, error: null };
    case 'ready':
      // A different conversation than the one shown (the old one was gone): start clean.
      return state.conversationId && state.conversationId !== action.conversation_id
        ? { ...initialChat, conversationId: action.conversation_id }
        : { ...state, conversationId: action.conversation_id };
    case 'message': {
      const record = {
        role: action.role,
        text: action.content,
        citations: action.citations,
        products: action.products,
        status: action.status,
        feedback: action.feedback,
        seq: action.seq,
        tool: null,
      };
      // The shopper's own live message comes back (on resume) under its server id.
      const local =
        action.role === 'user' &&
        !state.messages.some((m) => m.id === action.message_id) &&
        state.messages.find((m) => m.role === 'user' && m.seq === null && m.text === action.content);
      return patch(state, local ? local.id : action.message_id, () => ({
        ...record,
        id: action.message_id,
      }));
    }
    case 'delta':
      return patch(state, action.message_id, (m) => ({ text: m.text + action.text, tool: null }));
    case 'citations':
      return patch(state, action.message_id, () => ({ citations: action.citations }));
    case 'products':
      return patch(state, action.message_id, () => ({ products: action.products }));
    case 'tool':
      return patch(state, action.message_id, () => ({
        tool: action.status === 'started' ? action.name : null,
      }));
    case 'done': {
      const next = has(state, action.message_id)
        ? patch(state, action.message_id, () => ({ status: action.status, tool: null }))
        : state;
      return { ...next, busy: false };
    }
    case 'error': {
      const next = has(state, action.message_id)
        ? patch(state, action.message_id as string, () => ({ status: 'failed', tool: null }))
        : state;
      return { ...next, busy: false, error: { code: action.code, detail: action.detail } };
    }
    case 'feedback':
      return has(state, action.message_id)
        ? patch(state, action.message_id, () => ({ feedback: action.value }))
        : state;
    case 'conversation':
      return { ...state, conversation: action.status };
    case 'pong':
      return state;
  }
}
