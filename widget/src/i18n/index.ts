import de from './de';
import en, { type Strings } from './en';

export type { Strings };

const catalogs: Record<string, Strings> = { en, de };

export const DEFAULT_LOCALE = 'en';
export const SUPPORTED_LANGUAGES = Object.keys(catalogs);

/**
 * Normalise a BCP 47 tag ("de_AT" -> "de-AT"); returns the default locale for
 * empty or invalid input so Intl APIs never throw on it.
 */
export function normalizeLocale(tag: string | null | undefined): string {
  const candidate = (tag ?? '').trim().replace(/_/g, '-');
  if (!candidate) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Language code ("de" for "de-AT") when we have a catalog for it, else "en". */
export function resolveLanguage(locale: string): string {
  const lang = locale.toLowerCase().split('-')[0] ?? '';
  return lang in catalogs ? lang : DEFAULT_LOCALE;
}

export function getStrings(locale: string): Strings {
  return catalogs[resolveLanguage(locale)] ?? en;
}
