/**
 * The renewals export's growth plan (TERMS.md §11): exact figures for an exact line of month-end counts,
 * worked by hand (the same series as `csm plan`'s test), what-if values marked as proposals, both
 * languages, typed cells.
 */
import { describe, expect, it } from 'vitest';
import type { Contract, Customer, InventorySnapshot } from '../../../../shared/model/entities';
import { snapshotHistory } from '../../../../shared/reports/plan';
import { renewalRow, type RenewalWhatIf } from '../../../../shared/reports/renewals';
import { renewalPlan, renewalsWorkbook } from '../../../../shared/reports/renewals-layout';
import { contractSettings } from '../../../../shared/terms';
import { workbookSchema } from '../../../../shared/workbook-spec';

const contract: Contract = {
  id: 'k9',
  customerId: 'c9',
  number: 'PE-9',
  termStart: '2026-01-01',
  currency: 'SEK',
  categories: [{ category: 'video', installedAtStart: 100, agreedGrowth: 0, unitPriceMinor: 4900 }],
  adjustmentMonth: null,
  settings: contractSettings(),
  tam: false,
  professionalServicesDiscountPct: 0,
  isEcps: false,
  isArchived: false,
};

/** January to November 2026, imported on the 20th: 100, 103, …, 130 video devices. */
const snapshots: InventorySnapshot[] = Array.from({ length: 11 }, (_, i) => {
  const asOf = `2026-${String(i + 1).padStart(2, '0')}-20`;
  return {
    id: `c9:${asOf}`,
    customerId: 'c9',
    importId: null,
    asOf,
    month: asOf.slice(0, 7),
    added: 0,
    removed: 0,
    summary: {
      counts: { headsets: 0, video: 100 + 3 * i, voice: 0 },
    } as unknown as InventorySnapshot['summary'],
  };
});

const customer: Customer = {
  id: 'c9',
  name: 'Contoso AB',
  masterAccountId: '',
  country: 'SE',
  lensAccounts: [],
  csm: '',
  accountManager: 'Ada',
  isArchived: false,
};

function workbook(whatIf: RenewalWhatIf = {}, language: 'en' | 'sv' = 'en') {
  const row = renewalRow(contract, customer, snapshots.at(-1), [], whatIf);
  const plan = renewalPlan(row, contract, snapshotHistory(snapshots, '2026-11'), 20);
  return { plan, book: renewalsWorkbook([row], [plan], language, 20) };
}

const sheet = (book: ReturnType<typeof workbook>['book'], i: number) => book.sheets[i]!;
const cellsByHeader = (s: ReturnType<typeof sheet>, r = 0) =>
  Object.fromEntries(s.columns.map((c, i) => [c.header, s.rows[r]![i]]));

