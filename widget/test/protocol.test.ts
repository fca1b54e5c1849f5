import { expect, test } from 'vitest';
import { parseFrame } from '../src/protocol';

const parse = (frame: unknown) => parseFrame(JSON.stringify(frame));

test('every server frame is parsed', () => {
  expect(parse({ type: 'ready', conversation_id: 'c1', last_seq: 4 })).toEqual({
    type: 'ready',
    conversation_id: 'c1',
    last_seq: 4,
  });
  expect(parse({ type: 'delta', message_id: 'm1', text: 'Hi' })).toEqual({
    type: 'delta',
    message_id: 'm1',
    text: 'Hi',
  });
  expect(parse({ type: 'tool', message_id: 'm1', name: 'lookup_order', status: 'started', result: {} }))
    .toMatchObject({ type: 'tool', name: 'lookup_order', status: 'started' });
  expect(parse({ type: 'done', message_id: 'm1', status: 'stopped', timings: {} })).toEqual({
    type: 'done',
    message_id: 'm1',
    status: 'stopped',
  });
  expect(parse({ type: 'error', message_id: null, code: 'busy', detail: 'Wait' })).toEqual({
    type: 'error',
    message_id: null,
    code: 'busy',
    detail: 'Wait',
  });
  expect(parse({ type: 'feedback', message_id: 'm1', value: 'up' })).toMatchObject({ value: 'up' });
  expect(parse({ type: 'conversation', conversation_id: 'c1', status: 'handed_off' })).toMatchObject({
    status: 'handed_off',
  });
  expect(parse({ type: 'pong' })).toEqual({ type: 'pong' });
});

test('a stored message, its citations and product cards are parsed', () => {
  const frame = parse({
    type: 'message',
    message_id: 'm2',
    seq: 2,
    role: 'agent',
    status: 'complete',
    content: 'See [1]',
    citations: [{ n: 1, kind: 'knowledge', title: 'Returns', url: 'https://s.example/r', section: 'EU' }],
    products: [
      {
        id: 7,
        title: 'Tent',
        url: 'https://s.example/tent',
        image: null,
        min_price: '99.00',
        max_price: '149.00',
        currency: 'eur',
        available: false,
        variant: null,
      },
      { id: 8, title: 'Mat', url: '', min_price: '20.00', max_price: '20.00', currency: 'EUR', variant: { price: '18.50' } },
    ],
    feedback: null,
    created_at: '2025-01-01T00:00:00Z',
  });
  expect(frame).toEqual({
    type: 'message',
    message_id: 'm2',
    seq: 2,
    role: 'agent',
    status: 'complete',
    content: 'See [1]',
    citations: [{ n: 1, title: 'Returns', url: 'https://s.example/r', section: 'EU' }],
    products: [
      { id: '7', title: 'Tent', url: 'https://s.example/tent', image: null, price: 99, ranged: true, currency: 'EUR', available: false },
      { id: '8', title: 'Mat', url: null, image: null, price: 18.5, ranged: false, currency: 'EUR', available: true },
    ],
    feedback: null,
  });
});

test('malformed citations and products are dropped one by one', () => {
  const frame = parse({
    type: 'citations',
    message_id: 'm1',
    citations: [{ n: 1, title: 'Ok', url: null }, { n: 'x', title: 'Bad' }, 'junk', { n: 2 }],
  });
  expect(frame).toEqual({ type: 'citations', message_id: 'm1', citations: [{ n: 1, title: 'Ok', url: null, section: null }] });
  const products = parse({
    type: 'products',
    message_id: 'm1',
    products: [{ id: 1, title: 'A', currency: 'EURO' }, { title: 'no id', currency: 'EUR' }, { id: 2, title: 'B', currency: 'USD', min_price: 'free' }],
  });
  expect(products).toMatchObject({ products: [{ id: '2', price: null }] });
});

test('invalid frames are ignored', () => {
  for (const raw of [
    'not json',
    '[]',
    'null',
    '"delta"',
    JSON.stringify({ type: 'unknown' }),
    JSON.stringify({ type: 'delta', text: 'no id' }),
    JSON.stringify({ type: 'delta', message_id: 'm', text: 5 }),
    JSON.stringify({ type: 'done', message_id: 'm', status: 'weird' }),
    JSON.stringify({ type: 'ready', conversation_id: 'c', last_seq: -1 }),
    JSON.stringify({ type: 'message', message_id: 'm', seq: 1, role: 'system', status: 'complete', content: '' }),
    JSON.stringify({ type: 'feedback', message_id: 'm', value: 'meh' }),
    JSON.stringify({ type: 'conversation', conversation_id: 'c', status: 'closed' }),
    JSON.stringify({ type: 'error', detail: 'no code' }),
  ]) {
    expect(parseFrame(raw), raw).toBeNull();
  }
});
