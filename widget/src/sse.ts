/**
 * The SSE fallback: when a WebSocket cannot be opened, each turn is one
 * `POST <http_url>stream/` whose `text/event-stream` body carries the same frames, and history
 * comes from `GET <http_url>conversations/<id>/messages/`. Parsed by hand from a fetch
 * ReadableStream because EventSource can neither POST nor send the widget-key header.
 */
import { isObj } from './config';
import { parseFrame, toFrame, type ClientFrame, type ServerFrame } from './protocol';

export interface SseEvent {
  event: string;
  data: string;
}

/** An incremental `text/event-stream` parser: feed it text chunks as they arrive. */
export function sseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length) onEvent({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return; // comment / keep-alive
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return (chunk) => {
    buffer += chunk;
    // A trailing '\r' may be the first half of '\r\n': keep it until the next chunk.
    const lines = buffer.split(/\r\n|\r(?!$)|\n/);
    buffer = lines.pop() ?? '';
    lines.forEach(line);
  };
}

/** Conversation state the WebSocket and the SSE transports share, so a fallback keeps it. */
export interface LinkState {
  conversationId: string | null;
  lastSeq: number;
  email: string | null;
}

export interface SseLinkOptions {
  httpUrl: string;
  key: string;
  sessionId: string;
  locale: string;
  state: LinkState;
  onFrame: (frame: ServerFrame) => void;
  fetch?: typeof fetch;
}

export class SseLink {
  private readonly o: SseLinkOptions;
  private readonly fetch: typeof fetch;
  private turn: AbortController | null = null;
  private messageId = '';

  constructor(options: SseLinkOptions) {
    this.o = options;
    this.fetch = options.fetch ?? ((...args) => fetch(...args));
  }

  private request(path: string, init: RequestInit = {}): Promise<Response> {
    return this.fetch(this.o.httpUrl + path, {
      ...init,
      credentials: 'omit',
      headers: { 'X-Aisle-Widget-Key': this.o.key, 'Content-Type': 'application/json' },
    });
  }

  /** Replay the stored conversation's messages after `lastSeq`, page by page. */
  async history(): Promise<void> {
    const { state } = this.o;
    const conversationId = state.conversationId;
    if (!conversationId) return;
    let announced = false;
    for (;;) {
      const query = new URLSearchParams({ session_id: this.o.sessionId, after: String(state.lastSeq) });
      const res = await this.request(`conversations/${encodeURIComponent(conversationId)}/messages/?${query}`);
      if (res.status === 404 || res.status === 400) {
        state.conversationId = null; // another session's or a deleted conversation: start anew
        return;
      }
      const body: unknown = await res.json();
      if (!res.ok || !isObj(body) || !Array.isArray(body.messages)) return;
      if (!announced) {
        this.o.onFrame({ type: 'ready', conversation_id: conversationId, last_seq: state.lastSeq });
        announced = true;
      }
      const before = state.lastSeq;
      for (const record of body.messages) {
        const frame = toFrame(isObj(record) ? { ...record, type: 'message' } : null);
        if (frame?.type !== 'message') continue;
        state.lastSeq = Math.max(state.lastSeq, frame.seq);
        this.o.onFrame(frame);
      }
      if (body.has_more !== true || state.lastSeq === before) return;
    }
  }

  /** Over HTTP only a message (and stopping it) can be sent; identify rides on the next one. */
  send(frame: ClientFrame): boolean {
    if (frame.type === 'identify') {
      this.o.state.email = frame.email;
      return true;
    }
    if (frame.type === 'stop' && this.turn) {
      this.turn.abort();
      return true;
    }
    if (frame.type !== 'message' || this.turn) return false;
    void this.stream(frame.text, frame.order);
    return true;
  }

  close(): void {
    this.turn?.abort();
  }

  private async stream(text: string, order: { number: string; email: string } | undefined) {
    const { state, onFrame } = this.o;
    const turn = new AbortController();
    this.turn = turn;
    this.messageId = '';
    let finished = false;
    const emit = (frame: ServerFrame) => {
      if (frame.type === 'ready') state.conversationId = frame.conversation_id;
      if ('message_id' in frame && frame.message_id) this.messageId = frame.message_id;
      if (frame.type === 'done' || frame.type === 'error') finished = true;
      onFrame(frame);
    };
    try {
      const body = {
        session_id: this.o.sessionId,
        text,
        locale: this.o.locale,
        ...(state.conversationId ? { conversation_id: state.conversationId } : {}),
        ...(state.email ? { email: state.email } : {}),
        ...(order ? { order } : {}),
      };
      const res = await this.request('stream/', {
        method: 'POST',
        body: JSON.stringify(body),
        signal: turn.signal,
      });
      if (!res.ok || !res.body) {
        const error: unknown = await res.json().catch(() => null);
        const code = isObj(error) && typeof error.code === 'string' ? error.code : 'unavailable';
        const detail = isObj(error) && typeof error.detail === 'string' ? error.detail : '';
        emit({ type: 'error', message_id: null, code, detail });
        return;
      }
      const feed = sseParser(({ data }) => {
        const frame = parseFrame(data);
        if (frame) emit(frame);
      });
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        feed(decoder.decode(value, { stream: true }));
      }
      feed(decoder.decode() + '\n\n');
    } catch {
      // Aborted by `stop` (the server stores the partial answer as stopped) or a network error.
    } finally {
      this.turn = null;
      if (!finished) {
        emit(
          turn.signal.aborted
            ? { type: 'done', message_id: this.messageId, status: 'stopped' }
            : { type: 'error', message_id: this.messageId || null, code: 'unavailable', detail: '' },
        );
      }
    }
  }
}
