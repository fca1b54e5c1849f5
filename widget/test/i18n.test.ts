import { describe, expect, it } from 'vitest';
import { formatPrice } from '../src/format';
import de from '../src/i18n/de';
import en from '../src/i18n/en';
import { getStrings, normalizeLocale, resolveLanguage } from '../src/i18n';
import { safeHttpUrl } from '../src/url';

describe('i18n', () => {
  it('picks the catalog from the language part of the locale', () => {
    expect(getStrings('de')).toBe(de);
    expect(getStrings('de-CH')).toBe(de);
    expect(getStrings('DE-de')).toBe(de);
    expect(getStrings('en-GB')).toBe(en);
  });

  it('falls back to English for unsupported or invalid locales', () => {
    expect(getStrings('fr-FR')).toBe(en);
    expect(resolveLanguage('')).toBe('en');
    expect(normalizeLocale('not a locale!!')).toBe('en');
    expect(normalizeLocale(undefined)).toBe('en');
    expect(normalizeLocale('de_AT')).toBe('de-AT');
  });

  it('German catalog translates every key', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(de[key], key).toBeTruthy();
    }
    expect(de.unavailable).not.toBe(en.unavailable);
  });
});

describe('formatPrice', () => {
  it('uses the locale and currency', () => {
    expect(formatPrice(19.99, 'USD', 'en-US')).toBe('$19.99');
    expect(formatPrice(19.99, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('19,99 €');
    expect(formatPrice(1000, 'JPY', 'ja-JP')).toMatch(/1,000/);
  });

  it('degrades gracefully for an unknown currency', () => {
    expect(formatPrice(5, 'ZZ1', 'en-US')).toBe('5.00 ZZ1');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://shop.example/a?b=1', 'https://shop.example/a?b=1'],
    ['http://shop.example', 'http://shop.example/'],
    ['  https://shop.example/x  ', 'https://shop.example/x'],
  ])('allows %s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '', 'mailto:a@b.c', 'ftp://x.example'])(
    'rejects %j',
    (input) => {
      expect(safeHttpUrl(input)).toBeNull();
    },
  );
});
