import { expect, test } from 'vitest';
import { sseParser, type SseEvent } from '../src/sse';

test('events split across chunks, CRLF, comments and multi-line data', () => {
  const events: SseEvent[] = [];
  const feed = sseParser((e) => events.push(e));
  feed(': keep-alive\r\nevent: del');
  feed('ta\r\ndata: {"a":');
  feed('1}\r');
  feed('\n\r\ndata: line one\ndata:line two\n\nevent: empty\n\n');
  expect(events).toEqual([
    { event: 'delta', data: '{"a":1}' },
    { event: 'message', data: 'line one\nline two' },
  ]);
});
