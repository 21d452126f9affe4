import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/model/device';
import type { Contract, InventorySnapshot } from '../../../../shared/model/entities';
import { reportChanges } from '../../../../shared/reports/monthly';
import { monthlyWorkbook } from '../../../../shared/reports/monthly-layout';
import { reportLabels } from '../../../../shared/reports/report-labels';
import { contractSettings } from '../../../../shared/terms';
import { contract as contractOf } from '../../sync/fixtures';
import { report as reportOf, snapshot as inventory } from './report-fixtures';
import { videoDevice } from '../../../support/device';

const contract: Contract = contractOf('k1', { number: 'PE-1', settings: contractSettings() });
const snapshot = (asOf: string, video: number) => inventory(asOf, { video });

function report(
  month: string,
  snapshots: InventorySnapshot[],
  chosen: Contract = contract,
  devices: Device[] = [],
) {
  return reportOf(month, {
    generatedAt: '2026-11-25T10:00:00Z',
    brand: { name: '', primaryColor: '#1c4e80' },
    contract: chosen,
    snapshots,
    devices,
    today: '2026-11-25',
  });
}

describe('the monthly report’s true-up (TERMS.md §4)', () => {
  it('projects before the adjustment month, is due as the adjustment month’s count decides, and not after', () => {
    expect(report('2026-06', [snapshot('2026-06-30', 112)]).categories[0]?.trueUp).toEqual({
      state: 'projected',
      added: 12,
      unitPrice: '49.00',
      months: '6',
      monthsCharged: 6,
      amount: '294.00',
      quoteNumber: '',
      poNumber: '',
    });
    expect(
      report('2026-08', [snapshot('2026-07-31', 112), snapshot('2026-08-31', 120)]).categories[0]
        ?.trueUp,
    ).toMatchObject({
      state: 'due',
      added: 12,
      amount: '294.00',
    });
    // July's count was below triggerAt: the devices added since are charged at renewal, not now.
    const september = report('2026-09', [snapshot('2026-07-31', 104), snapshot('2026-09-30', 112)]);
    expect(september.categories[0]).toMatchObject({
      count: 112,
      status: 'trueUpDue',
      trueUp: null,
    });
  });

  it('says what changed between a report as sent and today’s', () => {
    const sent = report('2026-09', [snapshot('2026-09-30', 104)]);
    const now = report('2026-09', [snapshot('2026-09-30', 106)]);
    expect(reportChanges(sent, now).map((c) => [c.path, c.before, c.after])).toEqual([
      ['categories.0.count', 104, 106],
      ['categories.0.growthPct', 4, 6],
      ['categories.0.status', 'within', 'trueUpDue'],
      ['categories.0.action', null, 'atRenewal'],
      ['categories.0.unitsAtRenewal', null, 6],
    ]);
    expect(reportChanges(sent, sent)).toEqual([]);
  });
});

describe('months charged in the report', () => {
  it('gives a term ending inside a month as text and as a number', () => {
    const mid: Contract = {
      ...contract,
      termStart: '2026-03-15',
      categories: [
        { category: 'video', installedAtStart: 40, agreedGrowth: 0, unitPriceMinor: 12000 },
      ],
    };
    const r = report('2026-09', [snapshot('2026-09-30', 45)], mid);
    expect(r.categories[0]?.trueUp).toEqual({
      state: 'due',
      added: 5,
      unitPrice: '120.00',
      months: '6 + 14/31',
      monthsCharged: 6.451613,
      amount: '322.58',
      quoteNumber: '',
      poNumber: '',
    });
  });
});

describe('devices Lens marks deleted or archived in the report (TERMS.md §12)', () => {
  it('lists how many there are in the summary sheet’s excluded block, in the report’s language', () => {
    const marked = snapshot('2026-10-31', 10);
    marked.summary.excluded = { ...marked.summary.excluded, deleted: 3, archived: 2 };
    const built = report('2026-10', [marked]);
    expect(built.excluded).toMatchObject({ deleted: 3, archived: 2 });
    for (const [language, deleted, archived] of [
      ['en', 'Deleted in Lens', 'Archived in Lens'],
      ['sv', 'Borttagen i Lens', 'Arkiverad i Lens'],
    ] as const) {
      const summary = monthlyWorkbook(built, language).sheets[1]!;
      const rows = summary.blocks?.[0]?.rows ?? [];
      expect(rows).toContainEqual([deleted, 3]);
      expect(rows).toContainEqual([archived, 2]);
    }
  });
});

