import { describe, expect, it } from 'vitest';
import { encodeMessage, parseEvent } from '../src/protocol';

const raw = (v: unknown) => JSON.stringify(v);

describe('parseEvent', () => {
  it('accepts delta', () => {
    expect(parseEvent(raw({ type: 'delta', text: 'Hel' }))).toEqual({ type: 'delta', text: 'Hel' });
  });

  it('accepts an empty delta text', () => {
    expect(parseEvent(raw({ type: 'delta', text: '' }))).toEqual({ type: 'delta', text: '' });
  });

  it('accepts citations with optional section', () => {
    const ev = parseEvent(
      raw({
        type: 'citations',
        items: [
          { title: 'Returns', url: 'https://shop.example/returns', section: 'Refunds' },
          { title: 'Shipping', url: 'https://shop.example/shipping' },
        ],
      }),
    );
    expect(ev).toEqual({
      type: 'citations',
      items: [
        { title: 'Returns', url: 'https://shop.example/returns', section: 'Refunds' },
        { title: 'Shipping', url: 'https://shop.example/shipping' },
      ],
    });
  });

  it('accepts products, normalising numeric ids, decimal-string prices and currency case', () => {
    const ev = parseEvent(
      raw({
        type: 'products',
        items: [
          { id: 42, title: 'Mug', url: 'https://s.example/mug', image: 'https://s.example/m.jpg', price: '12.50', currency: 'eur' },
          { id: 'sku-1', title: 'Tee', url: 'https://s.example/tee', price: 19, currency: 'USD' },
        ],
      }),
    );
    expect(ev).toEqual({
      type: 'products',
      items: [
        { id: '42', title: 'Mug', url: 'https://s.example/mug', image: 'https://s.example/m.jpg', price: 12.5, currency: 'EUR' },
        { id: 'sku-1', title: 'Tee', url: 'https://s.example/tee', price: 19, currency: 'USD' },
      ],
    });
  });

  it('drops malformed list items but keeps the valid ones', () => {
    const ev = parseEvent(
      raw({
        type: 'products',
        items: [
          { id: 1, title: 'Ok', url: 'https://s.example/1', price: 1, currency: 'EUR' },
          { id: 2, title: 'No price', url: 'https://s.example/2', currency: 'EUR' },
          { id: 3, title: 'Bad currency', url: 'https://s.example/3', price: 1, currency: 'euro' },
          'nope',
        ],
      }),
    );
    expect(ev?.type).toBe('products');
    expect(ev && ev.type === 'products' ? ev.items.map((p) => p.id) : []).toEqual(['1']);
  });

  it('accepts tool', () => {
    expect(parseEvent(raw({ type: 'tool', name: 'search_catalog', status: 'started' }))).toEqual({
      type: 'tool',
      name: 'search_catalog',
      status: 'started',
    });
  });

  it('accepts done (and an optional conversation_id)', () => {
    expect(parseEvent(raw({ type: 'done', message_id: 'm_1' }))).toEqual({ type: 'done', message_id: 'm_1' });
    expect(parseEvent(raw({ type: 'done', message_id: 7, conversation_id: 'c_9' }))).toEqual({
      type: 'done',
      message_id: '7',
      conversation_id: 'c_9',
    });
  });

  it('accepts error', () => {
    expect(parseEvent(raw({ type: 'error', code: 'rate_limited', detail: 'Slow down' }))).toEqual({
      type: 'error',
      code: 'rate_limited',
      detail: 'Slow down',
    });
  });

  it('ignores extra fields', () => {
    expect(parseEvent(raw({ type: 'delta', text: 'x', seq: 3 }))).toEqual({ type: 'delta', text: 'x' });
  });

  it.each([
    ['not json', 'not json{'],
    ['empty string', ''],
    ['json null', 'null'],
    ['json array', raw([{ type: 'delta', text: 'x' }])],
    ['json string', raw('delta')],
    ['missing type', raw({ text: 'x' })],
    ['non-string type', raw({ type: 5, text: 'x' })],
    ['unknown type', raw({ type: 'typing', text: 'x' })],
    ['delta without text', raw({ type: 'delta' })],
    ['delta with numeric text', raw({ type: 'delta', text: 5 })],
    ['citations without items', raw({ type: 'citations' })],
    ['citations with object items', raw({ type: 'citations', items: { title: 't', url: 'u' } })],
    ['products with string items', raw({ type: 'products', items: 'x' })],
    ['tool without status', raw({ type: 'tool', name: 'x' })],
    ['done without message_id', raw({ type: 'done' })],
    ['done with object message_id', raw({ type: 'done', message_id: {} })],
    ['error without code', raw({ type: 'error', detail: 'x' })],
  ])('rejects %s', (_name, input) => {
    expect(parseEvent(input)).toBeNull();
  });
});

describe('encodeMessage', () => {
  it('serialises the client message frame', () => {
    expect(JSON.parse(encodeMessage('hi'))).toEqual({ type: 'message', text: 'hi' });
    expect(JSON.parse(encodeMessage('hi', 'c1'))).toEqual({ type: 'message', text: 'hi', conversation_id: 'c1' });
  });
});
