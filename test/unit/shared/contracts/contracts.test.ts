import { describe, expect, it } from 'vitest';
import {
  draftOf,
  emptyDraft,
  readContractDraft,
  type ContractDraft,
} from '../../../../shared/contracts/draft';
import { changedFields } from '../../../../shared/contracts/history';
import { issueMessage } from '../../../../shared/contracts/issues';
import { dueTrueUps, orderedInForce } from '../../../../shared/contracts/standing';
import {
  applyTrueUp,
  orderTrueUp,
  quoteTrueUp,
  TrueUpRuleError,
  suggestedQuoteNumber,
} from '../../../../shared/contracts/true-up-flow';
import { bookIssues } from '../../../../shared/contracts/validate';
import type { Contract, InventorySnapshot } from '../../../../shared/model/entities';
import { DEFAULT_PARTNER_SETTINGS, moneyToDecimal } from '../../../../shared/terms';

function draft(overrides: Partial<ContractDraft> = {}): ContractDraft {
  return {
    ...emptyDraft('SEK'),
    number: 'PE-1001',
    termStart: '2026-01-01',
    categories: [
      { category: 'video', installedAtStart: '90', agreedGrowth: '10', unitPrice: '49.00' },
    ],
    ...overrides,
  };
}

function contractOf(d: ContractDraft, id = 'c1'): Contract {
  const read = readContractDraft(d, 'SEK');
  if (!read.contract) throw new Error(read.issues.map(issueMessage).join('; '));
  return { ...read.contract, id, customerId: 'cust', isArchived: false };
}

function snapshot(asOf: string, video: number): InventorySnapshot {
  return {
    id: `cust:${asOf}`,
    customerId: 'cust',
    importId: null,
    asOf,
    month: asOf.slice(0, 7),
    added: 0,
    removed: 0,
    summary: { counts: { headsets: 0, video, voice: 0 } } as InventorySnapshot['summary'],
  };
}

const actor = { at: '2026-07-20T10:00:00.000Z', user: 'Karin' };

describe('reading a contract draft', () => {
  it('reads the defaults and keeps the default adjustment month as null', () => {
    const read = readContractDraft(draft({ adjustmentMonth: '2026-07' }), 'SEK');
    expect(read.issues).toEqual([]);
    expect(read.contract).toMatchObject({
      number: 'PE-1001',
      termStart: '2026-01-01',
      currency: 'SEK',
      adjustmentMonth: null,
      settings: { baselinePct: 5, rmaPct: 5, termMonths: 12, blockHours: 8 },
      categories: [
        { category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 },
      ],
    });
  });

  it('reads Swedish and English number styles alike', () => {
    for (const price of ['1234.50', '1 234,50', '1,234.50', '1\u00a0234,50']) {
      const read = readContractDraft(
        draft({
          categories: [
            { category: 'Röst', installedAtStart: '1 200', agreedGrowth: '', unitPrice: price },
          ],
        }),
        'SEK',
      );
      expect(read.contract?.categories).toEqual([
        { category: 'voice', installedAtStart: 1200, agreedGrowth: 0, unitPriceMinor: 123450 },
      ]);
    }
    expect(
      readContractDraft(draft({ baselinePct: '7,5' }), 'SEK').contract?.settings.baselinePct,
    ).toBe(7.5);
  });

  it('names every problem: negative counts, impossible dates, bad months, duplicates, no category', () => {
    const read = readContractDraft(
      draft({
        number: ' ',
        termStart: '2026-02-30',
        termMonths: '0',
        currency: 'SEKK',
        adjustmentMonth: '2026-13',
        baselinePct: '-5',
        categories: [
          { category: 'video', installedAtStart: '-3', agreedGrowth: '1.5', unitPrice: '49.001' },
          { category: 'printers', installedAtStart: '1', agreedGrowth: '0', unitPrice: '1' },
        ],
      }),
      'SEK',
    );
    expect(read.contract).toBeNull();
    expect(read.issues.map((i) => [i.code, i.field])).toEqual([
      ['required', 'number'],
      ['invalidDate', 'termStart'],
      ['invalidTermMonths', 'termMonths'],
      ['invalidCurrency', 'currency'],
      ['invalidMonth', 'adjustmentMonth'],
      ['invalidPercent', 'baselinePct'],
      ['notWholeNumber', 'categories.0.installedAtStart'],
      ['notWholeNumber', 'categories.0.agreedGrowth'],
      ['invalidAmount', 'categories.0.unitPrice'],
      ['invalidCategory', 'categories.1.category'],
    ]);
    expect(issueMessage(read.issues[1]!)).toBe(
      'termStart must be a date YYYY-MM-DD, not "2026-02-30"',
    );
    const twice = readContractDraft(
      draft({
        adjustmentMonth: '2027-02',
        categories: [
          { category: 'video', installedAtStart: '1', agreedGrowth: '0', unitPrice: '1' },
          { category: 'Video', installedAtStart: '1', agreedGrowth: '0', unitPrice: '1' },
        ],
      }),
      'SEK',
    );
    expect(twice.issues.map((i) => i.code)).toEqual(['duplicateCategory', 'adjustmentOutsideTerm']);
    expect(readContractDraft(draft({ categories: [] }), 'SEK').issues.map((i) => i.code)).toEqual([
      'noCategory',
    ]);
  });

  it('gives back the same contract from its draft', () => {
    const contract = contractOf(
      draft({ adjustmentMonth: '2026-08', baselinePct: '7.25', currency: 'EUR' }),
    );
    const again = readContractDraft(draftOf(contract), 'SEK').contract;
    expect({ ...contract, ...again }).toEqual(contract);
  });
});

