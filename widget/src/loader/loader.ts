/**
 * The loader (`dist/loader.js`, the merchant's one script tag). It must stay tiny and never
 * block the page: it defines `window.Aisle` at once (calls queue up), fetches the store's
 * public config, renders only the launcher, and loads the chat panel on first open or when
 * the browser is idle. Any refusal renders nothing.
 */
import { parseLauncherConfig, type LauncherConfig } from '../config';
import type { AisleApi, AisleEvent, AisleHandler, AisleMessage, PanelHandle } from '../contract';
import { adoptStyles } from '../css';
import { languageOf, resolveLocale } from '../i18n';
import { LAUNCHER_STRINGS } from '../i18n/launcher';
import { BAG, CHAT, CLOSE, HELP, SPARKLE } from '../icons';
import css from './launcher.css?inline';

const ICONS: Partial<Record<string, string>> = { chat: CHAT, bag: BAG, help: HELP, sparkle: SPARKLE };
/** Load the panel this long after the launcher at the latest, when the page never idles. */
export const IDLE_TIMEOUT_MS = 4000;

export function findScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript as HTMLScriptElement | null;
  return current?.dataset?.key
    ? current
    : doc.querySelector<HTMLScriptElement>('script[data-key][src*="widget.js"]');
}

function svg(doc: Document, path: string, cls: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const el = doc.createElementNS(ns, 'svg');
  // No aria-hidden needed: every button here is named by its aria-label, which hides content.
  el.setAttribute('viewBox', '0 0 24 24');
  el.setAttribute('class', cls);
  const p = doc.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  el.append(p);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string) {
  const node = doc.createElement(tag);
  node.className = cls;
  return node;
}

/** Whether the greeting was dismissed (or the chat opened) before; `set` remembers it. */
function greeted(key: string, set?: true): boolean {
  try {
    if (set) localStorage.setItem(key, '1');
    return localStorage.getItem(key) === '1';
  } catch {
    return false; // storage blocked: the greeting shows again next time
  }
}

/**
 * Start the widget for the script tag that is running. Resolves once the launcher is shown
 * (true) or the widget gave up (false). Must be called while the script executes, so
 * `document.currentScript` still points at it.
 */
export function boot(): Promise<boolean> {
  const win = window;
  const doc = document;
  const script = findScript(doc);
  const key = script?.dataset.key;
  const existing = win.Aisle;
  if (!script || !key || existing?.on) return Promise.resolve(false); // pasted twice: one widget

  const listeners = new Map<AisleEvent, Set<AisleHandler>>();
  type Call = ['open' | 'close' | 'ask' | 'identify', string?];
  let queue: Call[] | null = [];
  let ready: Widget | null = null;
  const call = (...args: Call) =>
    ready ? ready[args[0]](args[1] as string) : queue?.push(args);
  let email: string | null = null;
  const api: AisleApi = {
    open: () => call('open'),
    close: () => call('close'),
    ask: (text) => call('ask', String(text)),
    identify: (user) => {
      email = typeof user?.email === 'string' ? user.email : null;
      if (email) call('identify', email);
    },
    on: (event, handler) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(handler));
    },
    off: (event, handler) => void listeners.get(event)?.delete(handler),
  };
  win.Aisle = api;

  // Each handler runs in its own task: one that throws cannot break the widget or the others.
  const emit = (event: AisleEvent, detail?: AisleMessage) =>
    listeners.get(event)?.forEach((handler) => setTimeout(handler, 0, detail));

  const refuse = (why: unknown) => {
    queue = null;
    console.warn('[aisle] widget not shown:', why);
    return false;
  };

  const origin = new URL(script.src, doc.baseURI).origin;
  return fetch(`${origin}/api/v1/widget/config/${encodeURIComponent(key)}/`, {
    credentials: 'omit',
  })
    .then(async (res) => {
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) return refuse((body as { code?: string } | null)?.code ?? res.status);
      const config = parseLauncherConfig(body);
      if (!config) return refuse('invalid config');
      if (doc.readyState === 'loading') {
        await new Promise((done) => doc.addEventListener('DOMContentLoaded', done, { once: true }));
      }
      const locale = resolveLocale(script.dataset.locale, config.locale, navigator.language);
      ready = launch(key, body, config, locale, emit, () => email);
      for (const args of queue ?? []) call(...args);
      queue = null;
      const load = () => void ready?.panel().catch(() => undefined);
      const idle = win.requestIdleCallback ?? ((run) => setTimeout(run, IDLE_TIMEOUT_MS));
      idle(load, { timeout: IDLE_TIMEOUT_MS });
      return true;
    })
    // Also browsers without constructable stylesheets (adoptStyles throws before anything shows).
    .catch(refuse);
}

