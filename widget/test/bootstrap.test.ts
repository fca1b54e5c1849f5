import { within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiOriginFromScript, boot, findScript, HOST_ID, readConfig } from '../src/bootstrap';
import { FakeTransport } from './fakes';

function addScript(attrs: Record<string, string>): HTMLScriptElement {
  const s = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  // type=text/plain so jsdom never tries to fetch/execute it
  s.type = 'text/plain';
  document.body.appendChild(s);
  return s;
}

const mounted: Array<{ unmount(): void }> = [];
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount();
});

describe('readConfig', () => {
  it('reads key, position and locale and derives the API origin from src', () => {
    const s = addScript({
      src: 'https://app.aisle.example:8443/static/widget/aisle-widget.js',
      'data-aisle-key': 'pk_live_123',
      'data-aisle-position': 'left',
      'data-aisle-locale': 'de_AT',
    });
    expect(readConfig(s)).toEqual({
      publicKey: 'pk_live_123',
      apiOrigin: 'https://app.aisle.example:8443',
      position: 'left',
      locale: 'de-AT',
    });
  });

  it('defaults position to right and locale to navigator.language', () => {
    const s = addScript({ src: 'https://a.example/w.js', 'data-aisle-key': 'pk', 'data-aisle-position': 'top' });
    const cfg = readConfig(s, document, { language: 'fr-CA' });
    expect(cfg?.position).toBe('right');
    expect(cfg?.locale).toBe('fr-CA');
  });

  it('resolves a relative src against the page', () => {
    const s = addScript({ src: '/static/widget/aisle-widget.js', 'data-aisle-key': 'pk' });
    expect(apiOriginFromScript(s)).toBe(new URL(document.baseURI).origin);
  });

  it('logs one clear error and returns null without a key', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = addScript({ src: 'https://a.example/w.js' });
    expect(readConfig(s)).toBeNull();
    expect(readConfig(addScript({ 'data-aisle-key': '   ' }))).toBeNull();
    expect(err).toHaveBeenCalledTimes(2);
    expect(err).toHaveBeenCalledWith('[aisle] missing data-aisle-key');
  });
});

describe('findScript', () => {
  it('falls back to script[data-aisle-key] when currentScript is unavailable', () => {
    addScript({ src: 'https://other.example/x.js' });
    const s = addScript({ src: 'https://a.example/w.js', 'data-aisle-key': 'pk' });
    expect(document.currentScript).toBeNull();
    expect(findScript()).toBe(s);
  });
});

describe('boot', () => {
  it('renders the widget inside an open shadow root, invisible to host-page queries', async () => {
    addScript({ src: 'https://app.aisle.example/static/widget/aisle-widget.js', 'data-aisle-key': 'pk_live_1' });
    const transport = new FakeTransport('idle');
    const widget = await boot(document, { transport });
    expect(widget).not.toBeNull();
    mounted.push(widget!);

    const host = document.getElementById(HOST_ID)!;
    expect(host).not.toBeNull();
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).not.toBeNull();
    expect(host.shadowRoot).toBe(widget!.shadowRoot);

    // The host page cannot see the launcher...
    expect(document.querySelector('button')).toBeNull();
    expect(document.querySelector('.aisle-launcher')).toBeNull();
    // ...but the shadow root has it, with its accessible name.
    const root = host.shadowRoot!;
    expect(root.querySelector('button')).not.toBeNull();
    const launcher = within(root as unknown as HTMLElement).getByRole('button', { name: 'Open chat' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');

    // Styles are injected into the shadow root, not into the page.
    const style = root.querySelector('style');
    expect(style?.textContent).toContain('.aisle-launcher');
    expect(document.head.querySelector('style')).toBeNull();

    expect(widget!.config.apiOrigin).toBe('https://app.aisle.example');
    // Lazy: no connection attempt until the shopper opens the chat.
    expect(transport.connectCalls).toBe(0);
  });

  it('builds the WebSocket URL from the script origin when no transport is injected', async () => {
    const urls: string[] = [];
    const RealWS = globalThis.WebSocket;
    // Minimal stub: record the URL and never open.
    globalThis.WebSocket = class {
      onopen = null;
      onclose = null;
      onerror = null;
      onmessage = null;
      readyState = 0;
      constructor(url: string) {
        urls.push(url);
      }
      send() {}
      close() {}
    } as unknown as typeof WebSocket;
    try {
      addScript({ src: 'https://app.aisle.example/static/widget/aisle-widget.js', 'data-aisle-key': 'pk_live_9' });
      const widget = await boot(document);
      mounted.push(widget!);
      widget!.transport.connect();
      expect(urls).toEqual(['wss://app.aisle.example/ws/widget/pk_live_9/']);
    } finally {
      globalThis.WebSocket = RealWS;
    }
  });

  it('renders nothing and logs an error without data-aisle-key', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    addScript({ src: 'https://app.aisle.example/static/widget/aisle-widget.js' });
    const widget = await boot(document, { transport: new FakeTransport() });
    expect(widget).toBeNull();
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.body.querySelectorAll('div')).toHaveLength(0);
    expect(err).toHaveBeenCalledTimes(1);
    expect(err).toHaveBeenCalledWith('[aisle] missing data-aisle-key');
  });

  it('mounts only once when the snippet is included twice', async () => {
    addScript({ src: 'https://a.example/w.js', 'data-aisle-key': 'pk' });
    const first = await boot(document, { transport: new FakeTransport() });
    mounted.push(first!);
    const second = await boot(document, { transport: new FakeTransport() });
    expect(second).toBeNull();
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
  });

  it('unmount removes the host and closes the transport', async () => {
    addScript({ src: 'https://a.example/w.js', 'data-aisle-key': 'pk' });
    const transport = new FakeTransport();
    const widget = (await boot(document, { transport }))!;
    widget.unmount();
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(transport.closed).toBe(true);
  });
});
