/**
 * The chat wire protocol (README "Chat protocol"): the frames the server sends, validated by
 * `parseFrame`, and the frames the widget sends. A frame that is not valid JSON, has an unknown
 * `type` or misses a required field is ignored (null), so a newer server never crashes an older
 * widget. Malformed citations or products are dropped one by one.
 */
import { isObj } from './config';

export type Role = 'user' | 'assistant' | 'agent';
export type MessageStatus = 'streaming' | 'complete' | 'stopped' | 'failed';
export type FeedbackValue = 'up' | 'down';
export type ConversationStatus = 'open' | 'resolved' | 'handed_off';

export interface Citation {
  n: number;
  title: string;
  url: string | null;
  section: string | null;
}

export interface Product {
  id: string;
  title: string;
  url: string | null;
  image: string | null;
  /** The variant's price when one is chosen, else the lowest price. */
  price: number | null;
  /** Set when the product's prices span a range (shown as "from <price>"). */
  ranged: boolean;
  currency: string;
  available: boolean;
}

export interface StoredMessage {
  type: 'message';
  message_id: string;
  seq: number;
  role: Role;
  status: MessageStatus;
  content: string;
  citations: Citation[];
  products: Product[];
  feedback: FeedbackValue | null;
}

export type ServerFrame =
  | { type: 'ready'; conversation_id: string; last_seq: number }
  | StoredMessage
  | { type: 'delta'; message_id: string; text: string }
  | { type: 'citations'; message_id: string; citations: Citation[] }
  | { type: 'products'; message_id: string; products: Product[] }
  | { type: 'tool'; message_id: string; name: string; status: string }
  | { type: 'done'; message_id: string; status: MessageStatus }
  | { type: 'error'; message_id: string | null; code: string; detail: string }
  | { type: 'feedback'; message_id: string; value: FeedbackValue }
  | { type: 'conversation'; conversation_id: string; status: ConversationStatus }
  | { type: 'pong' };

export interface OrderQuery {
  number: string;
  email: string;
}

export type ClientFrame =
  | {
      type: 'hello';
      session_id: string;
      conversation_id?: string;
      last_seq?: number;
      locale?: string;
      email?: string;
    }
  | { type: 'message'; text: string; client_id?: string; order?: OrderQuery }
  | { type: 'stop' }
  | { type: 'feedback'; message_id: string; value: FeedbackValue }
  | { type: 'identify'; email: string }
  | { type: 'handoff' }
  | { type: 'ping' };

const isStr = (v: unknown): v is string => typeof v === 'string';
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | null =>
  values.find((x) => x === v) ?? null;

const id = (v: unknown): string | null =>
  isStr(v) && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;

/** Prices come as decimal strings ("19.90", Django's Decimal) or numbers; null when absent. */
function money(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return isStr(v) && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
}

const STATUSES = ['streaming', 'complete', 'stopped', 'failed'] as const;
const ROLES = ['user', 'assistant', 'agent'] as const;
const FEEDBACK = ['up', 'down'] as const;
const CONVERSATION = ['open', 'resolved', 'handed_off'] as const;

function citation(v: unknown): Citation | null {
  if (!isObj(v) || !isStr(v.title)) return null;
  const n = count(v.n);
  if (n === null) return null;
  return {
    n,
    title: v.title,
    url: isStr(v.url) && v.url ? v.url : null,
    section: isStr(v.section) && v.section ? v.section : null,
  };
}

function product(v: unknown): Product | null {
  if (!isObj(v)) return null;
  const productId = id(v.id);
  if (productId === null || !isStr(v.title) || !isStr(v.currency)) return null;
  if (!/^[A-Z]{3}$/i.test(v.currency)) return null;
  const variantPrice = isObj(v.variant) ? money(v.variant.price) : null;
  const min = money(v.min_price);
  const max = money(v.max_price);
  return {
    id: productId,
    title: v.title,
    url: isStr(v.url) && v.url ? v.url : null,
    image: isStr(v.image) && v.image ? v.image : null,
    price: variantPrice ?? min,
    ranged: variantPrice === null && min !== null && max !== null && max > min,
    currency: v.currency.toUpperCase(),
    available: v.available !== false,
  };
}

function list<T>(v: unknown, item: (x: unknown) => T | null): T[] | null {
  if (!Array.isArray(v)) return null;
  return v.map(item).filter((x): x is T => x !== null);
}

/** Validate a decoded JSON value as a server frame; null when it is not one. */
export function toFrame(v: unknown): ServerFrame | null {
  if (!isObj(v)) return null;
  const messageId = id(v.message_id);
  switch (v.type) {
    case 'ready': {
      const conversationId = id(v.conversation_id);
      const lastSeq = count(v.last_seq);
      return conversationId && lastSeq !== null
        ? { type: 'ready', conversation_id: conversationId, last_seq: lastSeq }
        : null;
    }
    case 'message': {
      const seq = count(v.seq);
      const role = oneOf(v.role, ROLES);
      const status = oneOf(v.status, STATUSES);
      if (!messageId || seq === null || !role || !status || !isStr(v.content)) return null;
      return {
        type: 'message',
        message_id: messageId,
        seq,
        role,
        status,
        content: v.content,
        citations: list(v.citations, citation) ?? [],
        products: list(v.products, product) ?? [],
        feedback: oneOf(v.feedback, FEEDBACK),
      };
    }
    case 'delta':
      return messageId && isStr(v.text) ? { type: 'delta', message_id: messageId, text: v.text } : null;
    case 'citations': {
      const citations = list(v.citations, citation);
      return messageId && citations ? { type: 'citations', message_id: messageId, citations } : null;
    }
    case 'products': {
      const products = list(v.products, product);
      return messageId && products ? { type: 'products', message_id: messageId, products } : null;
    }
    case 'tool':
      return messageId && isStr(v.name) && isStr(v.status)
        ? { type: 'tool', message_id: messageId, name: v.name, status: v.status }
        : null;
    case 'done': {
      const status = oneOf(v.status, STATUSES);
      return messageId && status ? { type: 'done', message_id: messageId, status } : null;
    }
    case 'error':
      return isStr(v.code)
        ? { type: 'error', message_id: messageId, code: v.code, detail: isStr(v.detail) ? v.detail : '' }
        : null;
    case 'feedback': {
      const value = oneOf(v.value, FEEDBACK);
      return messageId && value ? { type: 'feedback', message_id: messageId, value } : null;
    }
    case 'conversation': {
      const conversationId = id(v.conversation_id);
      const status = oneOf(v.status, CONVERSATION);
      return conversationId && status
        ? { type: 'conversation', conversation_id: conversationId, status }
        : null;
    }
    case 'pong':
      return { type: 'pong' };
    default:
      return null;
  }
}

/** Parse one text frame (a WebSocket message or an SSE `data:` payload). */
export function parseFrame(raw: string): ServerFrame | null {
  try {
    return toFrame(JSON.parse(raw));
  } catch {
    return null;
  }
}