interface Widget {
  open(): void;
  close(): void;
  ask(text: string): void;
  identify(email: string): void;
  panel(): Promise<PanelHandle>;
}

/**
 * Render the launcher and return what drives it and, once loaded, the panel behind it.
 * Closures rather than a class: the minifier can shorten local names but not properties,
 * and the loader's size budget is tight.
 */
function launch(
  key: string,
  data: unknown,
  config: LauncherConfig,
  locale: string,
  emit: (event: AisleEvent, detail?: AisleMessage) => void,
  email: () => string | null,
): Widget {
  const doc = document;
  const strings = LAUNCHER_STRINGS[languageOf(locale)];
  const greetedKey = `aisle:${key}:greeted`;
  let loading: Promise<PanelHandle> | null = null;
  let handle: PanelHandle | null = null;
  let isOpen = false;
  let unread = 0;

  // A custom element name: page rules for div, button etc. never match the host.
  const host = doc.createElement('aisle-widget');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, css);
  const wrap = el(doc, 'div', `root ${config.position}`);
  wrap.lang = locale;
  // CSSOM, not a style attribute: allowed under a strict style-src.
  wrap.style.setProperty('--p', config.primary);
  wrap.style.setProperty('--op', config.onPrimary);
  const container = el(doc, 'div', 'slot');

  const greet = el(doc, 'div', 'greet');
  const greetText = el(doc, 'button', 'greet-text');
  greetText.textContent = config.greeting;
  const dismiss = el(doc, 'button', 'greet-close');
  dismiss.setAttribute('aria-label', strings.dismiss);
  dismiss.append(svg(doc, CLOSE, ''));
  greet.append(greetText, dismiss);
  greet.hidden = !config.greeting || greeted(greetedKey);
  const hideGreeting = () => {
    greet.hidden = true;
    greeted(greetedKey, true);
  };

  const launcher = el(doc, 'button', 'launcher');
  const badge = el(doc, 'span', 'badge');
  launcher.append(svg(doc, ICONS[config.icon] ?? CHAT, 'i'), svg(doc, CLOSE, 'x'), badge);

  const label = () => {
    const text = isOpen ? strings.closeChat : strings.openChat;
    launcher.setAttribute('aria-expanded', String(isOpen));
    launcher.setAttribute('aria-label', unread ? `${text} (${strings.unread.replace('{n}', String(unread))})` : text);
    wrap.classList.toggle('open', isOpen);
    badge.textContent = unread > 9 ? '9+' : String(unread);
    badge.hidden = !unread;
  };
  const setOpen = (open: boolean) => {
    isOpen = open;
    label();
  };

  const panel = (): Promise<PanelHandle> =>
    (loading ??= new Promise<PanelHandle>((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = config.panelUrl;
      script.onload = () => {
        const mount = window.Aisle?._mountPanel;
        if (!mount) return reject(Error('panel did not register'));
        resolve(
          (handle = mount({
            root,
            container,
            config: data,
            key,
            locale,
            email: email(),
            requestClose: () => widget.close(),
            setUnread: (n) => {
              unread = n;
              label();
            },
            emit,
          })),
        );
      };
      script.onerror = reject;
      doc.head.append(script);
    }).catch((error: unknown) => {
      loading = null; // try again on the next open
      console.warn('[aisle]', error);
      throw error;
    }));

  const widget: Widget = {
    panel,
    open() {
      if (isOpen) return;
      setOpen(true);
      hideGreeting();
      emit('open');
      panel().then(
        (p) => isOpen && p.open(),
        () => setOpen(false),
      );
    },
    close() {
      if (!isOpen) return;
      const hadFocus = root.activeElement !== null;
      setOpen(false);
      handle?.close();
      if (hadFocus) launcher.focus();
      emit('close');
    },
    ask(text) {
      widget.open();
      panel().then(
        (p) => p.ask(text),
        () => undefined,
      );
    },
    identify(address) {
      handle?.identify(address);
    },
  };
  greetText.onclick = widget.open;
  dismiss.onclick = hideGreeting;
  launcher.onclick = () => (isOpen ? widget.close() : widget.open());
  label();
  wrap.append(container, greet, launcher);
  root.append(wrap);
  doc.body.append(host);
  return widget;
}
