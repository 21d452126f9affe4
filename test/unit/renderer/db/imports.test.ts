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
    expect(await readInventory(db, 'c1')).toHaveLength(2);
    expect((await db.snapshots.get('c1:2026-07-31'))?.summary.counts).toEqual({
      headsets: 0,
      video: 1,
      voice: 1,
    });
    expect((await db.imports.where('customerId').equals('c2').first())?.report).toMatchObject({
      counts: { headsets: 1 },
      rejectedCount: 1,
      added: 1,
      removed: 0,
    });
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
    const augustList = lists.find((l) => l.hash === augustHash);
    expect(augustList && listOf(augustList)).toMatchObject({ depth: 1, removed: ['A2'] });
    expect(lists.find((l) => l.devices === 3)?.base).toBeNull();
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
    expect(outcome?.record.report).toMatchObject({
      added: 1,
      removed: 1,
      addedSample: ['A3'],
      removedSample: ['A2'],
      previousAsOf: '2026-07-31',
      isHistorical: false,
    });
    expect(await db.snapshots.count()).toBe(2);
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
    const [again] = await commitImport(db, 'K', request);
    expect(again?.isUnchanged).toBe(true);
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
    expect(outcome?.record.report.isHistorical).toBe(true);
    expect((await readInventory(db, 'c1')).map((d) => d.serial)).toEqual(['A1', 'A3']);
    expect(await db.snapshots.get('c1:2026-07-31')).toBeDefined();
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
