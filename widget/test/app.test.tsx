import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget } from '../src/bootstrap';
import { getStrings } from '../src/i18n';
import { App } from '../src/ui/App';
import { FakeTransport } from './fakes';

const en = getStrings('en');

function setup(opts: { status?: ConstructorParameters<typeof FakeTransport>[0]; locale?: string; open?: boolean } = {}) {
  const transport = new FakeTransport(opts.status ?? 'open');
  const locale = opts.locale ?? 'en-US';
  const utils = render(
    <App transport={transport} strings={getStrings(locale)} locale={locale} initiallyOpen={opts.open ?? true} />,
  );
  return { transport, ...utils };
}

// Locale-independent: the composer is the only textbox.
const textbox = () => screen.getByRole('textbox') as HTMLTextAreaElement;

function typeAndEnter(text: string) {
  const input = textbox();
  fireEvent.input(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

describe('launcher and dialog', () => {
  it('launcher toggles the dialog', () => {
    const { transport } = setup({ open: false });
    const launcher = screen.getByRole('button', { name: 'Open chat' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(launcher);
    const dialog = screen.getByRole('dialog', { name: 'Chat with us' });
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(within(dialog).getByRole('log').getAttribute('aria-live')).toBe('polite');
    expect(within(dialog).getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Send' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Close chat' })).toBeTruthy();
    expect(transport.connectCalls).toBe(1);

    fireEvent.click(launcher);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('close button closes the dialog and focuses the launcher', () => {
    setup({ open: true });
    fireEvent.click(screen.getByRole('button', { name: 'Close chat' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open chat' }));
  });

  it('inside the shadow root: opening focuses the composer, Escape closes and restores focus to the launcher', async () => {
    const widget = mountWidget(
      { publicKey: 'pk', apiOrigin: 'https://a.example', position: 'right', locale: 'en' },
      { transport: new FakeTransport() },
    );
    try {
      const root = widget.shadowRoot;
      const q = within(root as unknown as HTMLElement);
      const launcher = q.getByRole('button', { name: 'Open chat' });
      await act(() => {
        launcher.click();
      });
      const dialog = q.getByRole('dialog', { name: 'Chat with us' });
      const input = q.getByRole('textbox', { name: 'Message' });
      expect(root.activeElement).toBe(input);

      await act(() => {
        fireEvent.keyDown(input, { key: 'Escape' });
      });
      expect(dialog.isConnected).toBe(false);
      expect(q.queryByRole('dialog')).toBeNull();
      expect(root.activeElement).toBe(launcher);
      expect(document.activeElement).toBe(widget.host);
    } finally {
      widget.unmount();
    }
  });

  it('Escape with focus on the launcher also closes the open panel', () => {
    setup({ open: true });
    const launcher = screen.getByRole('button', { name: 'Open chat' });
    launcher.focus();
    fireEvent.keyDown(launcher, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(launcher);
  });

  it('left position is applied', () => {
    const transport = new FakeTransport();
    const { container } = render(<App transport={transport} strings={en} locale="en" position="left" />);
    expect(container.querySelector('.aisle-root--left')).not.toBeNull();
  });
});

describe('composer', () => {
  it('Enter sends via transport.send with the text and clears the input', () => {
    const { transport } = setup();
    typeAndEnter('  Do you ship to Austria?  ');
    expect(transport.sent).toEqual([{ text: 'Do you ship to Austria?', options: {} }]);
    expect(textbox().value).toBe('');
    const log = screen.getByRole('log');
    expect(log.textContent).toContain('Do you ship to Austria?');
  });

  it('Shift+Enter does not send', () => {
    const { transport } = setup();
    const input = textbox();
    fireEvent.input(input, { target: { value: 'line one' } });
    const notCancelled = fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(notCancelled).toBe(true); // default (newline) is not prevented
    expect(transport.sent).toEqual([]);
    expect(input.value).toBe('line one');
  });

  it('does not send blank text', () => {
    const { transport } = setup();
    typeAndEnter('   \n ');
    expect(transport.sent).toEqual([]);
  });

  it('the Send button submits too', () => {
    const { transport } = setup();
    fireEvent.input(textbox(), { target: { value: 'Hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(transport.sent.map((s) => s.text)).toEqual(['Hi']);
  });

  it('keeps the draft and sends nothing while the connection is unavailable', () => {
    const { transport } = setup({ status: 'unavailable' });
    typeAndEnter('Hello?');
    expect(transport.sent).toEqual([]);
    expect(textbox().value).toBe('Hello?');
    expect(screen.getByRole('status').textContent).toBe('Chat is unavailable right now');
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('passes the conversation id from a done event on the next message', () => {
    const { transport } = setup();
    typeAndEnter('first');
    act(() => transport.emit({ type: 'done', message_id: 'm1', conversation_id: 'conv-1' }));
    typeAndEnter('second');
    expect(transport.sent).toEqual([
      { text: 'first', options: {} },
      { text: 'second', options: { conversationId: 'conv-1' } },
    ]);
  });

  it('blocks a second send while an answer is streaming', () => {
    const { transport } = setup();
    typeAndEnter('first');
    typeAndEnter('second');
    expect(transport.sent.map((s) => s.text)).toEqual(['first']);
    expect(textbox().value).toBe('second');
  });
});

describe('connection status', () => {
  it('shows a calm unavailable line after a failed connect, and clears it when open', () => {
    const { transport } = setup({ status: 'connecting' });
    expect(screen.getByRole('status').textContent).toBe('Connecting…');
    act(() => transport.setStatus('unavailable'));
    expect(screen.getByRole('status').textContent).toBe('Chat is unavailable right now');
    act(() => transport.setStatus('open'));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('marks a streaming answer as interrupted when the connection drops', () => {
    const { transport } = setup();
    typeAndEnter('hi');
    act(() => transport.emit({ type: 'delta', text: 'Partial' }));
    act(() => transport.setStatus('reconnecting'));
    expect(screen.getByRole('log').textContent).toContain('Partial');
    expect(screen.getByRole('log').textContent).toContain(en.interrupted);
  });
});

describe('streaming answers', () => {
  it('concatenates deltas into one assistant bubble', () => {
    const { transport, container } = setup();
    typeAndEnter('Tell me about returns');
    act(() => {
      transport.emit({ type: 'delta', text: 'You can ' });
      transport.emit({ type: 'delta', text: 'return items ' });
    });
    act(() => transport.emit({ type: 'delta', text: 'within 30 days.' }));
    const bubbles = container.querySelectorAll('.aisle-msg--assistant');
    expect(bubbles).toHaveLength(1);
    expect(bubbles[0]!.querySelector('.aisle-text')!.textContent).toBe('You can return items within 30 days.');
    act(() => transport.emit({ type: 'done', message_id: 'm1' }));
    expect(bubbles[0]!.getAttribute('data-complete')).toBe('true');
  });

  it('renders server text as text, never as HTML', () => {
    const { transport, container } = setup();
    typeAndEnter('<b>me</b>');
    act(() => transport.emit({ type: 'delta', text: '<img src=x onerror=alert(1)>' }));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.aisle-msg--assistant .aisle-text')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('renders citations as links, but not javascript: URLs', () => {
    const { transport } = setup();
    typeAndEnter('returns?');
    act(() => {
      transport.emit({ type: 'delta', text: 'See our policy.' });
      transport.emit({
        type: 'citations',
        items: [
          { title: 'Return policy', url: 'https://shop.example/returns', section: 'Refunds' },
          { title: 'Evil', url: 'javascript:alert(1)' },
          { title: 'Sneaky', url: ' JaVaScRiPt:alert(1)' },
          { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
        ],
      });
    });
    const log = screen.getByRole('log');
    const link = within(log).getByRole('link', { name: 'Return policy — Refunds' }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://shop.example/returns');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(within(log).getAllByRole('link')).toHaveLength(1);
    expect(within(log).queryByRole('link', { name: 'Evil' })).toBeNull();
    expect(log.textContent).toContain('Evil'); // shown as plain text
    expect(log.querySelector('a[href^="javascript"], a[href^="JaVa"], a[href^="data"]')).toBeNull();
  });

  it('renders product cards with image, title link and locale-formatted price', () => {
    const { transport, container } = setup({ locale: 'de-DE' });
    typeAndEnter('Tassen?');
    act(() =>
      transport.emit({
        type: 'products',
        items: [
          { id: 'p1', title: 'Tasse', url: 'https://shop.example/p1', image: 'https://cdn.example/p1.jpg', price: 1234.5, currency: 'EUR' },
          { id: 'p2', title: 'Bad', url: 'javascript:alert(1)', image: 'javascript:alert(2)', price: 5, currency: 'USD' },
        ],
      }),
    );
    const cards = container.querySelectorAll('.aisle-product');
    expect(cards).toHaveLength(2);
    const [good, bad] = [cards[0]!, cards[1]!];
    expect(good.querySelector('img')!.getAttribute('src')).toBe('https://cdn.example/p1.jpg');
    expect(good.querySelector('a')!.getAttribute('href')).toBe('https://shop.example/p1');
    expect(good.querySelector('a')!.textContent).toBe('Tasse');
    const expected = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5);
    expect(good.querySelector('.aisle-product-price')!.textContent).toBe(expected);
    expect(expected.replace(/\s/g, ' ')).toBe('1.234,50 €');
    // Unsafe URLs: no link, no image, title still shown.
    expect(bad.querySelector('a')).toBeNull();
    expect(bad.querySelector('img')).toBeNull();
    expect(bad.textContent).toContain('Bad');
  });

  it('formats prices for an en-US shopper', () => {
    const { transport, container } = setup({ locale: 'en-US' });
    typeAndEnter('mugs?');
    act(() =>
      transport.emit({ type: 'products', items: [{ id: '1', title: 'Mug', url: 'https://s.example/1', price: 1234.5, currency: 'USD' }] }),
    );
    expect(container.querySelector('.aisle-product-price')!.textContent).toBe('$1,234.50');
  });

  it('shows an error line for error events', () => {
    const { transport, container } = setup();
    typeAndEnter('hi');
    act(() => transport.emit({ type: 'error', code: 'rate_limited', detail: 'Too many requests.' }));
    const line = container.querySelector('.aisle-error')!;
    expect(line.getAttribute('data-code')).toBe('rate_limited');
    expect(line.textContent).toBe(`${en.error} Too many requests.`);
    // The answer is finished, so the shopper can send again.
    typeAndEnter('again');
    expect(transport.sent.map((s) => s.text)).toEqual(['hi', 'again']);
  });

  it('shows tool activity until text arrives', () => {
    const { transport } = setup();
    typeAndEnter('find mugs');
    act(() => transport.emit({ type: 'tool', name: 'search_catalog', status: 'started' }));
    expect(screen.getByRole('log').textContent).toContain(en.working);
    act(() => transport.emit({ type: 'delta', text: 'Here you go' }));
    expect(screen.getByRole('log').textContent).not.toContain(en.working);
  });
});

describe('i18n in the UI', () => {
  it('renders German strings for a de locale', () => {
    setup({ locale: 'de-AT', open: true });
    expect(screen.getByRole('button', { name: 'Chat öffnen' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toBeTruthy();
    expect(screen.getByRole('dialog').closest('[lang]')!.getAttribute('lang')).toBe('de-AT');
  });
});
