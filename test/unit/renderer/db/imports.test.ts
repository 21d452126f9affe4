import { listOf } from '../../../../shared/inventory/device-list';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceIdentity } from '../../../../shared/inventory';
import type { Device } from '../../../../shared/model/device';
import type { Customer } from '../../../../shared/model/entities';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import { classifyModel, commitImport, undoClassification } from '../../../../renderer/db/imports';
import { snapshotDevices } from '../../../../renderer/db/device-lists';
import { readInventory } from '../../../../renderer/db/inventory';
import { parsedInventory } from './parsed-inventory';

const opened: WorkstationDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function freshDb() {
  const db = new WorkstationDatabase(`imports-${Math.random()}`);
  opened.push(db);
  await openDatabase(db);
  return db;
}

const customer = (id: string, name: string): Customer => ({
  id,
  name,
  masterAccountId: '',
  country: 'SE',
  lensAccounts: [name],
  csm: 'K',
  accountManager: '',
  isArchived: false,
});

function device(serial: string, model: string, account: string): Device {
  return {
    id: deviceIdentity(serial, '') ?? serial,
    serial,
    deviceId: '',
    model,
    name: '',
    site: 'HQ',
    room: '',
    softwareVersion: '1',
    online: true,
    lastDetected: null,
    account,
    accountId: '',
    mac: '',
    hardwareFamily: '',
  };
}

const parsedFile = (devices: Device[], asOf: string, hash: string) =>
  parsedInventory(devices, asOf, {
    name: `${hash}.csv`,
    contentHash: hash,
    rejected: [{ row: 9, reason: 'no serial number or device ID' }],
  });

/** A report's excluded figures: none, then the ones given. */
const excluded = (over: Partial<Record<string, number>> = {}) => ({
  eol: 0,
  quote: 0,
  software: 0,
  unknown: 0,
  deleted: 0,
  archived: 0,
  stale: 0,
  ...over,
});

const contoso = customer('c1', 'Contoso AB');
const july = [
  device('A1', 'Poly Studio X50', 'Contoso AB'),
  device('A2', 'Poly CCX 400', 'Contoso AB'),
  device('B1', 'Poly Sync 20', 'Fabrikam'),
];
const august = [
  device('A1', 'Poly Studio X50', 'Contoso AB'),
  device('A3', 'Poly Mystery 9', 'Contoso AB'),
];

