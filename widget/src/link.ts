/**
 * The panel's connection to the chat server: a WebSocket that says `hello` (resuming the
 * conversation with the highest seq seen), reconnects with capped exponential backoff and
 * jitter, and falls back to server-sent events over HTTP when no socket ever opens.
 */
import { parseFrame, type ClientFrame, type ServerFrame } from './protocol';
import { SseLink, type SseLinkOptions } from './sse';

/**
 * - `connecting`: no `ready` yet (first attempts, or SSE history loading).
 * - `open`: frames can be sent.
 * - `reconnecting`: an open socket dropped; retrying with backoff.
 * - `refused`: the server refused the key or origin (close codes 4403/4404); no retries.
 */
export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'refused';

export interface SocketLike {
  readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  send(data: string): void;
  close(code?: number): void;
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
  /** Share (0..1) of each delay that is randomised, so many widgets do not retry in step. */
  jitter: number;
}

export const BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, jitter: 0.3 };

/** Delay before retry `attempt` (0-based): initial * 2^attempt, capped, minus up to `jitter`. */
export function backoffDelay(attempt: number, b: Backoff = BACKOFF, random = Math.random): number {
  const capped = Math.min(b.maxMs, b.initialMs * 2 ** attempt);
  return Math.round(capped * (1 - b.jitter * random()));
}

/** Failed WebSocket attempts (none ever opened) before switching to SSE. */
export const WS_ATTEMPTS_BEFORE_SSE = 2;
export const PING_INTERVAL_MS = 25_000;
const REFUSED = [4403, 4404];

export interface LinkOptions extends SseLinkOptions {
  wsUrl: string;
  onStatus: (status: LinkStatus) => void;
  /** Null when the browser has no WebSocket. */
  socket?: (url: string) => SocketLike | null;
  random?: () => number;
}

const browserSocket = (url: string): SocketLike | null =>
  typeof WebSocket === 'function' ? new WebSocket(url) : null;

export class ChatLink {
  private readonly o: LinkOptions;
  private ws: SocketLike | null = null;
  private sse: SseLink | null = null;
  private ready = false;
  private everOpened = false;
  private attempt = 0;
  private failures = 0;
  private queue: ClientFrame[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(options: LinkOptions) {
    this.o = options;
  }

  /** Feedback, handoff and live agent messages need the socket; SSE carries only turns. */
  get live(): boolean {
    return this.sse === null;
  }

  start(): void {
    if (this.ws || this.sse || this.closed) return;
    this.connect();
  }

  send(frame: ClientFrame): boolean {
    if (this.sse) return this.sse.send(frame);
    if (frame.type === 'identify') this.o.state.email = frame.email;
    if (this.ready && this.ws) {
      this.ws.send(JSON.stringify(frame));
      return true;
    }
    // Said while (re)connecting: a question or handoff goes out after `ready`, an email in `hello`.
    if (frame.type === 'message' || frame.type === 'handoff') this.queue.push(frame);
    return frame.type === 'message' || frame.type === 'handoff' || frame.type === 'identify';
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.ping);
    this.drop()?.close(1000);
    this.sse?.close();
  }

  private status(status: LinkStatus) {
    this.o.onStatus(status);
  }

  private drop(): SocketLike | null {
    const ws = this.ws;
    if (ws) ws.onopen = ws.onclose = ws.onerror = ws.onmessage = null;
    this.ws = null;
    this.ready = false;
    clearInterval(this.ping);
    return ws;
  }

  private hello() {
    const { state } = this.o;
    const frame: ClientFrame = { type: 'hello', session_id: this.o.sessionId, locale: this.o.locale };
    if (state.conversationId) {
      frame.conversation_id = state.conversationId;
      frame.last_seq = state.lastSeq;
    }
    if (state.email) frame.email = state.email;
    this.ws?.send(JSON.stringify(frame));
  }

  private connect() {
    let ws: SocketLike | null;
    try {
      ws = (this.o.socket ?? browserSocket)(this.o.wsUrl);
    } catch {
      ws = null; // a CSP connect-src violation throws here in some browsers: no use retrying
    }
    if (!ws) {
      this.fallBack();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.everOpened = true;
      this.attempt = 0;
      this.hello();
      this.ping = setInterval(() => this.ws?.send('{"type":"ping"}'), PING_INTERVAL_MS);
    };
    ws.onmessage = (ev) => {
      const frame = typeof ev.data === 'string' ? parseFrame(ev.data) : null;
      if (frame) this.receive(frame);
    };
    ws.onclose = (ev) => {
      this.drop();
      if (REFUSED.includes(ev.code)) {
        this.closed = true;
        this.status('refused');
      } else if (!this.everOpened && ++this.failures >= WS_ATTEMPTS_BEFORE_SSE) {
        this.fallBack();
      } else {
        this.status(this.everOpened ? 'reconnecting' : 'connecting');
        this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempt++, BACKOFF, this.o.random));
      }
    };
  }

  private receive(frame: ServerFrame) {
    const { state } = this.o;
    if (frame.type === 'pong') return;
    if (frame.type === 'error' && !this.ready && state.conversationId) {
      // The stored conversation is gone or not this session's: start a new one.
      state.conversationId = null;
      state.lastSeq = 0;
      this.hello();
      return;
    }
    if (frame.type === 'ready') {
      this.ready = true;
      state.conversationId = frame.conversation_id;
      this.status('open');
      this.o.onFrame(frame);
      for (const queued of this.queue.splice(0)) this.ws?.send(JSON.stringify(queued));
      return;
    }
    if (frame.type === 'message') state.lastSeq = Math.max(state.lastSeq, frame.seq);
    this.o.onFrame(frame);
  }

  private fallBack() {
    const sse = new SseLink({ ...this.o, onFrame: this.o.onFrame });
    this.sse = sse;
    this.status('connecting');
    void sse
      .history()
      .catch(() => undefined)
      .then(() => {
        if (this.closed) return;
        this.status('open');
        for (const queued of this.queue.splice(0)) sse.send(queued);
      });
  }
}
