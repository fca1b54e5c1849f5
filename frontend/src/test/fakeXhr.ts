import { vi } from 'vitest';

/**
 * An XMLHttpRequest stand-in for uploads: tests see the requests sent (method, URL, headers,
 * body), then report upload progress and answer them.
 */
export class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  readonly headers = new Headers();
  body: unknown = undefined;
  status = 0;
  responseText = '';
  readonly upload: { onprogress: ((event: Pick<ProgressEvent, 'lengthComputable' | 'loaded' | 'total'>) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private contentType: string | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }

  getResponseHeader(name: string): string | null {
    return name.toLowerCase() === 'content-type' ? this.contentType : null;
  }

  send(body: unknown): void {
    this.body = body;
    FakeXhr.instances.push(this);
  }

  /** The browser has sent `loaded` of `total` bytes. */
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }

  /** The server answers with `status` and `body` as JSON (or a raw text body). */
  respond(status: number, body?: unknown): void {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    this.contentType = typeof body === 'string' ? 'text/html' : 'application/json';
    this.onload?.();
  }

  /** The connection failed before an answer. */
  fail(): void {
    this.onerror?.();
  }
}

/** Replaces the global XMLHttpRequest for this test; returns the list of requests sent. */
export function mockXhr(): FakeXhr[] {
  FakeXhr.instances = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr.instances;
}
