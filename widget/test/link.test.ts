import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { BACKOFF, backoffDelay, ChatLink, type LinkStatus } from '../src/link';
import type { ServerFrame } from '../src/protocol';
import type { LinkState } from '../src/sse';
import { FakeSocket, last, streamResponse } from './fakes';

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

function setup(state: Partial<LinkState> = {}, fetch = vi.fn<typeof globalThis.fetch>()) {
  const frames: ServerFrame[] = [];
  const statuses: LinkStatus[] = [];
  const linkState: LinkState = { conversationId: null, lastSeq: 0, email: null, ...state };
  const link = new ChatLink({
    wsUrl: 'wss://a.example/ws/widget/pk/',
    httpUrl: 'https://a.example/api/v1/chat/',
    key: 'pk',
    sessionId: 'session-1234',
    locale: 'de-AT',
    state: linkState,
    onFrame: (f) => frames.push(f),
    onStatus: (s) => statuses.push(s),
    socket: FakeSocket.factory,
    fetch,
    random: () => 0,
  });
  link.start();
  return { link, frames, statuses, state: linkState, fetch };
}

test('backoff doubles up to the cap and jitter only shortens it', () => {
  expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, BACKOFF, () => 0))).toEqual([
    1000, 2000, 4000, 8000, 30_000,
  ]);
  expect(backoffDelay(0, BACKOFF, () => 1)).toBe(700);
});

test('hello resumes the stored conversation; frames wait for ready', () => {
  const { link, frames, statuses } = setup({ conversationId: 'c1', lastSeq: 3, email: 'a@b.example' });
  const ws = FakeSocket.last();
  expect(link.send({ type: 'message', text: 'Hi', client_id: 'l1' })).toBe(true);
  ws.open();
  expect(ws.sent).toEqual([
    { type: 'hello', session_id: 'session-1234', locale: 'de-AT', conversation_id: 'c1', last_seq: 3, email: 'a@b.example' },
  ]);
  ws.receive({ type: 'ready', conversation_id: 'c1', last_seq: 5 });
  ws.receive({ type: 'message', message_id: 'm4', seq: 4, role: 'agent', status: 'complete', content: 'Hello', citations: [], products: [], feedback: null });
  ws.receive('garbage');
  expect(ws.sent[1]).toEqual({ type: 'message', text: 'Hi', client_id: 'l1' });
  expect(frames.map((f) => f.type)).toEqual(['ready', 'message']);
  expect(statuses).toEqual(['open']);
});

test('a conversation the server does not know is dropped and a new one started', () => {
  const { state, frames } = setup({ conversationId: 'gone', lastSeq: 2 });
  const ws = FakeSocket.last();
  ws.open();
  ws.receive({ type: 'error', message_id: null, code: 'invalid', detail: 'Unknown conversation' });
  expect(ws.sent[1]).toEqual({ type: 'hello', session_id: 'session-1234', locale: 'de-AT' });
  expect(state.conversationId).toBeNull();
  expect(frames).toEqual([]);
});

test('after a drop it reconnects with backoff and resumes from the last seq', () => {
  const { statuses } = setup();
  const first = FakeSocket.last();
  first.open();
  first.receive({ type: 'ready', conversation_id: 'c9', last_seq: 0 });
  first.receive({ type: 'message', message_id: 'm1', seq: 1, role: 'user', status: 'complete', content: 'Q', citations: [], products: [], feedback: null });
  first.drop();
  expect(last(statuses)).toBe('reconnecting');
  vi.advanceTimersByTime(999);
  expect(FakeSocket.all).toHaveLength(1);
  vi.advanceTimersByTime(1);
  const second = FakeSocket.last();
  second.drop(); // failed again: the next wait doubles
  vi.advanceTimersByTime(1999);
  expect(FakeSocket.all).toHaveLength(2);
  vi.advanceTimersByTime(1);
  const third = FakeSocket.last();
  third.open();
  expect(third.sent[0]).toMatchObject({ type: 'hello', conversation_id: 'c9', last_seq: 1 });
});

test('refusal close codes stop retrying', () => {
  const { statuses } = setup();
  FakeSocket.last().drop(4403);
  vi.advanceTimersByTime(60_000);
  expect(FakeSocket.all).toHaveLength(1);
  expect(statuses).toEqual(['refused']);
});

test('two failed attempts without ever opening fall back to SSE', async () => {
  const fetch = vi.fn<typeof globalThis.fetch>(async () =>
    streamResponse([
      'event: ready\ndata: {"type":"ready","conversation_id":"c5","last_seq":0}\n\n',
      'event: delta\ndata: {"type":"delta","message_id":"m2","text":"Hal"}\n\nevent: delta\ndata: {"type":"delta","message_id":"m2",',
      '"text":"lo"}\n\nevent: done\ndata: {"type":"done","message_id":"m2","status":"complete","timings":{}}\n\n',
    ]),
  );
  const { link, frames, state } = setup({ email: 'x@y.example' }, fetch);
  FakeSocket.last().drop();
  vi.advanceTimersByTime(1000);
  FakeSocket.last().drop();
  await vi.runAllTimersAsync();
  expect(link.live).toBe(false);
  expect(link.send({ type: 'message', text: 'Wo ist meine Bestellung?', order: { number: '1001', email: 'x@y.example' } })).toBe(true);
  await vi.waitFor(() => expect(last(frames)?.type).toBe('done'));
  const [url, init] = fetch.mock.calls[0] ?? [];
  expect(url).toBe('https://a.example/api/v1/chat/stream/');
  expect((init?.headers as Record<string, string>)['X-Aisle-Widget-Key']).toBe('pk');
  expect(JSON.parse(String(init?.body))).toEqual({
    session_id: 'session-1234',
    text: 'Wo ist meine Bestellung?',
    locale: 'de-AT',
    email: 'x@y.example',
    order: { number: '1001', email: 'x@y.example' },
  });
  expect(frames.map((f) => (f.type === 'delta' ? f.text : f.type))).toEqual(['ready', 'Hal', 'lo', 'done']);
  expect(state.conversationId).toBe('c5');
});

test('without WebSocket support the history comes over HTTP', async () => {
  const fetch = vi.fn<typeof globalThis.fetch>(async () =>
    Response.json({
      conversation_id: 'c1',
      messages: [{ message_id: 'm1', seq: 1, role: 'user', status: 'complete', content: 'Hi', citations: [], products: [], feedback: null }],
      has_more: false,
    }),
  );
  const frames: ServerFrame[] = [];
  const state: LinkState = { conversationId: 'c1', lastSeq: 0, email: null };
  const link = new ChatLink({
    wsUrl: 'wss://a.example/ws/widget/pk/',
    httpUrl: 'https://a.example/api/v1/chat/',
    key: 'pk',
    sessionId: 'session-1234',
    locale: 'en',
    state,
    onFrame: (f) => frames.push(f),
    onStatus: () => undefined,
    socket: () => null,
    fetch,
  });
  link.start();
  await vi.waitFor(() => expect(frames).toHaveLength(2));
  expect(fetch.mock.calls[0]?.[0]).toBe(
    'https://a.example/api/v1/chat/conversations/c1/messages/?session_id=session-1234&after=0',
  );
  expect(frames[0]).toEqual({ type: 'ready', conversation_id: 'c1', last_seq: 0 });
  expect(state.lastSeq).toBe(1);
});