describe('the renewals export’s growth plan sheet', () => {
  it('carries the plan of csm plan’s series, to the cent (worked by hand)', () => {
    const { book } = workbook();
    expect(book.sheets.map((s) => s.name)).toEqual(['Renewals', 'Growth plan', 'Growth forecast']);
    const cells = cellsByHeader(sheet(book, 1));
    expect(cells).toMatchObject({
      Customer: 'Contoso AB',
      Contract: 'PE-9',
      Currency: 'SEK',
      Category: 'Video',
      'Renewal date': '2027-01-01',
      'Latest month': '2026-11',
      'Latest count': 130,
      Method: 'Least-squares trend line',
      'Backtest error':
        'Chosen by a backtest on this history: off by 0 devices on average (mean absolute error)',
      'Backtest MAE (devices)': 0,
      'Next adjustment month': '2027-07',
      // 130 + 3 × 8 = 154 in July 2027, sd 0.5 × √(1 + 1/11 + 13²/110) = 0.8104: 154 ± 1.2816 sd
      // = 152.96…155.04 → 152–156; 154 ± 1.96 sd = 152.41…155.59 → 152–156.
      Forecast: 154,
      '80 % low': 152,
      '80 % high': 156,
      '95 % low': 152,
      '95 % high': 156,
      'Expected additions': 24,
      // g = 17: ⌈147 × 1.05⌉ = 155 > 154; g = 16: ⌈146 × 1.05⌉ = 154 (P ≈ 0.5).
      'Recommended growth': 17,
      'Recommended growth %': 13.08,
      'Next ordered (recommended)': 147,
      'True-up at (recommended)': 155,
      'P(adjustment), recommended': 10.86,
      'Up front (recommended)': 833,
      'Expected mid-term (recommended)': 21.46,
      // The proposal keeps this term's growth, 0: triggerAt ⌈130 × 1.05⌉ = 137, certain to be reached;
      // E[⌊X⌋] = 154 − 0.5, so (153.5 − 130) × 49.00 × 6/12 = 575.75.
      'Chosen growth': 0,
      'Chosen growth is': 'Proposal (this term’s growth and price), not agreed',
      'Next ordered (chosen)': 130,
      'True-up at (chosen)': 137,
      'P(adjustment), chosen': 100,
      'Up front (chosen)': 0,
      'Expected mid-term (chosen)': 575.75,
    });
  });

  it('marks a what-if growth as a proposal, not agreed, in both sheets, and prices it', () => {
    const { book } = workbook({ nextAgreedGrowth: { video: 20 } });
    const pipeline = cellsByHeader(sheet(book, 0));
    expect(pipeline['Next agreed growth']).toBe(20);
    expect(pipeline.Basis).toBe('What-if proposal, not agreed');
    expect(sheet(book, 0).title).toContain(
      'Every next-term figure is a proposal until the renewal is accepted; what-if values are marked as such, none is agreed.',
    );
    const plan = cellsByHeader(sheet(book, 1));
    expect(plan).toMatchObject({
      'Recommended growth': 17,
      'Chosen growth': 20,
      'Chosen growth is': 'What-if proposal, not agreed',
      'Next ordered (chosen)': 150,
      // ⌈150 × 1.05⌉ = 158 = 154 + 4.94 sd: P ≈ 4 × 10⁻⁷.
      'True-up at (chosen)': 158,
      'P(adjustment), chosen': 0,
      'Up front (chosen)': 980,
      'Expected mid-term (chosen)': 0,
    });
  });

  it('lists the history and the forecast month by month with the adjustment month marked', () => {
    const rows = sheet(workbook().book, 2).rows;
    expect(rows).toHaveLength(11 + 13);
    expect(rows[0]).toEqual([
      'Contoso AB',
      'PE-9',
      'Video',
      '2026-01',
      'History',
      100,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(rows.find((r) => r[3] === '2027-07')).toEqual([
      'Contoso AB',
      'PE-9',
      'Video',
      '2027-07',
      'Forecast',
      null,
      154,
      152,
      156,
      152,
      156,
      'next adjustment month',
    ]);
    expect(rows.at(-1)![3]).toBe('2027-12');
  });

  it('says so with fewer than 4 months and leaves the figures empty', () => {
    const row = renewalRow(contract, customer, snapshots[2], []);
    const plan = renewalPlan(row, contract, snapshotHistory(snapshots.slice(0, 3), '2026-03'), 20);
    const cells = cellsByHeader(sheet(renewalsWorkbook([row], [plan], 'en', 20), 1));
    expect(cells.Method).toBe(
      'No forecast: too little history: 3 of the 4 months a forecast needs. Type the growth.',
    );
    expect(cells['Recommended growth']).toBeNull();
    expect(cells['P(adjustment), chosen']).toBeNull();
  });

  it('is in Swedish when the report is, and every cell is typed for the writer', () => {
    const { book } = workbook({ nextAgreedGrowth: { video: 20 } }, 'sv');
    expect(book.sheets.map((s) => s.name)).toEqual([
      'Förnyelser',
      'Tillväxtplan',
      'Tillväxtprognos',
    ]);
    const cells = cellsByHeader(sheet(book, 1));
    expect(cells.Metod).toBe('Linjär trend (minsta kvadrat)');
    expect(cells['Vald tillväxt är']).toBe('Förslag (tänk om), inte överenskommet');
    expect(cells['Rekommenderad tillväxt']).toBe(17);
    expect(workbookSchema.safeParse(book).success).toBe(true);
    for (const s of book.sheets)
      s.rows.forEach((r) =>
        r.forEach((value, i) => {
          const type = s.columns[i]!.type;
          if (value !== null)
            expect(typeof value).toBe(type === 'text' || type === 'date' ? 'string' : 'number');
        }),
      );
  });
});
