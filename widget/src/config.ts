/**
 * The public widget config (`GET /api/v1/widget/config/<key>/`). The loader reads only what
 * the launcher needs (`parseLauncherConfig`, kept small for the loader's size budget) and
 * hands the raw object to the panel, which reads the rest (`parseConfig`). URLs are checked
 * here, once.
 */

export type Position = 'right' | 'left';
export type IconName = 'chat' | 'bag' | 'help' | 'sparkle';

export interface LauncherConfig {
  primary: string;
  onPrimary: string;
  position: Position;
  icon: IconName;
  greeting: string;
  /** '' means: use the shopper's browser language. */
  locale: string;
  panelUrl: string;
}

export interface WidgetConfig extends LauncherConfig {
  storeName: string;
  assistantName: string;
  handoffEnabled: boolean;
  suggestedQuestions: string[];
  orderLookup: boolean;
  wsUrl: string;
  httpUrl: string;
}

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** An absolute URL with one of `schemes` (e.g. /^https?:$/), else ''. */
function url(v: unknown, schemes: RegExp): string {
  try {
    const u = new URL(str(v));
    return schemes.test(u.protocol) ? u.href : '';
  } catch {
    return '';
  }
}

/** What the loader needs (an unknown `icon` draws the chat icon), or null when the config is unusable (then nothing is rendered). */
export function parseLauncherConfig(data: unknown): LauncherConfig | null {
  const theme = obj(obj(data).theme);
  const panelUrl = url(obj(data).panel_url, /^https?:$/);
  if (!panelUrl) return null;
  return {
    // Colours are set through CSSOM, which drops anything that is not a valid colour.
    primary: str(theme.primary),
    onPrimary: str(theme.on_primary),
    position: theme.position === 'left' ? 'left' : 'right',
    icon: str(theme.icon) as IconName,
    greeting: str(obj(data).greeting),
    locale: str(obj(data).locale),
    panelUrl,
  };
}

/** The whole config, for the panel (the loader has already accepted the launcher part). */
export function parseConfig(data: unknown): WidgetConfig {
  const d = obj(data);
  const assistant = obj(d.assistant);
  return {
    ...(parseLauncherConfig(d) as LauncherConfig),
    storeName: str(obj(d.store).name),
    assistantName: str(assistant.name),
    handoffEnabled: assistant.handoff_enabled === true,
    suggestedQuestions: Array.isArray(d.suggested_questions)
      ? d.suggested_questions.filter((q): q is string => typeof q === 'string' && q !== '')
      : [],
    orderLookup: d.order_lookup === true,
    wsUrl: url(d.ws_url, /^wss?:$/),
    httpUrl: url(d.http_url, /^https?:$/),
  };
}
