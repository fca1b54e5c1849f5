import { within } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { boot } from '../src/loader/loader';
import { CONFIG } from './fakes';

function addScript(attrs: Record<string, string> = {}) {
  const script = document.createElement('script');
  script.type = 'text/plain'; // jsdom must not fetch it
  script.src = 'https://aisle.example/widget.js';
  script.dataset.key = 'pk_test';
  for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
  document.body.append(script);
  return script;
}

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>(async () => Response.json(CONFIG));
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('requestIdleCallback', undefined);
});
afterEach(() => vi.unstubAllGlobals());

const host = () => document.querySelector('aisle-widget');
const shadow = () => within(host()!.shadowRoot as unknown as HTMLElement);

test('renders the launcher after the config arrives, from the script origin', async () => {
  addScript({ 'data-locale': 'de' });
  const shown = boot();
  expect(host()).toBeNull();
  expect(await shown).toBe(true);
  expect(fetchMock).toHaveBeenCalledWith('https://aisle.example/api/v1/widget/config/pk_test/', { credentials: 'omit' });
  const launcher = shadow().getByRole('button', { name: 'Chat öffnen' });
  expect(launcher.getAttribute('aria-expanded')).toBe('false');
  expect(shadow().getByRole('button', { name: 'Hi! How can I help?' })).toBeTruthy();
  expect(host()!.shadowRoot!.adoptedStyleSheets).toHaveLength(1);
  expect(host()!.shadowRoot!.querySelector('style, [style*="color"]')).toBeNull();
});

test('renders nothing on a refused config, with one warning, and drops queued calls', async () => {
  fetchMock.mockResolvedValue(Response.json({ code: 'origin_not_allowed', detail: 'No' }, { status: 403 }));
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  addScript();
  const shown = boot();
  window.Aisle!.open();
  expect(await shown).toBe(false);
  expect(host()).toBeNull();
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0])).toContain('origin_not_allowed');
  expect(document.querySelector('script[src*="panel"]')).toBeNull();
});

test('API calls made before the config arrived run once the launcher is there', async () => {
  addScript();
  const shown = boot();
  const opened = vi.fn();
  window.Aisle!.on('open', opened);
  window.Aisle!.open();
  await shown;
  // Opening loads the panel script and marks the launcher expanded.
  const panelScript = document.head.querySelector<HTMLScriptElement>('script[src="https://aisle.example/widget/panel-abc.js"]');
  expect(panelScript).not.toBeNull();
  expect(shadow().getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
  await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
});

test('the panel mounts through window.Aisle._mountPanel and drives the badge', async () => {
  addScript();
  await boot();
  const handle = { open: vi.fn(), close: vi.fn(), ask: vi.fn(), identify: vi.fn() };
  let setUnread: (n: number) => void = () => undefined;
  window.Aisle!._mountPanel = (panelHost) => {
    setUnread = panelHost.setUnread;
    expect(panelHost.config).toEqual(CONFIG);
    expect(panelHost.email).toBe('shopper@example.com');
    return handle;
  };
  window.Aisle!.identify({ email: 'shopper@example.com' });
  window.Aisle!.ask('Do you ship to Austria?');
  document.head.querySelector('script')!.dispatchEvent(new Event('load'));
  await vi.waitFor(() => expect(handle.ask).toHaveBeenCalledWith('Do you ship to Austria?'));
  expect(handle.open).toHaveBeenCalled();
  window.Aisle!.close();
  setUnread(3);
  expect(shadow().getByRole('button', { name: 'Open chat (3 unread)' }).textContent).toBe('3');
});

test('a second copy of the snippet does nothing', async () => {
  addScript();
  await boot();
  const api = window.Aisle;
  expect(await boot()).toBe(false);
  expect(window.Aisle).toBe(api);
  expect(document.querySelectorAll('aisle-widget')).toHaveLength(1);
});
