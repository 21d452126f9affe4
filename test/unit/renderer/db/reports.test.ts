/**
 * A month's report is as of that month's last day (TERMS.md §10): November's report exported on
 * 1 December, after the fresh export was imported and a true-up applied and an RMA recorded that day,
 * shows November's inventory, devices, changes, true-up state and RMAs, and the same figures as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/model/device';
import type { Contract, Customer, Rma, TrueUp } from '../../../../shared/model/entities';
import type { MonthlyReport } from '../../../../shared/reports/monthly';
import { contractSettings } from '../../../../shared/terms';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/imports';
import { currentReport } from '../../../../renderer/db/reports';
import { videoDevice } from '../../../support/device';
import { parsedInventory } from './parsed-inventory';

const opened: WorkstationDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const customer: Customer = {
  id: 'c1',
  name: 'Contoso AB',
  masterAccountId: 'MA-1',
  country: 'SE',
  lensAccounts: ['Contoso AB'],
  csm: 'Karin',
  accountManager: 'Jonas',
  isArchived: false,
};

const contract: Contract = {
  id: 'k1',
  customerId: 'c1',
  number: 'PE-1001',
  termStart: '2026-01-01',
  currency: 'SEK',
  categories: [{ category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 }],
  adjustmentMonth: null,
  settings: contractSettings(),
  tam: false,
  professionalServicesDiscountPct: 0,
  isEcps: false,
  isArchived: false,
};

const video = (i: number, detected: string): Device =>
  videoDevice(`V${String(i).padStart(4, '0')}`, `${detected}T10:00:00Z`, {
    softwareVersion: '4.2',
    online: true,
  });

const parsed = (devices: Device[], asOf: string) =>
  parsedInventory(devices, asOf, {
    name: `lens-${asOf}.csv`,
    contentHash: asOf.replaceAll('-', '').padEnd(64, '0'),
  });

const rma = (id: string, requestedOn: string): Rma => ({
  id,
  customerId: 'c1',
  serial: 'V0001',
  model: 'Poly Studio X50',
  category: 'video',
  siteId: 'S-1',
  requestedOn,
  approvedOn: requestedOn,
  shipBy: null,
  shippedOn: null,
  trackingNumber: '',
  returnBy: null,
  returnedOn: null,
  reason: 'dead',
  caseId: null,
});

const trueUp = (events: TrueUp['events']): TrueUp => ({
  id: 't1',
  contractId: 'k1',
  category: 'video',
  termStart: '2026-01-01',
  adjustmentMonth: '2026-07',
  state: events.at(-1)?.state ?? 'quoted',
  asOf: '2026-07-31',
  count: 112,
  ordered: 100,
  added: 12,
  unitPriceMinor: 4900,
  currency: 'SEK',
  monthsWhole: 6,
  monthsPartial: [0, 1],
  amountMinor: 29400,
  quoteNumber: 'Q-7',
  poNumber: 'PO-9',
  events,
});

const figures = (report: MonthlyReport) => ({ ...report, generatedAt: '' });

describe('a past month’s report', () => {
  it('is built from that month’s last day, whatever is recorded after it', async () => {
    const db = new WorkstationDatabase(`reports-${Math.random()}`);
    opened.push(db);
    await openDatabase(db);
    await db.customers.add(customer);
    await db.contracts.add(contract);
    const assignments = [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }];
    const commit = (devices: Device[], asOf: string) =>
      commitImport(db, 'K', {
        parsed: parsed(devices, asOf),
        assignments,
        newCustomers: [],
        overrides: [],
      });
    // July 112, October 110; November: three added, one removed (112).
    await commit(
      Array.from({ length: 112 }, (_, i) => video(i, '2026-07-30')),
      '2026-07-31',
    );
    const october = Array.from({ length: 110 }, (_, i) => video(i, '2026-10-30'));
    await commit(october, '2026-10-31');
    const november = [
      ...Array.from({ length: 109 }, (_, i) => video(i + 1, '2026-11-29')),
      ...[200, 201, 202].map((i) => video(i, '2026-11-29')),
    ];
    await commit(november, '2026-11-30');
    await db.rmas.add(rma('r1', '2026-11-15'));
    await db.trueUps.add(
      trueUp([
        { state: 'due', at: '2026-08-05T12:00:00Z', user: 'K' },
        { state: 'quoted', at: '2026-08-05T12:00:00Z', user: 'K' },
        { state: 'ordered', at: '2026-11-20T12:00:00Z', user: 'J' },
      ]),
    );
    const before = await currentReport(db, 'c1', '2026-11', '');

    // 1 December: the fresh export, an RMA and the true-up applied.
    await commit(
      Array.from({ length: 125 }, (_, i) => video(i, '2026-12-01')),
      '2026-12-01',
    );
    await db.rmas.add(rma('r2', '2026-12-01'));
    const applied = trueUp([
      { state: 'due', at: '2026-08-05T12:00:00Z', user: 'K' },
      { state: 'quoted', at: '2026-08-05T12:00:00Z', user: 'K' },
      { state: 'ordered', at: '2026-11-20T12:00:00Z', user: 'J' },
      { state: 'applied', at: '2026-12-01T12:00:00Z', user: 'J' },
    ]);
    await db.trueUps.put(applied);
    const report = await currentReport(db, 'c1', '2026-11', '');

    expect(report && figures(report)).toEqual(before && figures(before));
    expect(report?.asOf).toBe('2026-11-30');
    expect(report?.categories[0]).toMatchObject({
      ordered: 100,
      count: 112,
      action: 'inProgress',
      trueUp: { state: 'ordered', quoteNumber: 'Q-7', poNumber: 'PO-9' },
    });
    expect(report?.rmaRows.map((r) => r.requestedOn)).toEqual(['2026-11-15']);
    expect(report?.devices).toHaveLength(113);
    const changes = (report?.devices ?? [])
      .filter((d) => d.change)
      .map((d) => [d.serial, d.change]);
    expect(changes).toEqual([
      ['V0200', 'new'],
      ['V0201', 'new'],
      ['V0202', 'new'],
      ['V0000', 'removed'],
    ]);

    // December's report sees the true-up applied and the December inventory.
    const december = await currentReport(db, 'c1', '2026-12', '');
    expect(december?.categories[0]).toMatchObject({
      ordered: 112,
      count: 125,
      action: 'atRenewal',
    });
    expect(december?.rmaRows).toHaveLength(2);
  });
});
