import { h, render } from 'preact';
import { getStrings, normalizeLocale } from './i18n';
import styles from './styles.css?inline';
import { WebSocketTransport, widgetSocketUrl, type Transport } from './transport';
import { App, type Position } from './ui/App';

export const HOST_ID = 'aisle-widget-root';

export interface WidgetConfig {
  publicKey: string;
  /** Origin of the Aisle API, derived from the script's src. */
  apiOrigin: string;
  position: Position;
  locale: string;
}

export interface MountOptions {
  /** Inject a transport (tests); defaults to a WebSocket transport. */
  transport?: Transport;
  initiallyOpen?: boolean;
}

export interface MountedWidget {
  host: HTMLElement;
  shadowRoot: ShadowRoot;
  config: WidgetConfig;
  transport: Transport;
  unmount(): void;
}

/** The embedding `<script>`: document.currentScript, else the first `script[data-aisle-key]`. */
export function findScript(doc: Document = document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.hasAttribute('data-aisle-key')) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-aisle-key]');
}

/** Read the widget config from the script tag; null (with one console.error) if the key is missing. */
export function readConfig(
  script: HTMLScriptElement | null,
  doc: Document = document,
  nav: Pick<Navigator, 'language'> = navigator,
): WidgetConfig | null {
  const publicKey = script?.getAttribute('data-aisle-key')?.trim() ?? '';
  if (!script || !publicKey) {
    console.error('[aisle] missing data-aisle-key');
    return null;
  }
  const position: Position = script.getAttribute('data-aisle-position') === 'left' ? 'left' : 'right';
  const locale = normalizeLocale(script.getAttribute('data-aisle-locale') || nav.language);
  return { publicKey, apiOrigin: apiOriginFromScript(script, doc), position, locale };
}

/** Origin the script was served from (the Aisle host), else the page's own origin. */
export function apiOriginFromScript(script: HTMLScriptElement, doc: Document = document): string {
  const src = script.getAttribute('src');
  if (src) {
    try {
      const url = new URL(src, doc.baseURI);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      /* fall through */
    }
  }
  return new URL(doc.baseURI).origin;
}

/** Create `<div id="aisle-widget-root">` with an open shadow root and render the widget into it. */
export function mountWidget(config: WidgetConfig, options: MountOptions = {}, doc: Document = document): MountedWidget {
  const host = doc.createElement('div');
  host.id = HOST_ID;
  // Inline !important beats any page rule that targets the host element itself.
  host.setAttribute('style', 'all: initial !important;');
  const shadowRoot = host.attachShadow({ mode: 'open' });

  const style = doc.createElement('style');
  style.textContent = styles;
  shadowRoot.appendChild(style);
  const container = doc.createElement('div');
  shadowRoot.appendChild(container);

  const transport =
    options.transport ?? new WebSocketTransport({ url: widgetSocketUrl(config.apiOrigin, config.publicKey) });

  render(
    h(App, {
      transport,
      strings: getStrings(config.locale),
      locale: config.locale,
      position: config.position,
      initiallyOpen: options.initiallyOpen ?? false,
    }),
    container,
  );
  doc.body.appendChild(host);

  return {
    host,
    shadowRoot,
    config,
    transport,
    unmount() {
      render(null, container);
      transport.close();
      host.remove();
    },
  };
}

/**
 * Entry point used by the embed script. Must be called synchronously while the
 * script executes so `document.currentScript` is still set.
 */
export function boot(doc: Document = document, options: MountOptions = {}): Promise<MountedWidget | null> {
  const config = readConfig(findScript(doc), doc);
  if (!config) return Promise.resolve(null);
  const existing = doc.getElementById(HOST_ID);
  if (existing) {
    // Snippet pasted twice: keep the first instance.
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const start = () => resolve(doc.getElementById(HOST_ID) ? null : mountWidget(config, options, doc));
    if (doc.body) start();
    else doc.addEventListener('DOMContentLoaded', start, { once: true });
  });
}
