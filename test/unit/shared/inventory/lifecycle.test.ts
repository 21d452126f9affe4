/**
 * The lifecycle figures (issue 24, TERMS.md §12): exact quantities per site and model for nested
 * 3, 6 and 12 month windows, a date on a window's last day, the dates' sources, "already past" apart,
 * and only the devices that count today.
 */
import { describe, expect, it } from 'vitest';
import { shippedCatalog, type EolRecord } from '../../../../shared/catalog';
import {
  deviceTotal,
  lifecycleByMonth,
  lifecycleList,
  modelTotals,
  portfolioLifecycle,
  type LifecycleInventory,
} from '../../../../shared/inventory/lifecycle';
import type { Device } from '../../../../shared/model/device';
import { videoDevice } from '../../../support/device';

const asOf = '2026-12-04';
const record = (model: string, dates: Partial<EolRecord>): EolRecord => ({
  id: model,
  model,
  source: 'Bulletin 12',
  ...dates,
});
const register: EolRecord[] = [
  // End of support on the 3-month window's last day (2027-03-04); end of life from the catalog.
  record('Trio 8800', {
    endOfSupport: '2027-03-04',
    notice: 'https://example.com/eol/trio',
    note: 'Replace with Trio C60',
  }),
  // One day after the 3-month window: in the 6 months.
  record('Trio 8500', { endOfSupport: '2027-03-05', endOfLife: '2028-03-31' }),
  record('VVX 450', { endOfSupport: '2027-05-31', endOfLife: '2027-11-30' }),
  // Support ended before the as-of date: already past.
  record('VVX 350', { endOfSupport: '2026-11-30', endOfLife: '2028-06-30' }),
  // End of life this month: already end of life, not counted.
  record('VVX 250', { endOfSupport: '2026-06-30', endOfLife: '2026-12-31' }),
];
const catalog = shippedCatalog([], register);

let serial = 0;
const device = (model: string, site: string, overrides: Partial<Device> = {}): Device =>
  videoDevice(`S${++serial}`, '2026-12-01T08:00:00Z', { model, site, ...overrides });
const many = (n: number, model: string, site: string) =>
  Array.from({ length: n }, () => device(model, site));

const devices: Device[] = [
  ...many(3, 'Poly Trio 8800', 'HQ'),
  ...many(2, 'Poly Trio 8800', 'Branch'),
  ...many(4, 'Poly Trio 8500', 'HQ'),
  ...many(5, 'Poly VVX 450', 'Branch'),
  ...many(2, 'Poly VVX 350', 'HQ'),
  // The catalog's own end of service (2026-12-31), within every window.
  ...many(1, 'Poly EagleEye IV', 'HQ'),
  // A model with no dates at all, and one whose dates lie beyond every window.
  ...many(6, 'Poly Studio X32', 'HQ'),
  ...many(2, 'Poly Studio X50', 'HQ'),
  // Not counted today: deleted, stale under a 30-day rule, already end of life, unknown.
  device('Poly Trio 8800', 'HQ', { lensState: 'deleted' }),
  device('Poly Trio 8800', 'HQ', { lastDetected: '2026-10-01T08:00:00Z' }),
  ...many(2, 'Poly VVX 250', 'HQ'),
  device('Acme Phone 9', 'HQ'),
];
const inventory: LifecycleInventory = { devices, inventoryAsOf: '2026-12-02', staleDays: 30 };

const quantities = (lines: { site?: string; model: string; quantity: number }[]) =>
  lines.map((l) => `${l.site === undefined ? '' : `${l.site} `}${l.model} ${l.quantity}`);

