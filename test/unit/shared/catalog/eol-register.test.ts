import { describe, expect, it } from 'vitest';
import {
  SHIPPED_CATALOG_ENTRIES,
  shippedCatalog,
  type EolRecord,
} from '../../../../shared/catalog';

const trio: EolRecord = {
  id: 'eol-trio',
  model: 'Trio 8800',
  endOfSale: '2025-03-31',
  endOfSupport: '2026-06-30',
  endOfLife: '2027-03-15',
  notice: 'https://example.com/bulletin-123',
  note: 'replace with Trio C60',
  source: 'bulletins-2026.xlsx',
};

describe('the EOL register merged with the catalog (TERMS.md §12)', () => {
  const catalog = shippedCatalog([], [trio]);

  it('decides end of life per month: from the month whose last day is on or after the date', () => {
    expect(catalog.classify('Poly Trio 8800', '2027-02-28')).toBe('voice');
    expect(catalog.classify('Poly Trio 8800', '2027-03-01')).toBe('eol');
    expect(catalog.classify('Poly Trio 8800', '2027-03-31')).toBe('eol');
    expect(catalog.classify('Poly Trio 8800', '2027-04-30')).toBe('eol');
  });

  it('wins over the catalog’s own end of service, with its source shown', () => {
    // The shipped catalog ends the Trio 8800's service on 2028-06-30; the register's date decides.
    expect(shippedCatalog().classify('Poly Trio 8800', '2027-06-30')).toBe('voice');
    expect(catalog.classify('Poly Trio 8800', '2027-06-30')).toBe('eol');
    expect(catalog.datesOf('Poly Trio 8800')).toEqual({
      endOfSale: { date: '2025-03-31', from: 'register' },
      endOfSupport: { date: '2026-06-30', from: 'register' },
      endOfLife: { date: '2027-03-15', from: 'register' },
      notice: 'https://example.com/bulletin-123',
      note: 'replace with Trio C60',
      source: 'bulletins-2026.xlsx',
    });
  });

  it('gives the catalog’s dates where the register has no line for the model', () => {
    expect(shippedCatalog().datesOf('Poly Trio 8800')).toEqual({
      endOfSale: { date: '2023-06-30', from: 'catalog' },
      endOfLife: { date: '2028-06-30', from: 'catalog' },
      source: SHIPPED_CATALOG_ENTRIES.find((e) => e.pattern === 'Trio 8800')?.source,
    });
    expect(catalog.datesOf('Mystery Phone 9')).toBeNull();
  });

  it('matches the register’s model as a catalog pattern: spacing and brand ignored, whole words', () => {
    const register = shippedCatalog(
      [],
      [{ id: 'v', model: 'VVX 150', endOfLife: '2026-01-10', source: 'typed by Karin' }],
    );
    expect(register.classify('Polycom VVX150', '2026-01-31')).toBe('eol');
    expect(register.classify('Polycom VVX 1500', '2026-01-31')).toBe('eol'); // the catalog's own eol class
    expect(register.datesOf('Polycom VVX 1500')?.source).not.toBe('typed by Karin');
  });

  it('leaves a model the catalog does not know unknown, whatever the register says', () => {
    const register = shippedCatalog(
      [],
      [{ id: 'm', model: 'Mystery 9', endOfLife: '2020-01-01', source: 'x' }],
    );
    expect(register.classify('Mystery 9', '2026-01-31')).toBe('unknown');
    expect(register.datesOf('Mystery 9')?.endOfLife).toEqual({
      date: '2020-01-01',
      from: 'register',
    });
  });

  it('takes the dates a register line lacks from the catalog, date by date', () => {
    const register = shippedCatalog(
      [],
      [{ id: 't', model: 'Trio 8800', endOfSupport: '2027-12-31', source: 'x' }],
    );
    expect(register.datesOf('Poly Trio 8800')).toMatchObject({
      endOfSale: { date: '2023-06-30', from: 'catalog' },
      endOfSupport: { date: '2027-12-31', from: 'register' },
      endOfLife: { date: '2028-06-30', from: 'catalog' },
      source: 'x',
    });
    // The catalog's end of service decides from the day after it (§1).
    expect(register.classify('Poly Trio 8800', '2028-06-30')).toBe('voice');
    expect(register.classify('Poly Trio 8800', '2028-07-01')).toBe('eol');
  });
});
