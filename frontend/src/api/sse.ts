/** One server-sent event: its `event:` name ("message" when absent) and its `data:` lines. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` body as it arrives, following the WHATWG parsing rules the
 * server relies on: events end at a blank line, `data:` lines join with "\n", one optional
 * space after the colon is dropped, lines starting with ":" are comments (keep-alives), and
 * CRLF, LF and CR all end a line. Chunks may split lines and UTF-8 characters anywhere.
 */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];

  function* lines(final: boolean): Generator<string> {
    const pattern = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = pattern.exec(buffer); match; match = pattern.exec(buffer)) {
      // A trailing CR may be the first half of a CRLF split across chunks.
      if (match[0] === '\r' && match.index === buffer.length - 1 && !final) break;
      yield buffer.slice(start, match.index);
      start = pattern.lastIndex;
    }
    buffer = buffer.slice(start);
  }

  function field(line: string): ServerSentEvent | null {
    if (line === '') {
      const dispatched = data.length > 0 ? { event: event || 'message', data: data.join('\n') } : null;
      event = '';
      data = [];
      return dispatched;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
    return null;
  }

  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const line of lines(done)) {
        const dispatched = field(line);
        if (dispatched) yield dispatched;
      }
      // An event not ended by a blank line when the stream closes is dropped, as browsers do.
      if (done) return;
    }
  } finally {
    // Leaving early (the consumer stopped) closes the connection.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
