import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveContract, saveCustomer } from '../../../../renderer/db/contracts';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/imports';
import { emptyDraft, readContractDraft } from '../../../../shared/contracts/draft';
import { deviceIdentity } from '../../../../shared/inventory';
import type { Contract } from '../../../../shared/model/entities';
import { videoDevice } from '../../../support/device';
import { customer as customerNamed } from '../../sync/fixtures';
import { addDays, localToday } from '../../../../shared/terms/dates';
import { DEFAULT_PARTNER_SETTINGS } from '../../../../shared/terms/settings';
import { parsedInventory } from './parsed-inventory';

const opened: WorkstationDatabase[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

const customer = customerNamed('c1', { name: 'Contoso AB', lensAccounts: ['Contoso AB'] });

function contract(staleDays: string): Contract {
  const read = readContractDraft(
    {
      ...emptyDraft('SEK'),
      number: 'PE-1',
      termStart: '2020-01-01',
      termMonths: '120',
      staleDays,
      categories: [
        { category: 'video', installedAtStart: '3', agreedGrowth: '0', unitPrice: '49' },
      ],
    },
    'SEK',
  );
  if (!read.contract) throw new Error(JSON.stringify(read.issues));
  return { ...read.contract, id: 'k1', customerId: 'c1', isArchived: false };
}

/** A video device last seen `daysBefore` days before `asOf` (null: never). */
const device = (serial: string, asOf: string, daysBefore: number | null) =>
  videoDevice(
    deviceIdentity(serial, '') ?? serial,
    daysBefore === null ? null : `${addDays(asOf, -daysBefore)}T12:00:00Z`,
    { serial },
  );

/** Four devices: seen today, 30 days before, 31 days before, never. */
const devicesOn = (asOf: string) => [
  device(`S-${asOf}-0`, asOf, 0),
  device(`S-${asOf}-30`, asOf, 30),
  device(`S-${asOf}-31`, asOf, 31),
  device(`S-${asOf}-never`, asOf, null),
];

async function bookWithInventories(asOfs: string[]) {
  const db = new WorkstationDatabase(`stale-${Math.random()}`);
  opened.push(db);
  await openDatabase(db);
  await saveCustomer(db, 'K', customer);
  await saveContract(db, 'K', contract(''), DEFAULT_PARTNER_SETTINGS);
  for (const asOf of asOfs)
    await commitImport(db, 'K', {
      parsed: parsedInventory(devicesOn(asOf), asOf, { name: `${asOf}.csv`, contentHash: asOf }),
      assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
      newCustomers: [],
      overrides: [],
    });
  return db;
}

const figures = async (db: WorkstationDatabase, asOf: string) => {
  const summary = (await db.snapshots.get(`c1:${asOf}`))?.summary;
  return {
    video: summary?.counts.video,
    stale: summary?.excluded.stale,
    rule: summary?.staleDays ?? null,
  };
};

describe('changing a contract’s stale rule', () => {
  const today = localToday();
  const past = '2020-07-31';

  it('recounts the snapshots of the months whose end the new rule is in force at, and undoes', async () => {
    const db = await bookWithInventories([past, today]);
    expect(await figures(db, today)).toEqual({ video: 4, stale: 0, rule: null });

    const recounted = await saveContract(db, 'K', contract('30'), DEFAULT_PARTNER_SETTINGS);
    // This month's end is after the change; July 2020's was before it and keeps its figures.
    expect(recounted).toEqual([`c1:${today}`]);
    expect(await figures(db, today)).toEqual({ video: 2, stale: 2, rule: 30 });
    expect(await figures(db, past)).toEqual({ video: 4, stale: 0, rule: null });
    const log = db.changes.where('[entity+entityId]').equals(['snapshot', `c1:${today}`]);
    expect(await log.count()).toBe(1);

    // Undo: the contract as it was, this month counted without the rule again.
    const undone = await saveContract(db, 'K', contract(''), DEFAULT_PARTNER_SETTINGS);
    expect(undone).toEqual([`c1:${today}`]);
    expect(await figures(db, today)).toEqual({ video: 4, stale: 0, rule: null });
    expect((await db.contracts.get('k1'))?.staleDays).toBeNull();
  });

  it('counts a new inventory by the rule in force at its month’s end', async () => {
    const db = await bookWithInventories([]);
    await saveContract(db, 'K', contract('45'), DEFAULT_PARTNER_SETTINGS);
    const later = addDays(today, 1);
    await commitImport(db, 'K', {
      parsed: parsedInventory(devicesOn(later), later, { name: 'x.csv', contentHash: 'x' }),
      assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
      newCustomers: [],
      overrides: [],
    });
    // 30 and 31 days are within 45; only the device never seen is stale.
    expect(await figures(db, later)).toEqual({ video: 3, stale: 1, rule: 45 });
  });

  it('leaves the contract, every snapshot and the log as they were when the recount fails half-way', async () => {
    const next = addDays(today, 40);
    const db = await bookWithInventories([today, next]);
    const before = {
      contract: await db.contracts.get('k1'),
      snapshots: await db.snapshots.toArray(),
      changes: await db.changes.count(),
    };
    const put = db.snapshots.put.bind(db.snapshots);
    let puts = 0;
    vi.spyOn(db.snapshots, 'put').mockImplementation((...args) => {
      puts++;
      if (puts === 2) throw new Error('disk full');
      return put(...args);
    });
    await expect(saveContract(db, 'K', contract('30'), DEFAULT_PARTNER_SETTINGS)).rejects.toThrow(
      'disk full',
    );
    expect(puts).toBe(2);
    vi.restoreAllMocks();
    expect({
      contract: await db.contracts.get('k1'),
      snapshots: await db.snapshots.toArray(),
      changes: await db.changes.count(),
    }).toEqual(before);
  });
});
