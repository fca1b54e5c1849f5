import { encodeMessage, parseEvent, type ServerEvent } from './protocol';

/**
 * - `idle`: `connect()` not called yet.
 * - `connecting`: first attempt in flight (nothing has failed yet).
 * - `open`: socket open, messages can be sent.
 * - `reconnecting`: an open socket dropped; trying again.
 * - `unavailable`: an attempt failed; retrying in the background with backoff.
 * - `closed`: `close()` was called; no more retries.
 */
export type ConnectionStatus =
  | 'idle'
  | 'connecting'
  | 'open'
  | 'reconnecting'
  | 'unavailable'
  | 'closed';

export interface SendOptions {
  conversationId?: string;
}

/** What the UI needs from a transport; tests inject a fake. */
export interface Transport {
  readonly status: ConnectionStatus;
  /** Start connecting (idempotent). */
  connect(): void;
  /** Send a user message. Returns false (and sends nothing) unless open. */
  send(text: string, options?: SendOptions): boolean;
  onEvent(listener: (event: ServerEvent) => void): () => void;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Close for good and stop retrying. */
  close(): void;
}

/** The subset of the WebSocket API we use, so tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  initialMs: number;
  /** Upper bound for any delay, in ms. */
  maxMs: number;
  factor: number;
  /** 0..1 share of the delay that is randomised (0 = deterministic). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 1000,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.3,
};

/**
 * Delay before retry number `attempt` (0-based): initial * factor^attempt,
 * capped at maxMs, then reduced by up to `jitter` of itself.
 */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exp = opts.initialMs * Math.pow(opts.factor, Math.max(0, attempt));
  const capped = Math.min(opts.maxMs, exp);
  return Math.round(capped * (1 - opts.jitter * random()));
}

/** `https://api.example.com` + `pk_live_x` -> `wss://api.example.com/ws/widget/pk_live_x/`. */
export function widgetSocketUrl(apiOrigin: string, publicKey: string): string {
  const origin = new URL(apiOrigin);
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${origin.host}/ws/widget/${encodeURIComponent(publicKey)}/`;
}

export interface WebSocketTransportOptions {
  url: string;
  socketFactory?: SocketFactory;
  backoff?: Partial<BackoffOptions>;
  random?: () => number;
}

const OPEN = 1;

export class WebSocketTransport implements Transport {
  private readonly url: string;
  private readonly factory: SocketFactory;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private socket: SocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private currentStatus: ConnectionStatus = 'idle';
  private readonly eventListeners = new Set<(event: ServerEvent) => void>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();

  constructor(options: WebSocketTransportOptions) {
    this.url = options.url;
    this.factory = options.socketFactory ?? ((url) => new WebSocket(url));
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  connect(): void {
    if (this.currentStatus !== 'idle') return;
    this.setStatus('connecting');
    this.open();
  }

  send(text: string, options: SendOptions = {}): boolean {
    const socket = this.socket;
    if (this.currentStatus !== 'open' || !socket || socket.readyState !== OPEN) return false;
    try {
      socket.send(encodeMessage(text, options.conversationId));
      return true;
    } catch {
      return false;
    }
  }

  onEvent(listener: (event: ServerEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  close(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      detach(socket);
      try {
        socket.close(1000);
      } catch {
        /* already closed */
      }
    }
    this.setStatus('closed');
  }

  private open(): void {
    this.retryTimer = null;
    let socket: SocketLike;
    try {
      socket = this.factory(this.url);
    } catch {
      // e.g. a CSP `connect-src` violation or an invalid URL throws synchronously.
      this.handleDrop(false);
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.setStatus('open');
    };
    socket.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return;
      const event = parseEvent(ev.data);
      if (event === null) return; // unknown or malformed: ignore
      for (const listener of [...this.eventListeners]) listener(event);
    };
    // `error` is always followed by `close`; reconnect logic lives there.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      detach(socket);
      this.socket = null;
      this.handleDrop(opened);
    };
  }

  private handleDrop(wasOpen: boolean): void {
    if (this.currentStatus === 'closed') return;
    this.setStatus(wasOpen ? 'reconnecting' : 'unavailable');
    const delay = backoffDelay(this.attempt, this.backoff, this.random);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}

function detach(socket: SocketLike): void {
  socket.onopen = null;
  socket.onclose = null;
  socket.onerror = null;
  socket.onmessage = null;
}
