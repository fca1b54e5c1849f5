import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../src/protocol';
import { backoffDelay, WebSocketTransport, widgetSocketUrl, type ConnectionStatus } from '../src/transport';
import { FakeSocket } from './fakes';

describe('widgetSocketUrl', () => {
  it('maps https to wss and http to ws, keeping host and port', () => {
    expect(widgetSocketUrl('https://api.aisle.example', 'pk_live_abc')).toBe('wss://api.aisle.example/ws/widget/pk_live_abc/');
    expect(widgetSocketUrl('http://localhost:8000', 'pk_test_1')).toBe('ws://localhost:8000/ws/widget/pk_test_1/');
  });

  it('encodes the key', () => {
    expect(widgetSocketUrl('https://a.example', 'pk/../x')).toBe('wss://a.example/ws/widget/pk%2F..%2Fx/');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially and is capped', () => {
    const opts = { initialMs: 1000, maxMs: 30_000, factor: 2, jitter: 0 };
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, opts))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('jitter only shortens the delay', () => {
    const opts = { initialMs: 1000, maxMs: 30_000, factor: 2, jitter: 0.5 };
    expect(backoffDelay(3, opts, () => 0)).toBe(8000);
    expect(backoffDelay(3, opts, () => 1)).toBe(4000);
  });
});

describe('WebSocketTransport', () => {
  let statuses: ConnectionStatus[];
  let events: ServerEvent[];

  function make() {
    const t = new WebSocketTransport({
      url: 'wss://api.example/ws/widget/pk/',
      socketFactory: (url) => new FakeSocket(url),
      backoff: { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 },
    });
    t.onStatus((s) => statuses.push(s));
    t.onEvent((e) => events.push(e));
    return t;
  }
  const last = () => FakeSocket.instances[FakeSocket.instances.length - 1]!;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    statuses = [];
    events = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does nothing until connect() and connects once', () => {
    const t = make();
    expect(FakeSocket.instances).toHaveLength(0);
    expect(t.status).toBe('idle');
    t.connect();
    t.connect();
    expect(FakeSocket.instances).toHaveLength(1);
    expect(last().url).toBe('wss://api.example/ws/widget/pk/');
    expect(t.status).toBe('connecting');
  });

  it('reports unavailable after the first failure and retries with capped exponential backoff', () => {
    const t = make();
    t.connect();
    last().serverFail();
    expect(t.status).toBe('unavailable');

    const expectedDelays = [100, 200, 400, 800, 1000, 1000];
    for (const delay of expectedDelays) {
      const before = FakeSocket.instances.length;
      vi.advanceTimersByTime(delay - 1);
      expect(FakeSocket.instances).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.instances).toHaveLength(before + 1);
      last().serverFail();
      expect(t.status).toBe('unavailable');
    }
    expect(statuses).toEqual(['connecting', 'unavailable']);
  });

  it('opens, resets backoff, and reconnects after a drop', () => {
    const t = make();
    t.connect();
    last().serverFail();
    vi.advanceTimersByTime(100);
    last().serverFail();
    vi.advanceTimersByTime(200);
    last().serverOpen();
    expect(t.status).toBe('open');
    last().serverFail(); // drop after being open
    expect(t.status).toBe('reconnecting');
    vi.advanceTimersByTime(100); // backoff was reset to the initial delay
    last().serverOpen();
    expect(statuses).toEqual(['connecting', 'unavailable', 'open', 'reconnecting', 'open']);
  });

  it('retries when the WebSocket constructor throws (e.g. CSP)', () => {
    let calls = 0;
    const t = new WebSocketTransport({
      url: 'wss://x/ws/widget/k/',
      socketFactory: (url) => {
        calls += 1;
        if (calls === 1) throw new DOMException('blocked', 'SecurityError');
        return new FakeSocket(url);
      },
      backoff: { initialMs: 50, jitter: 0 },
    });
    t.connect();
    expect(t.status).toBe('unavailable');
    vi.advanceTimersByTime(50);
    expect(calls).toBe(2);
    last().serverOpen();
    expect(t.status).toBe('open');
  });

  it('sends the message frame only when open', () => {
    const t = make();
    expect(t.send('too early')).toBe(false);
    t.connect();
    expect(t.send('still early')).toBe(false);
    last().serverOpen();
    expect(t.send('Hello', { conversationId: 'c1' })).toBe(true);
    expect(last().sent.map((s) => JSON.parse(s))).toEqual([{ type: 'message', text: 'Hello', conversation_id: 'c1' }]);
  });

  it('delivers parsed events and ignores unknown or malformed frames', () => {
    const t = make();
    t.connect();
    const s = last();
    s.serverOpen();
    s.serverSend({ type: 'delta', text: 'Hi' });
    s.serverSend({ type: 'typing' });
    s.serverSend('{not json');
    s.serverSend({ type: 'delta' });
    s.serverSend({ type: 'done', message_id: 'm1' });
    expect(events).toEqual([
      { type: 'delta', text: 'Hi' },
      { type: 'done', message_id: 'm1' },
    ]);
    expect(t.status).toBe('open');
  });

  it('close() stops retrying', () => {
    const t = make();
    t.connect();
    last().serverFail();
    t.close();
    expect(t.status).toBe('closed');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('unsubscribe functions stop delivery', () => {
    const t = make();
    const seen: ServerEvent[] = [];
    const off = t.onEvent((e) => seen.push(e));
    t.connect();
    last().serverOpen();
    last().serverSend({ type: 'delta', text: 'a' });
    off();
    last().serverSend({ type: 'delta', text: 'b' });
    expect(seen).toEqual([{ type: 'delta', text: 'a' }]);
  });
});
