import type { SocketLike } from '../src/link';

export const last = <T,>(items: T[]): T | undefined => items[items.length - 1];

/** A WebSocket driven by the test. */
export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: Event) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;

  constructor(public url: string) {
    FakeSocket.all.push(this);
  }

  static factory = (url: string) => new FakeSocket(url);

  static last(): FakeSocket {
    const socket = FakeSocket.all[FakeSocket.all.length - 1];
    if (!socket) throw new Error('no socket');
    return socket;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }

  receive(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

/** A fetch Response whose body streams the given chunks. */
export function streamResponse(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } });
}

export const CONFIG = {
  store: { name: 'Demo Outdoor Co.' },
  assistant: { name: 'Trail Guide', handoff_enabled: true },
  theme: { primary: '#1f6feb', on_primary: '#ffffff', position: 'right', icon: 'bag' },
  greeting: 'Hi! How can I help?',
  suggested_questions: ['Do you ship to Austria?', 'What is your return policy?'],
  locale: '',
  order_lookup: true,
  panel_url: 'https://aisle.example/widget/panel-abc.js',
  ws_url: 'wss://aisle.example/ws/widget/pk_test/',
  http_url: 'https://aisle.example/api/v1/chat/',
};
