import { expect, test } from 'vitest';
import { languageOf, LANGUAGES, resolveLocale } from '../src/i18n';
import { LAUNCHER_STRINGS } from '../src/i18n/launcher';
import { PANEL_STRINGS } from '../src/i18n/panel';

test('every locale has every key, none empty, with the same placeholders', () => {
  for (const catalogs of [LAUNCHER_STRINGS, PANEL_STRINGS]) {
    const reference = catalogs.en as Record<string, string>;
    for (const lang of LANGUAGES) {
      const strings = catalogs[lang] as Record<string, string>;
      expect(Object.keys(strings).sort(), lang).toEqual(Object.keys(reference).sort());
      for (const [key, value] of Object.entries(strings)) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(value), `${lang}.${key}`).toEqual(placeholders(reference[key] ?? ''));
      }
    }
  }
});

test('locale: data-locale, then the store setting, then the browser, then English', () => {
  expect(resolveLocale('fr', 'de', 'es-ES')).toBe('fr');
  expect(resolveLocale(undefined, 'de', 'es-ES')).toBe('de');
  expect(resolveLocale('', '', 'es_MX')).toBe('es-MX');
  expect(resolveLocale(null, '', '')).toBe('en');
  expect(resolveLocale('not a locale!', '', 'de-CH')).toBe('de-CH');
  expect(languageOf('de-AT')).toBe('de');
  expect(languageOf('pt-BR')).toBe('en');
});
