import { describe, expect, it } from 'vitest';
import { registerRows, withRegister } from '../../../../shared/contracts/register';
import { readRegister } from '../../../../shared/contracts/register-read';
import { csvFile } from '../../../../shared/csv';
import { generateDemoPortfolio } from '../../../../shared/demo/generate';
import type { Contract, InventorySnapshot, TrueUp } from '../../../../shared/model/entities';
import {
  nextTerm,
  pipelineTotals,
  renewalPipeline,
  renewalRow,
} from '../../../../shared/reports/renewals';
import { contractSettings, moneyToDecimal } from '../../../../shared/terms';

describe('the contract register', () => {
  const demo = generateDemoPortfolio('2026-07-31');

  it('reads back exactly what it wrote: export then import changes nothing', () => {
    const [headers = [], ...rows] = registerRows(demo.contracts, demo.customers);
    const read = readRegister(
      headers,
      rows.map((cells, i) => ({ row: i + 2, cells })),
      'SEK',
    );
    expect(read.problems).toEqual([]);
    expect(read.contracts).toHaveLength(demo.contracts.length);
    for (const entry of read.contracts) {
      const original = demo.contracts.find((c) => c.number === entry.contract.number);
      const customer = demo.customers.find((c) => c.id === original?.customerId);
      expect(withRegister(original!, entry)).toEqual(original);
      expect(entry.customer).toBe(customer?.name);
      expect(entry.lensAccount).toBe(customer?.lensAccounts.join('; '));
    }
  });

  it('refuses a contract whose rows disagree and keeps the others, with row and column', () => {
    const headers = [
      'Contract ID',
      'Customer',
      'Term Start',
      'Currency',
      'Category',
      'Installed At Start',
      'Unit Price',
    ];
    const read = readRegister(
      headers,
      [
        { row: 2, cells: ['A-1', 'Acme', '2026-01-01', 'SEK', 'video', '10', '100'] },
        { row: 3, cells: ['A-1', 'Acme', '2026-01-01', 'EUR', 'voice', '10', '100'] },
        { row: 4, cells: ['B-2', 'Beta', '2026-01-01', '', 'Hörlurar', '5', '1 000,00'] },
        { row: 5, cells: ['', '', '', '', '', '', ''] },
        { row: 6, cells: ['', 'Gamma', '2026-01-01', '', 'video', '1', '1'] },
      ],
      'NOK',
    );
    expect(read.refused).toEqual(['A-1']);
    expect(
      read.contracts.map((c) => [c.contract.number, c.contract.currency, c.contract.categories]),
    ).toEqual([
      [
        'B-2',
        'NOK',
        [{ category: 'headsets', installedAtStart: 5, agreedGrowth: 0, unitPriceMinor: 100000 }],
      ],
    ]);
    expect(read.problems.map((p) => [p.row, p.column, p.issue.code])).toEqual([
      [3, 'Currency', 'currencyMismatch'],
      [6, 'Contract ID', 'required'],
    ]);
  });
});

