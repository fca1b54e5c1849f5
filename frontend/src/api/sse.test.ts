import { describe, expect, it, vi } from 'vitest';
import { apiEventStream } from './client';
import { readEventStream, type ServerSentEvent } from './sse';

/** A body that delivers `chunks` (strings or raw bytes) one read at a time. */
function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(events: AsyncIterable<ServerSentEvent>): Promise<ServerSentEvent[]> {
  const all: ServerSentEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('readEventStream', () => {
  it('yields each event with its name and data, across chunk boundaries', async () => {
    const events = await collect(
      readEventStream(streamOf(['event: ready\ndata: {"a":', '1}\n\nevent: del', 'ta\ndata: {"text":"Hi"}\n', '\n'])),
    );

    expect(events).toEqual([
      { event: 'ready', data: '{"a":1}' },
      { event: 'delta', data: '{"text":"Hi"}' },
    ]);
  });

  it('joins data lines, ignores comments, accepts CRLF and CR, and defaults the name to "message"', async () => {
    const events = await collect(
      readEventStream(streamOf([': keep-alive\r\n\r\ndata: one\r', '\ndata:two\r\rdata: three\n\n'])),
    );

    expect(events).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'message', data: 'three' },
    ]);
  });

  it('decodes a UTF-8 character split between chunks and drops an unfinished last event', async () => {
    const bytes = new TextEncoder().encode('data: Grüße\n\ndata: cut off');
    const split = bytes.indexOf(0xc3) + 1; // inside "ü"

    const events = await collect(readEventStream(streamOf([bytes.slice(0, split), bytes.slice(split)])));

    expect(events).toEqual([{ event: 'message', data: 'Grüße' }]);
  });
});

describe('apiEventStream', () => {
  it('POSTs JSON with the CSRF header asking for an event stream', async () => {
    document.cookie = 'csrftoken=tok123';
    const fetchMock = vi.fn(async () => new Response(streamOf(['event: done\ndata: {}\n\n']), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);

    const events = await collect(apiEventStream('/playground/messages/', { text: 'hi' }));

    expect(events).toEqual([{ event: 'done', data: '{}' }]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(url).toBe('/api/v1/playground/messages/');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"text":"hi"}');
    expect(headers.get('Accept')).toBe('text/event-stream');
    expect(headers.get('X-CSRFToken')).toBe('tok123');
  });

  it('rejects with the API error when the turn is refused', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ code: 'busy', detail: 'Still answering.' }), { status: 409 }),
    );

    await expect(collect(apiEventStream('/playground/messages/', { text: 'hi' }))).rejects.toMatchObject({
      status: 409,
      code: 'busy',
      detail: 'Still answering.',
    });
  });
});
