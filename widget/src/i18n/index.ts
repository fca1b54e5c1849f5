export type { LauncherStrings, PanelStrings } from './en';

export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The shopper's locale: the script tag's data-locale, else the store's setting, else the
 * browser's language, else English; the first that looks like a BCP 47 tag ("de", "de-AT";
 * "de_AT" is accepted). The full tag is kept for number and price formatting.
 */
export function resolveLocale(...tags: Array<string | null | undefined>): string {
  for (const tag of tags) {
    const clean = (tag ?? '').trim().replace(/_/g, '-');
    if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(clean)) return clean;
  }
  return 'en';
}

/** The UI language for a locale: its language when we have a catalog, else English. */
export function languageOf(locale: string): Language {
  const lang = locale.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l === lang) ?? 'en';
}

/** Fill `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
