/**
 * Backup and restore, all or nothing: every damaged file is refused with a message that says what is
 * wrong, and the data stays row for row as it was; a failure half-way through the write changes
 * nothing; a good backup, also one from schema version 1 or 2, restores everything.
 */
import { deviceListHash, listOf, makeDeviceList } from '../../../../shared/inventory/device-list';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoPortfolio } from '../../../../shared/demo/generate';
import { smallDemo } from '../../../support/small-demo';
import {
  createBackup,
  readBackup,
  restoreBackup,
  type CheckedBackup,
} from '../../../../renderer/db/backup';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import { loadDemoPortfolio } from '../../../../renderer/db/demo';
import { snapshotDevices } from '../../../../renderer/db/device-lists';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../renderer/db/migrations';
import { writeSetting } from '../../../../renderer/db/settings';

const opened: WorkstationDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function freshDb(name = `backup-${Math.random()}`) {
  const db = new WorkstationDatabase(name);
  opened.push(db);
  await openDatabase(db);
  return db;
}

/** The demo book without its 50,000-device customer: every table has rows, and it stays quick. */
let book: DemoPortfolio;
beforeAll(() => {
  book = smallDemo();
});

/** Every row of every table, in key order: the data "row for row". */
async function everything(db: WorkstationDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** A workstation with the demo book and a setting of its own. */
async function populated(): Promise<WorkstationDatabase> {
  const db = await freshDb();
  await loadDemoPortfolio(db, 'Karin', book);
  await writeSetting(db, 'Karin', 'language', 'sv');
  return db;
}

/**
 * A backup as another workstation wrote it for `target`. Every workstation's database has one name;
 * the tests give each database its own, so the backup is addressed to the target's.
 */
async function backupFor(
  source: WorkstationDatabase,
  target: WorkstationDatabase,
): Promise<string> {
  const text = await (await createBackup(source)).text();
  return text.replace(`"databaseName":"${source.name}"`, `"databaseName":"${target.name}"`);
}

/** A good backup of another workstation with a different book (one customer renamed). */
async function otherBackup(target: WorkstationDatabase): Promise<{ text: string }> {
  const other = await freshDb();
  await loadDemoPortfolio(other, 'Jonas', book);
  const first = book.customers[0]!;
  await other.customers.put({ ...first, name: 'Renamed Customer AB' });
  return { text: await backupFor(other, target) };
}

const blob = (text: string) => new Blob([text], { type: 'application/json' });

async function refusal(db: WorkstationDatabase, text: string): Promise<string> {
  const error = await readBackup(blob(text), db).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

const keepNowhere = () => Promise.resolve('/nowhere');

describe('a damaged backup is refused and nothing changes', () => {
  it.each([
    ['truncated at 50 %', (t: string) => t.slice(0, t.length / 2), /cut off/],
    ['truncated at 99 %', (t: string) => t.slice(0, Math.floor(t.length * 0.99)), /cut off/],
    [
      'garbage in the middle',
      (t: string) => t.replace(',{"tableName":"rmas"', '#GARBAGE#,{"tableName":"rmas"'),
      /damaged at character/,
    ],
    ['not JSON at all', () => 'this is a shopping list', /not a CSM Workstation backup/],
    [
      'an unknown table',
      (t: string) =>
        t
          .replace('"tableName":"sites"', '"tableName":"secrets"')
          .replace('"name":"sites"', '"name":"secrets"'),
      /table "secrets" that CSM Workstation does not know/,
    ],
    [
      'a duplicate key in its last table',
      (t: string) => {
        const json = JSON.parse(t) as {
          data: {
            data: { tableName: string; rows: { id: string }[] }[];
            tables: { name: string; rowCount: number }[];
          };
        };
        const cases = json.data.data.find((d) => d.tableName === 'cases')!;
        cases.rows.push({ ...cases.rows[0]! });
        json.data.tables.find((d) => d.name === 'cases')!.rowCount++;
        return JSON.stringify(json);
      },
      /key "[^"]+" twice in "cases"/,
    ],
    [
      'a row of the wrong shape',
      (t: string) => {
        const json = JSON.parse(t) as {
          data: { data: { tableName: string; rows: Record<string, unknown>[] }[] };
        };
        const contracts = json.data.data.find((d) => d.tableName === 'contracts')!;
        contracts.rows[1] = { ...contracts.rows[1], termStart: 'next spring' };
        return JSON.stringify(json);
      },
      /damaged row: "contracts" row 2, termStart: a date YYYY-MM-DD/,
    ],
    [
      'a newer schema',
      (t: string) =>
        t.replace(`"databaseVersion":${LATEST_SCHEMA_VERSION}`, '"databaseVersion":99'),
      /newer version of CSM Workstation \(schema 99\)/,
    ],
    [
      'fewer rows than its header says',
      (t: string) => {
        const json = JSON.parse(t) as { data: { data: { tableName: string; rows: unknown[] }[] } };
        json.data.data.find((d) => d.tableName === 'rmas')!.rows.pop();
        return JSON.stringify(json);
      },
      /"rmas" should have \d+ rows but has \d+/,
    ],
  ])('%s', async (_name, damage, message) => {
    const db = await populated();
    const before = await everything(db);
    const { text } = await otherBackup(db);
    expect(await refusal(db, damage(text))).toMatch(message);
    expect(await everything(db)).toEqual(before);
  });
});

describe('a failure half-way through the write', () => {
  it('rolls the whole restore back: the data stays exactly as it was', async () => {
    const db = await populated();
    const before = await everything(db);
    const { text } = await otherBackup(db);
    const backup = await readBackup(blob(text), db);
    // The reports table is written after customers, contracts and the inventory: fail there.
    vi.spyOn(db.table('timeEntries'), 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreBackup(db, 'Karin', backup, keepNowhere)).rejects.toThrow('disk full');
    expect(await everything(db)).toEqual(before);
  });
});

describe('a good backup', () => {
  it('replaces everything, after keeping a copy of the data from before', async () => {
    const db = await populated();
    const before = await everything(db);
    const { text } = await otherBackup(db);
    const kept: string[] = [];
    const backup = await readBackup(blob(text), db);
    const result = await restoreBackup(db, 'Karin', backup, async (current) => {
      kept.push(await current.text());
      return '/home/karin/.config/CSM Workstation/backups/before-restore.json';
    });
    expect(result.safetyCopy).toBe(
      '/home/karin/.config/CSM Workstation/backups/before-restore.json',
    );
    // The copy holds exactly what was there, and restores it again.
    const copy = await readBackup(blob(kept[0] ?? ''), db);
    expect(copy.rows).toBe(Object.values(before).reduce((sum, rows) => sum + rows.length, 0));
    const after = await everything(db);
    const written = JSON.parse(text) as {
      data: { data: { tableName: string; rows: unknown[] }[] };
    };
    expect(after['customers']).toEqual(
      written.data.data.find((d) => d.tableName === 'customers')?.rows,
    );
    expect((await db.customers.get(book.customers[0]!.id))?.name).toBe('Renamed Customer AB');
    expect(await db.settings.count()).toBe(0);
    const last = (await db.changes.toArray()).at(-1);
    expect(last).toMatchObject({ user: 'Karin', action: 'restore', after: { rows: backup.rows } });
    await restoreBackup(db, 'Karin', copy, keepNowhere);
    const restoredAgain = await everything(db);
    expect(restoredAgain['customers']).toEqual(before['customers']);
    expect(restoredAgain['deviceLists']).toEqual(before['deviceLists']);
    expect(restoredAgain['snapshots']).toEqual(before['snapshots']);
  });

  it.each([1, 2, 3])('restores a backup written by schema version %i', async (version) => {
    const name = `old-${version}-${Math.random()}`;
    const old = new WorkstationDatabase(name, MIGRATIONS.slice(0, version));
    opened.push(old);
    await old.open();
    await old.table('customers').bulkAdd(book.customers);
    await old.table('contracts').bulkAdd(book.contracts);
    await old.table('cases').add({
      id: 'k1',
      customerId: book.customers[0]!.id,
      siteId: 'S-1',
      title: 'Echo',
      priority: 'P3',
      openedAt: '2026-05-04T09:00:00Z',
      resolvedAt: null,
      polyCaseNumber: '1',
      ...(version === 1 ? { escalationLevel: 1 } : { escalations: [] }),
      status: 'open',
    });
    await old.table('ecpsIncidents').add(
      version === 1
        ? {
            id: 'i1',
            customerId: book.customers[0]!.id,
            trackingNumber: 'MS-1',
            openedAt: '2026-05-04T09:00:00Z',
            cloudPartner: 'Microsoft Teams',
            status: 'Waiting for Microsoft',
          }
        : {
            id: 'i1',
            customerId: book.customers[0]!.id,
            cloudPartner: 'zoom',
            trackingNumber: 'Z-1',
            title: 'Audio',
            status: 'open',
            openedAt: '2026-05-04T09:00:00Z',
            resolvedAt: null,
            updates: [],
            jointCalls: [],
            rooms: [],
            devices: [],
            override: null,
          },
    );
    // Version 3 kept a device list as an object (and the current inventory as chunk records).
    const list = makeDeviceList(book.inventories[0]!.devices.slice(0, 20), null);
    if (version === 3) {
      await old
        .table('deviceLists')
        .add({ hash: deviceListHash(list), customerId: 'c', devices: 20, list });
      await old.table('inventoryChunks').add({ customerId: 'c', chunk: 0, devices: [] });
    }
    const text = await (await createBackup(old)).text();
    old.close();
    const target = await freshDb(name);
    const backup: CheckedBackup = await readBackup(blob(text), target);
    expect(backup.version).toBe(version);
    await restoreBackup(target, 'Jonas', backup, keepNowhere);
    expect(await target.customers.count()).toBe(book.customers.length);
    expect(await target.contracts.count()).toBe(book.contracts.length);
    const kase = await target.cases.get('k1');
    expect(kase?.escalations).toEqual(
      version === 1 ? [{ level: 1, engaged: '', at: '2026-05-04T09:00:00Z' }] : [],
    );
    expect((await target.ecpsIncidents.get('i1'))?.cloudPartner).toBe(
      version === 1 ? 'teams' : 'zoom',
    );
    expect((await target.meta.get('schemaVersion'))?.value).toBe(LATEST_SCHEMA_VERSION);
    if (version === 3) {
      const kept = await target.deviceLists.get(deviceListHash(list));
      expect(kept && listOf(kept)).toEqual(list);
    }
  });

  it('refuses chunk records in a backup of a schema that no longer has them', async () => {
    const source = await freshDb();
    await source.customers.add(book.customers[0]!);
    const text = (await backupFor(source, source)).replace(
      '"data":[',
      '"data":[{"tableName":"inventoryChunks","inbound":true,"rows":[]},',
    );
    await expect(readBackup(blob(text), source)).rejects.toThrow(
      'This backup has a table "inventoryChunks" that CSM Workstation does not know.',
    );
  });

  it('round-trips Swedish text, symbols and emoji exactly', async () => {
    const source = await freshDb();
    const text = 'åäöÅÄÖæøÆØ € 😀 ' + 'Ä'.repeat(100_000);
    await source.customers.add({ ...book.customers[0]!, name: text });
    const target = await freshDb();
    const backup = blob(await backupFor(source, target));
    await restoreBackup(target, 'Jonas', await readBackup(backup, target), keepNowhere);
    expect((await target.customers.get(book.customers[0]!.id))?.name).toBe(text);
  });

  it('runs the cross-table upgrades on an older backup: a version 2 book gets its current device lists', async () => {
    const name = `old-lists-${Math.random()}`;
    const old = new WorkstationDatabase(name, MIGRATIONS.slice(0, 2));
    opened.push(old);
    await old.open();
    const first = book.inventories[0]!;
    await old.table('customers').bulkAdd(book.customers);
    await old
      .table('inventoryChunks')
      .add({ customerId: first.customerId, chunk: 0, devices: first.devices });
    // As version 2 kept it: no device list.
    const { deviceList: _kept, ...latest } = book.snapshots
      .filter((s) => s.customerId === first.customerId)
      .at(-1)!;
    await old.table('snapshots').add(latest);
    const text = await (await createBackup(old)).text();
    old.close();
    const target = await freshDb(name);
    await restoreBackup(target, 'Jonas', await readBackup(blob(text), target), keepNowhere);
    const restored = await target.snapshots.get(latest.id);
    expect(restored?.deviceList).toMatch(/^[0-9a-f]{64}$/);
    const listed = await snapshotDevices(target, restored!);
    expect(listed?.length).toBe(first.devices.length);
  });
});
