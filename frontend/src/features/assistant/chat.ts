import type { Schema } from '../../api/client';
import { i18n } from '../../i18n';

// The chat protocol's frames (README "Chat protocol"). They travel as server-sent events, which
// the OpenAPI schema cannot describe, so they are typed here from the schema's answer parts.

/** A source the answer cites as `[n]`: a knowledge passage, a product or an order lookup
 * (the shape the inbox transcript stores). */
export type ChatCitation = Schema<'AnswerCitationOutput'>;

/** A product card as the chat sends it (the catalog search's card, without its score). */
export type ChatProduct = Schema<'AnswerProductOutput'>;

export type ChatTool = {
  name: string;
  status: 'started' | 'finished' | 'failed';
  result: Record<string, unknown>;
};

export type ChatTimings = Record<string, number | null>;

export type ChatFrame =
  | { type: 'ready'; conversation_id: string; last_seq: number }
  | { type: 'delta'; message_id: string; text: string }
  | { type: 'citations'; message_id: string; citations: ChatCitation[] }
  | { type: 'products'; message_id: string; products: ChatProduct[] }
  | ({ type: 'tool'; message_id: string } & ChatTool)
  | { type: 'done'; message_id: string; status: 'complete' | 'stopped' | 'failed'; timings: ChatTimings }
  | { type: 'error'; message_id: string | null; code: string; detail: string };

/** One answer in the playground, built up from the frames of its turn. */
export interface AssistantReply {
  text: string;
  citations: ChatCitation[];
  products: ChatProduct[];
  tools: ChatTool[];
  /** Set by `done`: the turn is over. */
  status: 'streaming' | 'complete' | 'stopped' | 'failed';
  timings: ChatTimings | null;
  error: string | null;
}

export const EMPTY_REPLY: AssistantReply = {
  text: '',
  citations: [],
  products: [],
  tools: [],
  status: 'streaming',
  timings: null,
  error: null,
};

/** The reply after one more frame of its turn (`ready` concerns the conversation, not the reply). */
export function replyWithFrame(reply: AssistantReply, frame: ChatFrame): AssistantReply {
  switch (frame.type) {
    case 'delta':
      return { ...reply, text: reply.text + frame.text };
    case 'citations':
      return { ...reply, citations: frame.citations };
    case 'products':
      return { ...reply, products: frame.products };
    case 'tool': {
      const tool = { name: frame.name, status: frame.status, result: frame.result };
      // A tool reports `started`, then `finished` or `failed`: keep one row per call.
      const last = reply.tools.at(-1);
      const replaces = last !== undefined && last.name === tool.name && last.status === 'started';
      return { ...reply, tools: [...(replaces ? reply.tools.slice(0, -1) : reply.tools), tool] };
    }
    case 'done':
      return { ...reply, status: frame.status, timings: frame.timings };
    case 'error':
      return { ...reply, status: 'failed', error: frame.detail };
    case 'ready':
      return reply;
  }
}

const TIMINGS = ['retrieval_ms', 'first_token_ms', 'total_ms', 'server_first_delta_ms', 'server_total_ms'] as const;

/** "retrieval 12 ms · first token 40 ms · …", for the timings the turn reported. */
export function formatTimings(timings: ChatTimings): string {
  return TIMINGS.flatMap((key) => {
    const value = timings[key];
    if (typeof value !== 'number') return [];
    const label = i18n.t(`assistant:playground.timingLabel.${key}`);
    return [i18n.t('assistant:playground.timing', { label, ms: Math.round(value) })];
  }).join(' · ');
}