describe('checks against the book', () => {
  const contract = contractOf(draft());
  const book = {
    id: 'c1',
    contracts: [{ id: 'c2', number: 'pe-1001' }],
    trueUps: [{ contractId: 'c1', currency: 'EUR' as const }],
    counts: null,
    partner: { eligibilityMinimum: { headsets: 0, video: 200, voice: 0 } },
  };
  it('refuses a duplicate number, a currency that differs from its true-ups, an ineligible choice', () => {
    expect(bookIssues(contract, book).map((i) => i.code)).toEqual([
      'duplicateNumber',
      'currencyMismatch',
      'notEligible',
    ]);
    expect(
      bookIssues(contract, {
        ...book,
        contracts: [],
        trueUps: [],
        counts: { headsets: 0, video: 250, voice: 0 },
      }),
    ).toEqual([]);
    expect(
      bookIssues(contract, {
        ...book,
        contracts: [],
        trueUps: [],
        partner: DEFAULT_PARTNER_SETTINGS,
      }),
    ).toEqual([]);
  });
});

describe('the true-up workflow (TERMS.md §4)', () => {
  const contract = contractOf(draft());

  it('is due once the adjustment month begins, with the count at the month’s end, and not before', () => {
    const snapshots = [
      snapshot('2026-06-30', 104),
      snapshot('2026-07-31', 112),
      snapshot('2026-08-31', 130),
    ];
    expect(dueTrueUps(contract, snapshots, [], '2026-06-30')).toEqual([]);
    const [due] = dueTrueUps(contract, snapshots, [], '2026-09-10');
    expect(due).toMatchObject({
      category: 'video',
      asOf: '2026-07-31',
      count: 112,
      ordered: 100,
      added: 12,
    });
    expect(moneyToDecimal(due!.amount)).toBe('294.00');
    expect(dueTrueUps(contract, [snapshot('2026-07-31', 104)], [], '2026-07-31')).toEqual([]);
    expect(dueTrueUps(contract, snapshots, [], '2027-01-01')).toEqual([]);
  });

  it('moves due → quoted → ordered → applied; nothing without a PO number; one per term and category', () => {
    const [due] = dueTrueUps(contract, [snapshot('2026-07-31', 112)], [], '2026-07-31');
    expect(() => quoteTrueUp(contract, due!, [], ' ', actor, 't1')).toThrow(TrueUpRuleError);
    const quoted = quoteTrueUp(contract, due!, [], 'Q-7', actor, 't1');
    expect(quoted).toMatchObject({
      state: 'quoted',
      amountMinor: 29400,
      monthsWhole: 6,
      monthsPartial: [0, 1],
    });
    expect(() => applyTrueUp(quoted, actor)).toThrow(/PO number/);
    expect(() => orderTrueUp(quoted, '', actor)).toThrow(/PO number/);
    const ordered = orderTrueUp(quoted, 'PO-55', actor);
    const applied = applyTrueUp(ordered, actor);
    expect(applied.events.map((e) => e.state)).toEqual(['due', 'quoted', 'ordered', 'applied']);
    expect(orderedInForce(contract.categories[0]!, applied)).toBe(112);
    expect(orderedInForce(contract.categories[0]!, ordered)).toBe(100);
    expect(() => quoteTrueUp(contract, due!, [applied], 'Q-8', actor, 't2')).toThrow(/already/);
    expect(dueTrueUps(contract, [snapshot('2026-07-31', 112)], [applied], '2026-08-01')).toEqual(
      [],
    );
    expect(() => orderTrueUp(applied, 'PO-1', actor)).toThrow(/only a quoted/);
  });

  it('offers a readable quote number, one more than the contract’s true-ups so far', () => {
    const [due] = dueTrueUps(contract, [snapshot('2026-07-31', 112)], [], '2026-07-31');
    expect(suggestedQuoteNumber(contract, [])).toBe(`Q-${contract.number}-1`);
    const quoted = quoteTrueUp(contract, due!, [], suggestedQuoteNumber(contract, []), actor, 't1');
    const elsewhere = { ...quoted, id: 't2', contractId: 'another contract' };
    expect(suggestedQuoteNumber(contract, [quoted, elsewhere])).toBe(`Q-${contract.number}-2`);
  });

  it('charges a term starting mid-month for six months and the covered days of the last', () => {
    const mid = contractOf(
      draft({
        termStart: '2026-03-15',
        currency: 'SEK',
        categories: [
          { category: 'video', installedAtStart: '40', agreedGrowth: '0', unitPrice: '120.00' },
        ],
      }),
    );
    const [due] = dueTrueUps(mid, [snapshot('2026-09-30', 45)], [], '2026-09-30');
    const quoted = quoteTrueUp(mid, due!, [], 'Q-1', actor, 't1');
    expect(quoted).toMatchObject({
      adjustmentMonth: '2026-09',
      monthsWhole: 6,
      monthsPartial: [14, 31],
      amountMinor: 32258,
    });
  });
});

describe('changed fields', () => {
  it('lists the leaves that differ, arrays by index', () => {
    expect(
      changedFields(
        { number: 'A', categories: [{ agreedGrowth: 1 }], settings: { baselinePct: 5 } },
        { number: 'A', categories: [{ agreedGrowth: 2 }], settings: { baselinePct: 10 } },
      ),
    ).toEqual([
      { path: 'categories.0.agreedGrowth', before: 1, after: 2 },
      { path: 'settings.baselinePct', before: 5, after: 10 },
    ]);
  });
});
