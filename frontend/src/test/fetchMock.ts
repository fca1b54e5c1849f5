import { vi } from 'vitest';

export interface MockResponse {
  status?: number;
  body?: unknown;
  /** Frames answered as `text/event-stream`: `event: <frame.type>` + `data: <frame as JSON>` each. */
  events?: { type: string; [field: string]: unknown }[];
  /** A `text/event-stream` body as written, for what `events` cannot say (a frame that is not JSON). */
  stream?: string;
}

function eventStream(text: string): Response {
  return new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** Responses keyed by "METHOD /path?query" (exact) or "METHOD /path" (any query). */
export type Routes = Record<string, MockResponse | MockResponse[]>;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/**
 * Replaces global fetch with a stub answering from `routes`. An array answers
 * successive calls in order (the last entry repeats). Unknown requests get a 599
 * so a test fails loudly. Returns the list of requests made, in order.
 */
export function mockFetch(routes: Routes): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const calls = new Map<string, number>();

  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      const method = (init.method ?? 'GET').toUpperCase();
      requests.push({
        method,
        url,
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
        credentials: init.credentials,
      });

      const key = [`${method} ${url}`, `${method} ${url.split('?')[0]}`].find((candidate) => candidate in routes);
      const route = key === undefined ? undefined : routes[key];
      if (key === undefined || route === undefined) {
        return new Response(JSON.stringify({ code: 'unmocked', detail: `No mock for ${method} ${url}` }), { status: 599 });
      }
      const count = calls.get(key) ?? 0;
      calls.set(key, count + 1);
      const { status = 200, body, events, stream } = Array.isArray(route) ? (route[Math.min(count, route.length - 1)] ?? {}) : route;
      if (events) return eventStream(events.map((frame) => `event: ${frame.type}\ndata: ${JSON.stringify(frame)}\n\n`).join(''));
      if (stream !== undefined) return eventStream(stream);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return requests;
}

export function requestsTo(requests: RecordedRequest[], method: string, path: string): RecordedRequest[] {
  return requests.filter((request) => request.method === method && request.url.split('?')[0] === path);
}
