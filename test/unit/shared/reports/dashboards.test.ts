import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../../shared/catalog';
import { deviceIdentity, summarizeInventory } from '../../../../shared/inventory';
import type { Device } from '../../../../shared/model/device';
import type {
  Contract,
  Customer,
  InventorySnapshot,
  TrueUp,
} from '../../../../shared/model/entities';
import { customerAlerts } from '../../../../shared/reports/alerts';
import { portfolioRow } from '../../../../shared/reports/portfolio';
import {
  forecastTriggerMonth,
  monthEndCounts,
  monthlyTrend,
  type TrendPoint,
} from '../../../../shared/reports/trend';
import { forecastWords } from '../../../../shared/reports/trend-words';
import {
  contractSettings,
  DEFAULT_PARTNER_SETTINGS,
  moneyToDecimal,
} from '../../../../shared/terms';

const point = (month: string, video: number): TrendPoint => ({
  month,
  counts: { headsets: 0, video, voice: 0 },
});

describe('the trigger forecast (the growth plan’s model, TERMS.md §11)', () => {
  const line = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m, i) =>
    point(m, 90 + 2 * i),
  );

  it('names the month the central forecast reaches triggerAt and the months it likely falls between', () => {
    const forecast = forecastTriggerMonth(line, 'video', 105, '2026-12-31');
    // An exact line, 90 + 2t: the trend wins the backtest (MAE 0); 106 in September. Its sd is the
    // floor 0.5 × √(1 + 1/6 + (t − 2.5)²/17.5): August 104 + 1.2816 × 0.762 = 104.98 → 80 % high 105
    // (July's 103 is not); September's 80 % low ⌊106 − 1.09⌋ = 104, October's ⌊108 − 1.21⌋ = 106.
    expect(forecast).toMatchObject({
      category: 'video',
      triggerAt: 105,
      reachesTriggerAt: '2026-09',
      isReached: false,
      likelyFrom: '2026-08',
      likelyTo: '2026-10',
      termEndMonth: '2026-12',
      method: 'trend',
      backtestMae: 0,
      basedOnMonths: 6,
    });
    expect(forecast.fan.map((p) => [p.month, p.central, p.lower80, p.upper80])).toEqual([
      ['2026-07', 102, 101, 103],
      ['2026-08', 104, 103, 105],
      ['2026-09', 106, 104, 108],
      ['2026-10', 108, 106, 110],
      ['2026-11', 110, 108, 112],
      ['2026-12', 112, 110, 114],
    ]);
    expect(forecast.fan.every((p) => p.lower95 <= p.lower80 && p.upper95 >= p.upper80)).toBe(true);
    expect(forecastWords(forecast, 'Video', 'en')).toEqual({
      headline: 'Video reaches 105 around September 2026, likely between August and October 2026.',
      method:
        'Forecast: least-squares trend line, chosen by a backtest on the last 6 month-end counts (off by 0 devices on average); the bands are the 80 % and 95 % intervals, to the term’s end.',
    });
    expect(forecastWords(forecast, 'Video', 'sv').headline).toBe(
      'Video når 105 omkring september 2026, troligen mellan augusti och oktober 2026.',
    );
  });

  it('stops at the term’s end and says so when triggerAt is not reached by then', () => {
    const forecast = forecastTriggerMonth(line, 'video', 105, '2026-08-31');
    expect(forecast.fan.map((p) => p.month)).toEqual(['2026-07', '2026-08']);
    expect(forecast).toMatchObject({ reachesTriggerAt: null, likelyFrom: '2026-08' });
    expect(forecastWords(forecast, 'Video', 'en').headline).toBe(
      'Video is not expected to reach 105 before the term ends (August 2026), though it may from August 2026.',
    );
    const flat = line.map((p) => point(p.month, 100));
    expect(
      forecastWords(forecastTriggerMonth(flat, 'video', 105, '2026-12-31'), 'Video', 'en').headline,
    ).toBe('Video is not expected to reach 105 before the term ends (December 2026).');
  });

  it('gives the month it was first reached when it already was', () => {
    const trend = [point('2026-01', 100), point('2026-02', 106), point('2026-03', 104)];
    const forecast = forecastTriggerMonth(trend, 'video', 105, '2026-12-31');
    expect(forecast).toMatchObject({ reachesTriggerAt: '2026-02', isReached: true });
    expect(forecastWords(forecast, 'Video', 'en').headline).toBe(
      'Video reached 105 in February 2026.',
    );
  });

  it('makes no forecast from fewer than 4 month-end counts, and fills a month without an inventory', () => {
    const short = forecastTriggerMonth(
      [point('2026-01', 100), point('2026-02', 99)],
      'video',
      105,
      '2026-12-31',
    );
    expect(short).toMatchObject({ reachesTriggerAt: null, method: null, fan: [] });
    expect(forecastWords(short, 'Video', 'en').headline).toBe(
      'Too little history to forecast Video: 2 months (at least 4 are needed).',
    );
    // March has no inventory: its month-end count is February's (TERMS.md §10).
    expect(
      monthEndCounts([point('2026-01', 1), point('2026-02', 2), point('2026-04', 4)], 'video'),
    ).toEqual([
      { month: '2026-01', count: 1 },
      { month: '2026-02', count: 2 },
      { month: '2026-03', count: 2 },
      { month: '2026-04', count: 4 },
    ]);
  });

  it('takes each month’s latest snapshot', () => {
    const snap = (asOf: string, video: number) =>
      ({
        id: asOf,
        customerId: 'c',
        importId: null,
        asOf,
        month: asOf.slice(0, 7),
        added: 0,
        removed: 0,
        summary: { counts: { headsets: 0, video, voice: 0 } },
      }) as unknown as InventorySnapshot;
    expect(
      monthlyTrend([snap('2026-02-28', 5), snap('2026-01-31', 3), snap('2026-02-10', 4)]),
    ).toEqual([point('2026-01', 3), point('2026-02', 5)]);
  });
});

