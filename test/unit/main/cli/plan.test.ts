/** `csm plan` and the plan in `csm status --json` (TERMS.md §11), with real register and Lens files. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csm } from './run-csm';
import type { Contract, InventorySnapshot } from '../../../../shared/model/entities';
import { growthSummary, snapshotHistory, type PlanContract } from '../../../../shared/reports/plan';
import { forecastTriggerMonth } from '../../../../shared/reports/trend';
import { renewalRow } from '../../../../shared/reports/renewals';
import { renewalPlan, renewalsWorkbook } from '../../../../shared/reports/renewals-layout';
import { contractSettings } from '../../../../shared/terms';

let dir = '';
let register = '';
const inventories: string[] = [];

/** One Lens UI export per month-end, January to November 2026: 100, 103, …, 130 video devices. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csm-plan-'));
  register = join(dir, 'register.csv');
  await writeFile(
    register,
    [
      'Contract ID,Customer,Lens Account,Term Start,Category,Installed At Start,Agreed Growth,Unit Price',
      'PE-9,Contoso AB,Contoso AB,2026-01-01,video,100,0,49.00',
    ].join('\n'),
  );
  for (let m = 1; m <= 11; m++) {
    const month = String(m).padStart(2, '0');
    const rows = Array.from(
      { length: 100 + 3 * (m - 1) },
      (_, i) => `Poly Studio X50,V${i},Contoso AB,,2026-${month}-20T10:00:00Z`,
    );
    const path = join(dir, `2026-${month}.csv`);
    await writeFile(
      path,
      ['Device Model,Serial Number,Account,Account ID,Last Detected', ...rows].join('\n'),
    );
    inventories.push(path);
  }
});

const plan = async (month: string, files = inventories, command = 'plan') => {
  const result = await csm(
    command,
    '--contracts',
    register,
    ...files.flatMap((f) => ['--inventory', f]),
    '--month',
    month,
    '--json',
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    month: string;
    contracts?: PlanContract[];
    plan?: PlanContract[];
  };
};

describe('csm plan', () => {
  it('forecasts each category to the next term’s end and recommends the growth at 20 % risk', async () => {
    const doc = await plan('2026-11');
    const video = doc.contracts![0]!.categories[0]!;
    expect(doc.contracts![0]).toMatchObject({
      contractId: 'PE-9',
      nextTermStart: '2027-01-01',
      acceptedAdjustmentRisk: 20,
    });
    expect(video.history).toHaveLength(11);
    expect(video.history.at(-1)).toEqual({ month: '2026-11', count: 130 });
    expect(video.method).toBe('trend');
    expect(video.backtestMae).toBe(0);
    expect(video.adjustmentMonth).toBe('2027-07');
    expect(video.forecast!.at(-1)!.month).toBe('2027-12');
    // An exact line: 130 + 3 × 8 = 154 in July 2027.
    expect(video.forecast!.find((f) => f.month === '2027-07')).toMatchObject({ central: 154 });
    expect(video.expectedAdditions).toBe(24);
    const r = video.recommended!;
    expect(r.nextOrdered).toBe(130 + r.growth);
    expect(r.pAdjustment).toBeLessThanOrEqual(0.2);
    // 154 is certain to within a device: the smallest g whose triggerAt ⌈(130 + g) × 1.05⌉ exceeds it.
    expect(r.growth).toBe(17);
    expect(r.triggerAt).toBe(155);
    expect(r.upFront).toBe('833.00');
    // sd at July 2027 = 0.5 × √(1 + 1/11 + 13²/110) = 0.8104 (the trend's floor sd on an exact line):
    // P(⌊X⌋ = 155) 0.1018 × 8 × 49.00 × 6/12 + P(⌊X⌋ ≥ 156) 0.0068 × 9 × 24.50 ≈ 21.46.
    expect(r.pAdjustment).toBeCloseTo(0.1086, 3);
    expect(r.expectedMidTerm).toBe('21.46');
  });

  it('says so with fewer than 4 months of history', async () => {
    const doc = await plan('2026-03');
    expect(doc.contracts![0]!.categories[0]).toMatchObject({
      reason: 'too little history: 3 months',
    });
    expect(doc.contracts![0]!.categories[0]!.recommended).toBeUndefined();
  });

  it('prints the same figures as text', async () => {
    const result = await csm(
      'plan',
      '--contracts',
      register,
      ...inventories.flatMap((f) => ['--inventory', f]),
      '--month',
      '2026-11',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PE-9 Contoso AB (SEK): next term from 2027-01-01');
    expect(result.stdout).toContain('method trend (backtest MAE 0 devices), 2027-07: 154');
    expect(result.stdout).toContain('expected additions 24; recommended growth 17');
  });

  it('csm status --json carries the same plan', async () => {
    const doc = await plan('2026-11', inventories, 'status');
    expect(doc.plan).toEqual((await plan('2026-11')).contracts);
  });

  it('the renewals export’s growth plan sheet shows the same figures for the same counts', async () => {
    const printed = (await plan('2026-11')).contracts![0]!.categories[0]!;
    const contract: Contract = {
      id: 'k9',
      customerId: 'c9',
      number: 'PE-9',
      termStart: '2026-01-01',
      currency: 'SEK',
      categories: [
        { category: 'video', installedAtStart: 100, agreedGrowth: 0, unitPriceMinor: 4900 },
      ],
      adjustmentMonth: null,
      settings: contractSettings(),
      tam: false,
      professionalServicesDiscountPct: 0,
      isEcps: false,
      isArchived: false,
    };
    // The app's snapshots of the same eleven files: their as-of dates and video counts.
    const snapshots = printed.history.map(
      (h) =>
        ({
          asOf: `${h.month}-20`,
          summary: { counts: { headsets: 0, video: h.count, voice: 0 } },
        }) as InventorySnapshot,
    );
    const row = renewalRow(contract, undefined, snapshots.at(-1), []);
    const app = renewalPlan(row, contract, snapshotHistory(snapshots, '2026-11'), 20);
    expect(app.lines[0]!.figures).toEqual(printed);
    const sheet = renewalsWorkbook([row], [app], 'en', 20).sheets[1]!;
    const cell = (header: string) =>
      sheet.rows[0]![sheet.columns.findIndex((c) => c.header === header)];
    const r = printed.recommended!;
    expect([
      cell('Recommended growth'),
      cell('Next ordered (recommended)'),
      cell('True-up at (recommended)'),
      cell('P(adjustment), recommended'),
      cell('Up front (recommended)'),
      cell('Expected mid-term (recommended)'),
      cell('Expected additions'),
      cell('Backtest MAE (devices)'),
    ]).toEqual([
      r.growth,
      r.nextOrdered,
      r.triggerAt,
      Math.round(r.pAdjustment * 10000) / 100,
      Number(r.upFront),
      Number(r.expectedMidTerm),
      printed.expectedAdditions,
      printed.backtestMae,
    ]);

    // The monthly report's expected additions and the dashboard's fan: the same figures again.
    const at = printed.forecast!.find((f) => f.month === printed.adjustmentMonth)!;
    expect(growthSummary(contract, snapshots, '2026-11', 20)[0]).toMatchObject({
      latestCount: 130,
      adjustmentMonth: printed.adjustmentMonth,
      method: printed.method,
      backtestMae: printed.backtestMae,
      expectedAdditions: printed.expectedAdditions,
      central: at.central,
      lower80: at.lower80,
      upper80: at.upper80,
      lower95: at.lower95,
      upper95: at.upper95,
      recommendedGrowth: r.growth,
    });
    const trend = printed.history.map((h) => ({
      month: h.month,
      counts: { headsets: 0, video: h.count, voice: 0 },
    }));
    const fan = forecastTriggerMonth(trend, 'video', 200, '2026-12-31').fan;
    expect(fan).toEqual([printed.forecast![0]]);
  });

  it('needs its arguments, naming the command', async () => {
    const result = await csm('plan', '--contracts', register, '--month', '2026-11');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('plan needs at least one --inventory FILE');
  });
});