describe('stale devices in the report (TERMS.md §12)', () => {
  const devices = [
    videoDevice('V30', '2026-10-01T09:00:00Z'),
    videoDevice('V31', '2026-09-30T09:00:00Z'),
  ];

  it('lists them by the rule the month was counted with, with their last detection, in both languages', () => {
    const counted = snapshot('2026-10-31', 1);
    counted.summary.excluded = { ...counted.summary.excluded, stale: 1 };
    counted.summary.staleDays = 30;
    const built = report('2026-10', [counted], contract, devices);
    expect(built.excluded.stale).toBe(1);
    expect(built.devices.map((d) => [d.serial, d.cls, d.lastDetected])).toEqual([
      ['V30', 'video', '2026-10-01T09:00:00Z'],
      ['V31', 'stale', '2026-09-30T09:00:00Z'],
    ]);
    for (const [language, label] of [
      ['en', 'Not seen in Lens'],
      ['sv', 'Inte sedd i Lens'],
    ] as const) {
      const l = reportLabels(language);
      const sheets = monthlyWorkbook(built, language).sheets;
      const sheet = (name: string) => sheets.find((s) => s.name === name);
      expect(sheet(l.sheets.summary)?.blocks?.[0]?.rows ?? []).toContainEqual([label, 1]);
      expect(sheet(l.sheets.devices)?.rows?.[1]?.[0]).toBe(label);
    }
    // A month counted without a rule lists the same devices as counted.
    const none = report('2026-10', [snapshot('2026-10-31', 2)], contract, devices);
    expect(none.devices.map((d) => d.cls)).toEqual(['video', 'video']);
  });
});

describe('the monthly report’s expected additions for the coming year (TERMS.md §11)', () => {
  // January to November 2026: 100, 103, …, 130 video devices, the series of `csm plan`'s test.
  const line = Array.from({ length: 11 }, (_, i) =>
    snapshot(`2026-${String(i + 1).padStart(2, '0')}-20`, 100 + 3 * i),
  );

  it('gives csm plan’s figures at the next adjustment month in the summary sheet', () => {
    const built = report('2026-11', line);
    expect(built.growth).toEqual([
      {
        category: 'video',
        latestCount: 130,
        adjustmentMonth: '2027-07',
        historyMonths: 11,
        method: 'trend',
        backtestMae: 0,
        // 130 + 3 × 8 = 154; sd 0.8104 gives 152–156 at 80 % and at 95 % (whole devices, outward).
        expectedAdditions: 24,
        central: 154,
        lower80: 152,
        upper80: 156,
        lower95: 152,
        upper95: 156,
        recommendedGrowth: 17,
      },
    ]);
    const en = monthlyWorkbook(built, 'en').sheets[1]!.blocks!;
    const block = en.find((b) => b.heading.startsWith('Expected additions'))!;
    expect(block.heading).toBe('Expected additions for the coming year (for Poly’s CSM)');
    expect(block.rows).toEqual([
      ['Video', 130, '2027-07', 24, 154, 152, 156, 152, 156, 17, 'Least-squares trend line', 0],
    ]);
    const sv = monthlyWorkbook(built, 'sv').sheets[1]!.blocks!;
    expect(sv.find((b) => b.heading.startsWith('Förväntat tillskott'))!.rows[0]).toEqual([
      'Video',
      130,
      '2027-07',
      24,
      154,
      152,
      156,
      152,
      156,
      17,
      'Linjär trend (minsta kvadrat)',
      0,
    ]);
  });

  it('says so with fewer than 4 months, and a month’s figures stay the month’s', () => {
    const built = report('2026-03', line);
    expect(built.growth![0]).toMatchObject({
      historyMonths: 3,
      expectedAdditions: null,
      method: null,
    });
    const block = monthlyWorkbook(built, 'en').sheets[1]!.blocks!.find((b) =>
      b.heading.startsWith('Expected additions'),
    )!;
    expect(block.rows[0]![10]).toBe('too little history: 3 of the 4 months a forecast needs');
    expect(report('2026-06', line).growth).toEqual(report('2026-06', line.slice(0, 6)).growth);
  });
});
