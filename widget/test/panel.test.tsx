import { act, fireEvent, within } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import type { PanelHost } from '../src/contract';
import { mountPanel } from '../src/panel/mount';
import { CONFIG, FakeSocket, last } from './fakes';

beforeEach(() => {
  FakeSocket.all = [];
});

function setup(config: object = CONFIG, email: string | null = null) {
  const hostEl = document.createElement('div');
  const root = hostEl.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  const launcher = document.createElement('button');
  root.append(container, launcher);
  document.body.append(hostEl);
  const host: PanelHost = {
    root,
    container,
    config,
    key: 'pk_test',
    locale: 'de-DE',
    email,
    requestClose: vi.fn(() => {
      handle.close();
      launcher.focus();
    }),
    setUnread: vi.fn(),
    emit: vi.fn(),
  };
  const handle = mountPanel(host, { socket: FakeSocket.factory });
  const q = within(root as unknown as HTMLElement);
  const open = async () => {
    await act(() => handle.open());
    const ws = FakeSocket.last();
    await act(() => {
      ws.open();
      ws.receive({ type: 'ready', conversation_id: 'c1', last_seq: 0 });
    });
    return ws;
  };
  return { host, handle, q, root, open, launcher };
}

const frame = (ws: FakeSocket, data: object) => act(() => ws.receive(data));

test('opening shows the dialog, suggested questions, and focuses the composer', async () => {
  const { q, root, open } = setup();
  expect(q.queryByRole('dialog')).toBeNull();
  const ws = await open();
  const dialog = q.getByRole('dialog', { name: 'Chat mit Trail Guide' });
  expect(root.activeElement).toBe(q.getByRole('textbox', { name: 'Nachricht' }));
  expect(within(dialog).getByRole('log').getAttribute('aria-live')).toBe('off');
  fireEvent.click(q.getByRole('button', { name: 'Do you ship to Austria?' }));
  expect(last(ws.sent)).toMatchObject({ type: 'message', text: 'Do you ship to Austria?' });
  expect(q.queryByRole('button', { name: 'What is your return policy?' })).toBeNull();
});

test('a streamed answer: typing, markdown, citations, products, feedback, live region, message event', async () => {
  const { q, root, open, host } = setup();
  const ws = await open();
  const input = q.getByRole('textbox');
  fireEvent.input(input, { target: { value: 'Zelte?' } });
  fireEvent.keyDown(input, { key: 'Enter' });
  expect(root.querySelector('.typing')).not.toBeNull();
  expect(q.getByRole('button', { name: 'Antwort stoppen' })).toBeTruthy();

  await frame(ws, { type: 'delta', message_id: 'a1', text: 'Unser **bestes** Zelt [1]' });
  expect(root.querySelector('.typing')).toBeNull();
  expect(root.querySelector('.assistant strong')?.textContent).toBe('bestes');
  await frame(ws, { type: 'citations', message_id: 'a1', citations: [{ n: 1, title: 'Zelte', url: 'https://s.example/z' }] });
  await frame(ws, {
    type: 'products',
    message_id: 'a1',
    products: [{ id: 1, title: 'Tent', url: 'https://s.example/t', image: 'https://s.example/t.jpg', min_price: '99.50', max_price: '99.50', currency: 'EUR', available: true }],
  });
  expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe('');
  await frame(ws, { type: 'done', message_id: 'a1', status: 'complete', timings: {} });

  expect(q.getByRole('link', { name: 'Quelle 1: Zelte' }).getAttribute('href')).toBe('https://s.example/z');
  expect(root.querySelector('.price')?.textContent).toBe('99,50\u00a0€');
  expect(root.querySelector('.stock')?.textContent).toBe('Auf Lager');
  expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe('Trail Guide: Unser **bestes** Zelt [1]');
  expect(host.emit).toHaveBeenCalledWith('message', { message_id: 'a1', role: 'assistant', text: 'Unser **bestes** Zelt [1]' });

  fireEvent.click(q.getByRole('button', { name: 'Hilfreich' }));
  expect(last(ws.sent)).toEqual({ type: 'feedback', message_id: 'a1', value: 'up' });
  await frame(ws, { type: 'feedback', message_id: 'a1', value: 'up' });
  expect(q.getByRole('button', { name: 'Hilfreich' }).getAttribute('aria-pressed')).toBe('true');
});