describe('the lifecycle list of a customer', () => {
  it('lists within 3 months the date on the window’s last day, by site and model', () => {
    const list = lifecycleList(inventory, catalog, asOf, 3);
    expect(list.until).toBe('2027-03-04');
    expect(quantities(list.lines)).toEqual([
      'Branch Poly Trio 8800 2',
      'HQ Poly EagleEye IV 1',
      'HQ Poly Trio 8800 3',
    ]);
    expect(deviceTotal(list.lines)).toBe(6);
  });

  it('nests the windows: 6 months add the day after, 12 months add the end of life', () => {
    const six = lifecycleList(inventory, catalog, asOf, 6);
    expect(quantities(six.lines)).toEqual([
      'Branch Poly Trio 8800 2',
      'Branch Poly VVX 450 5',
      'HQ Poly EagleEye IV 1',
      'HQ Poly Trio 8500 4',
      'HQ Poly Trio 8800 3',
    ]);
    const twelve = lifecycleList(inventory, catalog, asOf, 12);
    expect(deviceTotal(twelve.lines)).toBe(15);
    const vvx = twelve.lines.find((l) => l.model === 'Poly VVX 450');
    expect(vvx?.reaching).toEqual(['endOfSupport', 'endOfLife']);
    expect(six.lines.find((l) => l.model === 'Poly VVX 450')?.reaching).toEqual(['endOfSupport']);
  });

  it('gives each date with its source, the notice and the note', () => {
    const [trio] = lifecycleList(inventory, catalog, asOf, 3).lines;
    expect(trio).toEqual({
      site: 'Branch',
      model: 'Poly Trio 8800',
      quantity: 2,
      endOfSupport: { date: '2027-03-04', from: 'register' },
      endOfLife: { date: '2028-06-30', from: 'catalog' },
      reaching: ['endOfSupport'],
      passed: [],
      notice: 'https://example.com/eol/trio',
      note: 'Replace with Trio C60',
    });
    const eagle = lifecycleList(inventory, catalog, asOf, 3).lines[1];
    expect(eagle?.endOfLife).toEqual({ date: '2026-12-31', from: 'catalog' });
    expect(eagle?.endOfSupport).toBeNull();
  });

  it('lists a passed end of support apart, and leaves out models without a date in the window', () => {
    const list = lifecycleList(inventory, catalog, asOf, 12);
    expect(quantities(list.past)).toEqual(['HQ Poly VVX 350 2']);
    expect(list.past[0]?.reaching).toEqual(['endOfSupport']);
    expect(list.past[0]?.passed).toEqual(['endOfSupport']);
    const models = list.lines.map((l) => l.model);
    expect(models).not.toContain('Poly Studio X32');
    expect(models).not.toContain('Poly Studio X50');
    expect(models).not.toContain('Poly VVX 250');
  });

  it('totals the quantity per model over every site', () => {
    const totals = modelTotals(lifecycleList(inventory, catalog, asOf, 6).lines);
    expect(quantities(totals)).toEqual([
      'Poly EagleEye IV 1',
      'Poly Trio 8500 4',
      'Poly Trio 8800 5',
      'Poly VVX 450 5',
    ]);
  });

  it('counts the devices reaching each end per month of the window', () => {
    const months = lifecycleByMonth(lifecycleList(inventory, catalog, asOf, 12));
    expect(months).toHaveLength(13);
    expect(months[0]).toEqual({ month: '2026-12', endOfSupport: 0, endOfLife: 1 });
    expect(months[2]).toEqual({ month: '2027-02', endOfSupport: 0, endOfLife: 0 });
    expect(months[3]).toEqual({ month: '2027-03', endOfSupport: 9, endOfLife: 0 });
    expect(months[5]).toEqual({ month: '2027-05', endOfSupport: 5, endOfLife: 0 });
    expect(months[11]).toEqual({ month: '2027-11', endOfSupport: 0, endOfLife: 5 });
  });
});

describe('the portfolio’s lifecycle list', () => {
  it('rolls up per customer and model, in the customers’ order', () => {
    const other: LifecycleInventory = {
      devices: many(7, 'Poly Trio 8800', 'Kontor'),
      inventoryAsOf: asOf,
      staleDays: null,
    };
    const rows = portfolioLifecycle(
      [
        { customerId: 'b', customer: 'Björk AB', ...other },
        { customerId: 'a', customer: 'Contoso AB', ...inventory },
      ],
      catalog,
      asOf,
      3,
    );
    expect(rows.map((r) => `${r.customer} ${r.model} ${r.quantity}`)).toEqual([
      'Björk AB Poly Trio 8800 7',
      'Contoso AB Poly EagleEye IV 1',
      'Contoso AB Poly Trio 8800 5',
    ]);
    expect(rows[0]?.endOfSupport).toEqual({ date: '2027-03-04', from: 'register' });
  });
});