describe('the renewal pipeline (TERMS.md §5)', () => {
  const contract: Contract = {
    id: 'c1',
    customerId: 'cust',
    number: 'PE-1',
    termStart: '2026-01-01',
    currency: 'SEK',
    categories: [
      { category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 },
      { category: 'voice', installedAtStart: 20, agreedGrowth: 0, unitPriceMinor: 10000 },
    ],
    adjustmentMonth: null,
    settings: contractSettings(),
    tam: false,
    professionalServicesDiscountPct: 0,
    isEcps: false,
    isArchived: false,
  };
  const latest = {
    customerId: 'cust',
    asOf: '2026-11-30',
    summary: { counts: { headsets: 0, video: 118, voice: 19 } },
  } as InventorySnapshot;
  const applied = {
    contractId: 'c1',
    termStart: '2026-01-01',
    category: 'video',
    state: 'applied',
    count: 112,
  } as TrueUp;

  it('proposes latest count + next agreed growth at next year’s price; what-ifs leave the contract alone', () => {
    const row = renewalRow(contract, undefined, latest, [applied]);
    expect(row.renewalDate).toBe('2027-01-01');
    expect(
      row.lines.map((l) => [
        l.category,
        l.ordered,
        l.latestCount,
        l.addedDuringTerm,
        l.nextOrdered,
        moneyToDecimal(l.nextValue),
      ]),
    ).toEqual([
      ['video', 112, 118, 18, 128, '6272.00'],
      ['voice', 20, 19, -1, 19, '1900.00'],
    ]);
    expect(moneyToDecimal(row.renewalValue)).toBe('8172.00');
    expect(moneyToDecimal(row.currentValue)).toBe('7488.00');
    const edited = renewalRow(contract, undefined, latest, [applied], {
      upliftPct: 3.5,
      nextAgreedGrowth: { voice: 5 },
      nextUnitPriceMinor: { video: 5000 },
    });
    expect(
      edited.lines.map((l) => [
        l.nextOrdered,
        moneyToDecimal(l.nextUnitPrice),
        moneyToDecimal(l.nextValue),
      ]),
    ).toEqual([
      [128, '50.00', '6400.00'],
      [24, '103.50', '2484.00'],
    ]);
    expect(contract.categories[1]?.agreedGrowth).toBe(0);
  });

  it('lists the next twelve months by renewal date and totals per currency', () => {
    const other = {
      ...contract,
      id: 'c2',
      number: 'PE-2',
      currency: 'EUR' as const,
      termStart: '2026-06-15',
    };
    const late = { ...contract, id: 'c3', number: 'PE-3', termStart: '2027-01-01' };
    const rows = renewalPipeline(
      [late, other, contract],
      [],
      new Map([['cust', latest]]),
      [],
      new Map(),
      '2026-11-25',
    );
    expect(rows.map((r) => [r.contractNumber, r.renewalDate])).toEqual([
      ['PE-1', '2027-01-01'],
      ['PE-2', '2027-06-15'],
    ]);
    expect(pipelineTotals(rows).map((t) => [t.currency, moneyToDecimal(t.renewal)])).toEqual([
      ['SEK', '8172.00'],
      ['EUR', '8172.00'],
    ]);
  });

  it('makes the accepted proposal the next term with a fresh baseline and keeps the old term', () => {
    const row = renewalRow(contract, undefined, latest, [applied]);
    const next = nextTerm(contract, row, { at: '2026-12-01T09:00:00Z', user: 'Jonas' });
    expect(next.termStart).toBe('2027-01-01');
    expect(next.categories).toEqual([
      { category: 'video', installedAtStart: 118, agreedGrowth: 10, unitPriceMinor: 4900 },
      { category: 'voice', installedAtStart: 19, agreedGrowth: 0, unitPriceMinor: 10000 },
    ]);
    expect(next.previousTerms).toEqual([
      {
        termStart: '2026-01-01',
        termMonths: 12,
        adjustmentMonth: null,
        categories: contract.categories,
        renewedAt: '2026-12-01T09:00:00Z',
        renewedBy: 'Jonas',
      },
    ]);
  });
});

describe('the register as CSV', () => {
  it('guards text a spreadsheet would take for a formula and reads it back unchanged', () => {
    const demo = generateDemoPortfolio('2026-07-31');
    const customers = demo.customers.map((c, i) =>
      i === 0 ? { ...c, name: '=HYPERLINK("http://x")', lensAccounts: ['+tenant', '@t2'] } : c,
    );
    const text = new TextDecoder().decode(
      csvFile(registerRows(demo.contracts.slice(0, 1), customers)),
    );
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'+tenant; @t2");
    const [headers = [], ...rows] = parseSimpleCsv(text);
    const read = readRegister(
      headers,
      rows.map((cells, i) => ({ row: i + 2, cells })),
      'SEK',
    );
    expect(read.contracts[0]?.customer).toBe('=HYPERLINK("http://x")');
    expect(read.contracts[0]?.lensAccount).toBe('+tenant; @t2');
  });
});

/** Enough RFC 4180 for this test: quoted fields with doubled quotes, commas, CRLF. */
function parseSimpleCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)) {
    const cells: string[] = [];
    for (const m of line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)) {
      cells.push(m[2] !== undefined ? m[2].replaceAll('""', '"') : (m[1] ?? ''));
      if (m[3] === '') break;
    }
    rows.push(cells);
  }
  return rows;
}