test('stop, handoff, agent messages and the handed-off status', async () => {
  const { q, root, open } = setup();
  const ws = await open();
  fireEvent.input(q.getByRole('textbox'), { target: { value: 'Hallo' } });
  fireEvent.submit(root.querySelector('form.composer')!);
  fireEvent.click(q.getByRole('button', { name: 'Antwort stoppen' }));
  expect(last(ws.sent)).toEqual({ type: 'stop' });
  await frame(ws, { type: 'done', message_id: 'a1', status: 'stopped', timings: {} });

  fireEvent.click(q.getByRole('button', { name: 'Mit einem Menschen sprechen' }));
  expect(last(ws.sent)).toEqual({ type: 'handoff' });
  await frame(ws, { type: 'delta', message_id: 'a2', text: 'Our team will reply.' });
  await frame(ws, { type: 'done', message_id: 'a2', status: 'complete', timings: {} });
  await frame(ws, { type: 'conversation', conversation_id: 'c1', status: 'handed_off' });
  expect(q.getByText('Ein Mitglied unseres Teams antwortet Ihnen hier.')).toBeTruthy();
  expect(q.queryByRole('button', { name: 'Mit einem Menschen sprechen' })).toBeNull();

  await frame(ws, { type: 'message', message_id: 'g1', seq: 5, role: 'agent', status: 'complete', content: 'Hi, Anna here', citations: [], products: [], feedback: null });
  expect(root.querySelector('.msg.agent .who')?.textContent).toBe('Teammitglied');
  expect(root.querySelector('.msg.agent .bubble')?.textContent).toBe('Hi, Anna here');
});

test('order lookup sends the order with the identified email', async () => {
  const { q, open, handle } = setup(CONFIG, 'anna@example.com');
  const ws = await open();
  await act(() => handle.identify('anna@shop.example'));
  expect(last(ws.sent)).toEqual({ type: 'identify', email: 'anna@shop.example' });
  fireEvent.click(q.getByRole('button', { name: 'Bestellung verfolgen' }));
  const form = q.getByRole('form', { name: 'Bestellung verfolgen' });
  expect((within(form).getByLabelText('E-Mail') as HTMLInputElement).value).toBe('anna@shop.example');
  fireEvent.input(within(form).getByLabelText('Bestellnummer'), { target: { value: '1001' } });
  fireEvent.submit(form);
  expect(last(ws.sent)).toMatchObject({
    type: 'message',
    text: 'Bestellung #1001',
    order: { number: '1001', email: 'anna@shop.example' },
  });
});

test('order lookup trims its fields and sends nothing for a blank order number', async () => {
  const { q, open } = setup(CONFIG, 'anna@shop.example');
  const ws = await open();
  fireEvent.click(q.getByRole('button', { name: 'Bestellung verfolgen' }));
  const form = q.getByRole('form', { name: 'Bestellung verfolgen' });
  const number = within(form).getByLabelText('Bestellnummer');
  fireEvent.input(number, { target: { value: '   ' } });
  const sent = ws.sent.length;
  fireEvent.submit(form);
  expect(ws.sent.length).toBe(sent);
  fireEvent.input(number, { target: { value: ' 1001 ' } });
  fireEvent.submit(form);
  expect(last(ws.sent)).toMatchObject({ order: { number: '1001', email: 'anna@shop.example' } });
});

test('focus is trapped in the panel and Escape asks to close', async () => {
  const { q, root, open, host, launcher } = setup();
  await open();
  const dialog = q.getByRole('dialog');
  const close = q.getByRole('button', { name: 'Chat schließen' });
  const input = q.getByRole('textbox');
  // The send button is disabled while the draft is empty, so the textarea is last.
  input.focus();
  fireEvent.keyDown(input, { key: 'Tab' });
  expect(root.activeElement).toBe(close);
  fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
  expect(root.activeElement).toBe(input);
  await act(() => {
    fireEvent.keyDown(input, { key: 'Escape' });
  });
  expect(host.requestClose).toHaveBeenCalled();
  expect(dialog.isConnected).toBe(false);
  expect(root.activeElement).toBe(launcher);
});

test('answers arriving while closed raise the unread count; opening clears it', async () => {
  const { host, handle, open } = setup();
  const ws = await open();
  await act(() => handle.close());
  await frame(ws, { type: 'message', message_id: 'g1', seq: 3, role: 'agent', status: 'complete', content: 'Still there?', citations: [], products: [], feedback: null });
  expect(host.setUnread).toHaveBeenLastCalledWith(1);
  await act(() => handle.open());
  expect(host.setUnread).toHaveBeenLastCalledWith(0);
});

test('history replayed after a reload is not new; the conversation is remembered', async () => {
  localStorage.setItem('aisle:pk_test:conversation', JSON.stringify({ id: 'c1', seq: 2 }));
  const { host } = setup();
  const ws = FakeSocket.last(); // a remembered conversation connects before the panel opens
  await act(() => ws.open());
  expect(ws.sent[0]).toMatchObject({ type: 'hello', conversation_id: 'c1', last_seq: 0, locale: 'de-DE' });
  await frame(ws, { type: 'ready', conversation_id: 'c1', last_seq: 3 });
  for (const [seq, role] of [[1, 'user'], [2, 'assistant'], [3, 'agent']] as const) {
    await frame(ws, { type: 'message', message_id: `m${seq}`, seq, role, status: 'complete', content: `x${seq}`, citations: [], products: [], feedback: null });
  }
  expect(host.setUnread).toHaveBeenCalledTimes(1);
  expect(host.setUnread).toHaveBeenLastCalledWith(1);
  expect(JSON.parse(localStorage.getItem('aisle:pk_test:conversation')!)).toEqual({ id: 'c1', seq: 3 });
  expect(localStorage.getItem('aisle:pk_test:session')).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
});
