import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './locales/en';

export const DEFAULT_NS = 'common';
export const FALLBACK_LANGUAGE = 'en';

/** Languages with a catalog in the bundle. A new language adds its folder under locales/ here. */
const CATALOGS: Record<string, typeof resources> = { en: resources };

/**
 * The first of the browser's languages whose base language has a catalog, as the browser names it
 * ("en-GB" keeps its region, so dates and numbers read the British way), else English.
 */
export function pickLanguage(preferred: readonly string[]): string {
  return preferred.find((tag) => tag.split('-')[0]! in CATALOGS) ?? FALLBACK_LANGUAGE;
}

// Initialised synchronously with every catalog bundled: the first render already has its strings
// (no fetch, no Suspense fallback).
void i18n.use(initReactI18next).init({
  resources: CATALOGS,
  lng: pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: FALLBACK_LANGUAGE,
  ns: Object.keys(resources),
  defaultNS: DEFAULT_NS,
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  returnNull: false,
});

export { i18n };
