import { describe, expect, it } from 'vitest';
import { formatters } from '../../../../renderer/components/format';
import { hrefOf, parseRoute } from '../../../../renderer/components/route';
import { systemLanguage } from '../../../../renderer/i18n';
import { en } from '../../../../shared/i18n/en';
import { sv } from '../../../../shared/i18n/sv';
import { money } from '../../../../shared/terms/money';

function paths(value: unknown, prefix = ''): string[] {
  return typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => paths(child, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];
}

describe('translations', () => {
  it('have the same keys and the same placeholders in Swedish and English', () => {
    expect(paths(sv)).toEqual(paths(en));
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();
    const lookup = (messages: unknown, path: string) =>
      path
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
    for (const path of paths(en)) {
      expect(placeholders(String(lookup(sv, path))), path).toEqual(
        placeholders(String(lookup(en, path))),
      );
    }
  });

  it('say what the user does, without the words of the code or the server behind it', () => {
    const values = (messages: unknown): string[] =>
      typeof messages === 'object' && messages !== null
        ? Object.values(messages).flatMap(values)
        : [String(messages).replace(/\{\{[^}]*\}\}/g, '')];
    for (const text of [...values(en), ...values(sv)]) {
      expect(text).not.toMatch(/sync-admin|PostgreSQL|tenant/i);
    }
  });

  it('follow the system language', () => {
    expect(systemLanguage(['sv-SE', 'en-US'])).toBe('sv');
    expect(systemLanguage(['en-GB', 'sv-SE'])).toBe('en');
    expect(systemLanguage(['de-DE'])).toBe('en');
  });

  it('format numbers, dates and money per language', () => {
    const sv = formatters('sv');
    const en = formatters('en');
    expect(sv.number(50316).replace(/\s/g, ' ')).toBe('50 316');
    expect(en.number(50316)).toBe('50,316');
    expect(sv.date('2026-11-25')).toBe('25 nov. 2026');
    expect(en.date('2026-11-25')).toBe('25 Nov 2026');
    expect(sv.money(money(32258, 'EUR')).replace(/\s/g, ' ')).toBe('322,58 €');
    expect(en.percent(12)).toBe('+12%');
  });

  it('write "kr" for the partner’s own crowns only, the code for another currency’s', () => {
    const swedish = formatters('sv', 'SEK');
    const norwegian = formatters('sv', 'NOK');
    const nok = money(1624000, 'NOK');
    const sek = money(1624000, 'SEK');
    expect(swedish.money(sek).replace(/\s/g, ' ')).toBe('16 240,00 kr');
    expect(swedish.money(nok).replace(/\s/g, ' ')).toBe('16 240,00 NOK');
    expect(norwegian.money(nok).replace(/\s/g, ' ')).toBe('16 240,00 kr');
    expect(norwegian.money(sek).replace(/\s/g, ' ')).toBe('16 240,00 SEK');
    expect(swedish.money(money(32258, 'EUR')).replace(/\s/g, ' ')).toBe('322,58 €');
    expect(formatters('en', 'SEK').money(nok).replace(/\s/g, ' ')).toBe('NOK 16,240.00');
  });
});

describe('routes', () => {
  it('parse and build hash routes, unknown screens going home', () => {
    expect(parseRoute('#/customers/demo-01')).toEqual({
      screen: 'customers',
      id: 'demo-01',
      path: [],
    });
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'portfolio', id: null, path: [] });
    expect(parseRoute('')).toEqual({ screen: 'portfolio', id: null, path: [] });
    expect(parseRoute(hrefOf('customers', 'a/b c'))).toEqual({
      screen: 'customers',
      id: 'a/b c',
      path: [],
    });
    // A tab, then a serial number to find in it: each part its own segment, whatever it holds.
    expect(parseRoute(hrefOf('customers', 'c1', 'devices', 'SN/1 2'))).toEqual({
      screen: 'customers',
      id: 'c1',
      path: ['devices', 'SN/1 2'],
    });
    expect(hrefOf('portfolio')).toBe('#/portfolio');
  });
});