describe('committing an import', () => {
  it('stores each customer’s inventory, snapshot, import record and change in one go, creating new customers', async () => {
    const db = await freshDb();
    await db.customers.add(contoso);
    const fabrikam = customer('c2', 'Fabrikam');
    const outcomes = await commitImport(db, 'Karin', {
      parsed: parsedFile(july, '2026-07-31', 'h1'),
      assignments: [
        { account: 'Contoso AB', accountId: '', customerId: 'c1' },
        { account: 'Fabrikam', accountId: '', customerId: 'c2' },
      ],
      newCustomers: [fabrikam],
      overrides: [],
    });
    expect(outcomes.map((o) => [o.customerId, o.isUnchanged, o.record.devices])).toEqual([
      ['c1', false, 2],
      ['c2', false, 1],
    ]);
    expect((await readInventory(db, 'c1')).map((d) => d.serial)).toEqual(['A1', 'A2']);
    expect((await readInventory(db, 'c2')).map((d) => d.serial)).toEqual(['B1']);
    const julySnapshot = await db.snapshots.get('c1:2026-07-31');
    if (!julySnapshot) throw new Error('no snapshot c1:2026-07-31');
    // Studio X50 is video, CCX 400 voice (TERMS.md §1); Fabrikam's Sync 20 is not Contoso's.
    expect(julySnapshot.summary.counts).toEqual({ headsets: 0, video: 1, voice: 1 });
    expect(julySnapshot.summary.excluded).toEqual(excluded());
    expect([julySnapshot.added, julySnapshot.removed, julySnapshot.month]).toEqual([
      2,
      0,
      '2026-07',
    ]);
    const fabrikamImports = await db.imports.where('customerId').equals('c2').toArray();
    expect(fabrikamImports).toHaveLength(1);
    expect(fabrikamImports[0]?.report).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      sheet: null,
      counts: { headsets: 1, video: 0, voice: 0 },
      excluded: excluded(),
      unknownModels: [],
      rejected: [{ row: 9, reason: 'no serial number or device ID' }],
      rejectedCount: 1,
      duplicates: [],
      duplicateCount: 0,
      added: 1,
      removed: 0,
      addedSample: ['B1'],
      removedSample: [],
      previousAsOf: null,
      isHistorical: false,
    });
    expect([fabrikamImports[0]?.rows, fabrikamImports[0]?.devices]).toEqual([3, 1]);
    expect((await db.changes.toArray()).map((c) => [c.entity, c.action])).toEqual([
      ['customer', 'create'],
      ['inventory', 'import'],
      ['inventory', 'import'],
    ]);
  });

  it('keeps every import’s device list: a past month stays listable after later imports', async () => {
    const db = await freshDb();
    await db.customers.add(contoso);
    const assignments = [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }];
    const commit = (devices: Device[], asOf: string, hash: string) =>
      commitImport(db, 'K', {
        parsed: parsedFile(devices, asOf, hash),
        assignments,
        newCustomers: [],
        overrides: [],
      });
    const june = [device('A0', 'Poly CCX 400', 'Contoso AB'), ...july.slice(0, 2)];
    await commit(july.slice(0, 2), '2026-07-31', 'h1');
    await commit(august, '2026-08-31', 'h2');
    // A June export imported last is kept as history, with a complete list of its own.
    await commit(june, '2026-06-30', 'h0');
    const listed = async (asOf: string) => {
      const snapshot = await db.snapshots.get(`c1:${asOf}`);
      const devices = snapshot ? await snapshotDevices(db, snapshot) : null;
      return devices?.map((d) => d.serial);
    };
    expect(await listed('2026-07-31')).toEqual(['A1', 'A2']);
    expect(await listed('2026-08-31')).toEqual(['A1', 'A3']);
    expect(await listed('2026-06-30')).toEqual(['A0', 'A1', 'A2']);
    const lists = await db.deviceLists.toArray();
    const augustHash = (await db.snapshots.get('c1:2026-08-31'))?.deviceList;
    expect(lists).toHaveLength(3);
    const augustList = lists.find((l) => l.hash === augustHash);
    if (!augustList) throw new Error('no device list for August');
    expect(listOf(augustList)).toMatchObject({ depth: 1, removed: ['A2'] });
    // June came last and is older than the current inventory: a whole list, no base to diff from.
    const juneList = lists.filter((l) => l.devices === 3);
    expect(juneList).toHaveLength(1);
    expect(juneList[0]?.base).toBeNull();
  });

  it('reports what was added and removed since the previous import', async () => {
    const db = await freshDb();
    await db.customers.add(contoso);
    const assignments = [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }];
    await commitImport(db, 'K', {
      parsed: parsedFile(july.slice(0, 2), '2026-07-31', 'h1'),
      assignments,
      newCustomers: [],
      overrides: [],
    });
    const [outcome] = await commitImport(db, 'K', {
      parsed: parsedFile(august, '2026-08-31', 'h2'),
      assignments,
      newCustomers: [],
      overrides: [],
    });
    if (!outcome) throw new Error('no outcome for c1');
    expect(outcome.record.report).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      sheet: null,
      // A1 Studio X50 is video; A3's model is not in the catalog, so it is listed, not counted.
      counts: { headsets: 0, video: 1, voice: 0 },
      excluded: excluded({ unknown: 1 }),
      unknownModels: [{ model: 'Poly Mystery 9', devices: 1 }],
      rejected: [{ row: 9, reason: 'no serial number or device ID' }],
      rejectedCount: 1,
      duplicates: [],
      duplicateCount: 0,
      added: 1,
      removed: 1,
      addedSample: ['A3'],
      removedSample: ['A2'],
      previousAsOf: '2026-07-31',
      isHistorical: false,
    });
    expect((await db.snapshots.toArray()).map((s) => [s.id, s.added, s.removed])).toEqual([
      ['c1:2026-07-31', 2, 0],
      ['c1:2026-08-31', 1, 1],
    ]);
  });

  it('changes nothing when the same file comes again', async () => {
    const db = await freshDb();
    await db.customers.add(contoso);
    const request = {
      parsed: parsedFile(july.slice(0, 2), '2026-07-31', 'h1'),
      assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
      newCustomers: [],
      overrides: [],
    };
    await commitImport(db, 'K', request);
    const changes = await db.changes.count();
    const first = await db.imports.toArray();
    const [again] = await commitImport(db, 'K', request);
    expect(again?.isUnchanged).toBe(true);
    // The outcome is the first import's record, not a new one.
    expect(again?.record).toEqual(first[0]);
    expect(await db.imports.count()).toBe(1);
    expect(await db.changes.count()).toBe(changes);
  });

  it('keeps an older file as history without replacing the current inventory', async () => {
    const db = await freshDb();
    await db.customers.add(contoso);
    const assignments = [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }];
    await commitImport(db, 'K', {
      parsed: parsedFile(august, '2026-08-31', 'h2'),
      assignments,
      newCustomers: [],
      overrides: [],
    });
    const [outcome] = await commitImport(db, 'K', {
      parsed: parsedFile(july.slice(0, 2), '2026-07-31', 'h1'),
      assignments,
      newCustomers: [],
      overrides: [],
    });
    expect(outcome?.record.report).toMatchObject({
      isHistorical: true,
      // Compared with nothing (the model's ImportReport.isHistorical): 0 added, 0 removed.
      added: 0,
      removed: 0,
      previousAsOf: '2026-08-31',
    });
    expect((await readInventory(db, 'c1')).map((d) => d.serial)).toEqual(['A1', 'A3']);
    const kept = await db.snapshots.get('c1:2026-07-31');
    if (!kept) throw new Error('the July file was not kept as history');
    expect([kept.month, kept.importId, kept.summary.counts]).toEqual([
      '2026-07',
      outcome?.record.id,
      { headsets: 0, video: 1, voice: 1 },
    ]);
    expect((await snapshotDevices(db, kept))?.map((d) => d.serial)).toEqual(['A1', 'A2']);
  });

  it('leaves everything as it was when it fails half-way', async () => {
    const db = await freshDb();
    await db.customers.add(contoso);
    await commitImport(db, 'K', {
      parsed: parsedFile(july.slice(0, 2), '2026-07-31', 'h1'),
      assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
      newCustomers: [],
      overrides: [],
    });
    const before = {
      inventory: await readInventory(db, 'c1'),
      snapshots: await db.snapshots.count(),
      imports: await db.imports.count(),
      customers: await db.customers.count(),
      changes: await db.changes.count(),
    };
    await expect(
      commitImport(db, 'K', {
        parsed: parsedFile(july, '2026-08-31', 'h3'),
        assignments: [
          { account: 'Contoso AB', accountId: '', customerId: 'c1' },
          { account: 'Fabrikam', accountId: '', customerId: 'missing-customer' },
        ],
        newCustomers: [customer('c9', 'Created Then Rolled Back')],
        overrides: [],
      }),
    ).rejects.toThrow(/missing-customer does not exist/);
    expect({
      inventory: await readInventory(db, 'c1'),
      snapshots: await db.snapshots.count(),
      imports: await db.imports.count(),
      customers: await db.customers.count(),
      changes: await db.changes.count(),
    }).toEqual(before);
  });

  it('classifying an unknown model stores the override and recounts the customers that had it', async () => {
    const db = await freshDb();
    await db.customers.add(contoso);
    await commitImport(db, 'K', {
      parsed: parsedFile(august, '2026-08-31', 'h2'),
      assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
      newCustomers: [],
      overrides: [],
    });
    expect((await db.snapshots.get('c1:2026-08-31'))?.summary.excluded.unknown).toBe(1);
    const done = await classifyModel(db, 'K', {
      pattern: 'Poly Mystery 9',
      match: 'exact',
      class: 'voice',
      verified: true,
      source: 'CSM',
    });
    expect([done.customers, done.snapshots]).toEqual([1, ['c1:2026-08-31']]);
    const summary = (await db.snapshots.get('c1:2026-08-31'))?.summary;
    expect([summary?.counts.voice, summary?.excluded.unknown]).toEqual([1, 0]);
    expect(await db.catalogOverrides.count()).toBe(1);

    // Undo: the override goes and the month counts as before, with both steps in the change log.
    await undoClassification(db, 'K', done);
    const undone = (await db.snapshots.get('c1:2026-08-31'))?.summary;
    expect([undone?.counts.voice, undone?.excluded.unknown]).toEqual([0, 1]);
    expect(await db.catalogOverrides.count()).toBe(0);
    const log = (await db.changes.toArray()).filter((c) => c.entity === 'catalogOverride');
    expect(log.map((c) => c.action)).toEqual(['create', 'delete']);
  });
});
