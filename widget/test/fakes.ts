import type { ServerEvent } from '../src/protocol';
import type { ConnectionStatus, SendOptions, SocketLike, Transport } from '../src/transport';

/** In-memory Transport: tests push events/status and inspect what was sent. */
export class FakeTransport implements Transport {
  status: ConnectionStatus;
  sent: Array<{ text: string; options: SendOptions | undefined }> = [];
  connectCalls = 0;
  closed = false;
  private events = new Set<(e: ServerEvent) => void>();
  private statuses = new Set<(s: ConnectionStatus) => void>();

  constructor(status: ConnectionStatus = 'open') {
    this.status = status;
  }

  connect(): void {
    this.connectCalls += 1;
  }

  send(text: string, options?: SendOptions): boolean {
    if (this.status !== 'open') return false;
    this.sent.push({ text, options });
    return true;
  }

  onEvent(listener: (e: ServerEvent) => void): () => void {
    this.events.add(listener);
    return () => this.events.delete(listener);
  }

  onStatus(listener: (s: ConnectionStatus) => void): () => void {
    this.statuses.add(listener);
    return () => this.statuses.delete(listener);
  }

  close(): void {
    this.closed = true;
  }

  emit(event: ServerEvent): void {
    for (const l of [...this.events]) l(event);
  }

  setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const l of [...this.statuses]) l(status);
  }
}

/** Fake WebSocket driven by the test. */
export class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: ((ev: Event) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;

  constructor(public url: string) {
    FakeSocket.instances.push(this);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  serverOpen(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  serverFail(): void {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }

  serverSend(data: unknown): void {
    const payload = typeof data === 'string' ? data : JSON.stringify(data);
    this.onmessage?.(new MessageEvent('message', { data: payload }));
  }
}
