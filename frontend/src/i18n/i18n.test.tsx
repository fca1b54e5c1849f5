import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../shared/format';
import { me } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { i18n, pickLanguage } from '.';
import { resources } from './locales/en';

type Catalog = { [key: string]: string | Catalog };

/** Every [key path, value] of a catalog, nested keys joined with dots. */
function entries(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

/** A pseudo-locale with the English keys: each string in brackets, placeholders kept. */
function pseudo(catalog: Catalog): Catalog {
  return Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [key, typeof value === 'string' ? `[${value}]` : pseudo(value)]),
  );
}

const english = i18n.language;

afterEach(async () => {
  await i18n.changeLanguage(english);
});

describe('i18n', () => {
  it('has a value for every key of every English namespace', () => {
    for (const [namespace, catalog] of Object.entries(resources)) {
      const empty = entries(catalog).filter(([, value]) => value.trim() === '');
      expect(empty, namespace).toEqual([]);
    }
  });

  it("uses the browser's first language that has a catalog, with its region, else English", () => {
    expect(pickLanguage(['en-GB', 'de'])).toBe('en-GB');
    expect(pickLanguage(['de-DE', 'en'])).toBe('en');
    expect(pickLanguage(['de-DE', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('renders the shell in another language once its catalogs are added', async () => {
    for (const [namespace, catalog] of Object.entries(resources)) {
      i18n.addResourceBundle('xx', namespace, pseudo(catalog));
    }
    await i18n.changeLanguage('xx');

    renderApp('/nope', { 'GET /api/v1/me/': { body: me('owner') } });

    const nav = await screen.findByRole('navigation', { name: '[Main navigation]' });
    expect(within(nav).getByRole('link', { name: '[Team]' })).toHaveAttribute('href', '/app/team');
    expect(within(nav).getByRole('button', { name: '[Switch store (current: Demo Store)]' })).toHaveTextContent('[Owner]');
    expect(screen.getByRole('heading', { name: '[Page not found]' })).toBeInTheDocument();
  });

  it('formats amounts in the interface language', async () => {
    await i18n.changeLanguage('de-DE');

    expect(formatMoney('1234.5', 'EUR')).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5));
    expect(formatMoney('1234.5', 'EUR')).toMatch(/^1\.234,50/);
  });
});
