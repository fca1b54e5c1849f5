/**
 * How the loader (`dist/loader.js`) and the panel (`dist/panel-<hash>.js`) meet: the panel
 * script puts `_mountPanel` on the loader's `window.Aisle`, and the loader calls it once with a
 * `PanelHost`. Both files are built separately, so this file holds types only.
 */

export type AisleEvent = 'open' | 'close' | 'message';

export interface AisleMessage {
  message_id: string;
  role: 'assistant' | 'agent';
  text: string;
}

export type AisleHandler = (detail?: AisleMessage) => void;

export interface PanelHost {
  /** Where the panel renders, inside the loader's shadow root. */
  root: ShadowRoot;
  container: HTMLElement;
  /** The config response as fetched; the panel reads its own part (`parseConfig`). */
  config: unknown;
  key: string;
  /** BCP 47 tag of the shopper's locale. */
  locale: string;
  /** Set by `Aisle.identify()` before the panel loaded. */
  email: string | null;
  /** The panel asks to close (close button, Escape); focus goes back to the launcher. */
  requestClose(): void;
  setUnread(count: number): void;
  emit(event: 'message', detail: AisleMessage): void;
}

export interface PanelHandle {
  open(): void;
  close(): void;
  ask(text: string): void;
  identify(email: string): void;
}

export type MountPanel = (host: PanelHost) => PanelHandle;

/** `window.Aisle`, the widget's only global. */
export interface AisleApi {
  open(): void;
  close(): void;
  ask(text: string): void;
  identify(user: { email?: string }): void;
  on(event: AisleEvent, handler: AisleHandler): void;
  off(event: AisleEvent, handler: AisleHandler): void;
  _mountPanel?: MountPanel;
}

declare global {
  interface Window {
    Aisle?: AisleApi;
  }
}
