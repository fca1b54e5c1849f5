import { vi } from 'vitest';

/** A WebSocket stand-in: tests see the sockets opened and push server frames into them. */
export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readonly url: string;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  closed = false;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  /** The server sends `frame` as a JSON text frame. */
  receive(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  close(): void {
    this.closed = true;
  }
}

/** Replaces the global WebSocket for this test; returns the list of sockets opened. */
export function mockWebSocket(): FakeWebSocket[] {
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
  return FakeWebSocket.instances;
}