describe('portfolio alerts', () => {
  const customer: Customer = {
    id: 'c',
    name: 'Contoso AB',
    masterAccountId: '',
    country: 'SE',
    lensAccounts: [],
    csm: '',
    accountManager: '',
    isArchived: false,
  };
  const contract: Contract = {
    id: 'k',
    customerId: 'c',
    number: 'PE-1',
    termStart: '2026-01-01',
    currency: 'EUR',
    adjustmentMonth: null,
    categories: [
      { category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 },
      { category: 'headsets', installedAtStart: 200, agreedGrowth: 0, unitPriceMinor: 4500 },
    ],
    settings: contractSettings({ blocksPerMonth: 1 }),
    tam: false,
    professionalServicesDiscountPct: 0,
    isEcps: false,
    isArchived: false,
  };
  const devices = (n: number, model: string, prefix: string): Device[] =>
    Array.from({ length: n }, (_, i) => ({
      id: deviceIdentity(`${prefix}${i}`, '') ?? '',
      serial: `${prefix}${i}`,
      deviceId: '',
      model,
      name: '',
      site: 'HQ',
      room: '',
      softwareVersion: '1',
      online: true,
      lastDetected: '2026-06-01T00:00:00Z',
      account: '',
      accountId: '',
      mac: '',
      hardwareFamily: '',
    }));
  const NO_WORK = {
    headsetRmasThisYear: 0,
    usedMinutesByMonth: {},
    lateRmas: 0,
    unreturnedRmas: 0,
  };
  const quotedTrueUp: TrueUp = {
    id: 't1',
    contractId: contract.id,
    category: 'video',
    termStart: contract.termStart,
    adjustmentMonth: '2026-07',
    state: 'quoted',
    asOf: '2026-07-31',
    count: 112,
    ordered: 100,
    added: 12,
    unitPriceMinor: 4900,
    currency: 'SEK',
    monthsWhole: 6,
    monthsPartial: [0, 1],
    amountMinor: 29400,
    quoteNumber: 'Q-1',
    poNumber: '',
    events: [
      { state: 'due', at: '2026-08-02T09:00:00Z', user: 'K' },
      { state: 'quoted', at: '2026-08-02T09:00:00Z', user: 'K' },
    ],
  };
  const latest = (asOf: string): InventorySnapshot => ({
    id: 's',
    customerId: 'c',
    importId: null,
    asOf,
    month: asOf.slice(0, 7),
    added: 0,
    removed: 0,
    summary: summarizeInventory(
      [
        ...devices(112, 'Poly Studio X50', 'V'),
        ...devices(200, 'Poly Sync 20', 'H'),
        ...devices(2, 'Poly Mystery 9', 'U'),
      ],
      shippedCatalog(),
      asOf,
    ),
  });

  it('lists the coming adjustment with its projected amount, RMAs, unknown models and overspent hours; a projected true-up needs no action yet', () => {
    const row = portfolioRow(
      customer,
      contract,
      [latest('2026-06-01')],
      DEFAULT_PARTNER_SETTINGS,
      {
        headsetRmasThisYear: 9,
        usedMinutesByMonth: { '2026-06': 9 * 60 },
        lateRmas: 1,
        unreturnedRmas: 2,
      },
      '2026-06-05',
    );
    expect(row.categories.find((c) => c.category === 'video')).toMatchObject({
      action: 'projected',
      adjustmentMonth: '2026-07',
    });
    expect(row.alerts.map((a) => a.kind)).toEqual([
      'adjustmentSoon',
      'rmaWarning',
      'hoursOverspent',
      'rmaOverdue',
      'unknownModels',
    ]);
    expect(row.alerts.find((a) => a.kind === 'rmaOverdue')).toEqual({
      kind: 'rmaOverdue',
      late: 1,
      unreturned: 2,
    });
    const adjustment = row.alerts.find((a) => a.kind === 'adjustmentSoon');
    expect(
      adjustment?.kind === 'adjustmentSoon' && [
        adjustment.month,
        moneyToDecimal(adjustment.projected),
      ],
    ).toEqual(['2026-07', '294.00']);
  });

  it('puts a true-up due, and one in progress, under "needs action" with its next step', () => {
    const due = portfolioRow(
      customer,
      contract,
      [latest('2026-07-31')],
      DEFAULT_PARTNER_SETTINGS,
      NO_WORK,
      '2026-08-05',
    );
    expect(due.alerts.find((a) => a.kind === 'trueUp')).toMatchObject({
      kind: 'trueUp',
      category: 'video',
      action: 'due',
      isOverdue: true,
    });
    const quoted = portfolioRow(
      customer,
      contract,
      [latest('2026-07-31')],
      DEFAULT_PARTNER_SETTINGS,
      NO_WORK,
      '2026-08-05',
      [quotedTrueUp],
    );
    expect(quoted.alerts.find((a) => a.kind === 'trueUp')).toMatchObject({
      action: 'inProgress',
      state: 'quoted',
    });
    expect(quoted.categories.find((c) => c.category === 'video')).toMatchObject({
      action: 'inProgress',
      quoteNumber: 'Q-1',
    });
  });

  it('warns of renewals within 90 and 180 days and of an inventory older than 35 days', () => {
    const soon = customerAlerts({
      contract,
      latest: latest('2026-10-01'),
      categories: [],
      headsetRmasThisYear: 0,
      usedMinutesByMonth: {},
      lateRmas: 0,
      unreturnedRmas: 0,
      today: '2026-11-20',
      partner: DEFAULT_PARTNER_SETTINGS,
    });
    expect(soon).toEqual(
      expect.arrayContaining([
        { kind: 'renewalSoon', date: '2027-01-01', days: 42 },
        { kind: 'staleInventory', asOf: '2026-10-01', days: 50 },
      ]),
    );
    const later = customerAlerts({
      contract,
      latest: latest('2026-09-01'),
      categories: [],
      headsetRmasThisYear: 0,
      usedMinutesByMonth: {},
      lateRmas: 0,
      unreturnedRmas: 0,
      today: '2026-08-01',
      partner: DEFAULT_PARTNER_SETTINGS,
    });
    expect(later.filter((a) => a.kind.startsWith('renewal'))).toEqual([
      { kind: 'renewal', date: '2027-01-01', days: 153 },
    ]);
  });
});
