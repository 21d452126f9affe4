import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../../../shared/demo/generate';
import type { Device } from '../../../../shared/model/device';
import { ReadOnlyDatabaseError, recordedWrite, setReadOnly } from '../../../../renderer/db/changes';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import { DemoAlreadyLoadedError, loadDemoPortfolio } from '../../../../renderer/db/demo';
import { readInventory } from '../../../../renderer/db/inventory';
import { deviceListRecord } from '../../../../shared/inventory/device-list';
import { MIGRATIONS } from '../../../../renderer/db/migrations';
import { readSettings, writeSetting } from '../../../../renderer/db/settings';
import { DEFAULT_PARTNER_SETTINGS } from '../../../../shared/terms/settings';

const opened: WorkstationDatabase[] = [];
async function freshDb(name = `db-${Math.random()}`) {
  const db = new WorkstationDatabase(name);
  opened.push(db);
  expect(await openDatabase(db)).toEqual({ status: 'ready', isReadOnly: false });
  return db;
}

afterEach(() => {
  setReadOnly(false);
  for (const db of opened.splice(0)) db.close();
});

const customer = {
  id: 'c1',
  name: 'Skärgårdens Vård AB',
  masterAccountId: 'MA-1',
  country: 'SE' as const,
  lensAccounts: [],
  csm: 'Åsa',
  accountManager: 'Örjan',
  isArchived: false,
};

describe('the change log', () => {
  it('records who changed what, before → after, with the entity', async () => {
    const db = await freshDb();
    await writeSetting(db, 'Karin', 'language', 'sv');
    await writeSetting(db, 'Karin', 'language', 'en');
    const changes = await db.changes.toArray();
    expect(changes.map((c) => [c.user, c.entity, c.entityId, c.action, c.before, c.after])).toEqual(
      [
        ['Karin', 'setting', 'language', 'create', null, 'sv'],
        ['Karin', 'setting', 'language', 'update', 'sv', 'en'],
      ],
    );
    expect((await readSettings(db)).language).toBe('en');
  });

  it('partner terms stored without the accepted adjustment risk read with its default, 20 %', async () => {
    const db = await freshDb();
    const { acceptedAdjustmentRisk: _, ...older } = DEFAULT_PARTNER_SETTINGS;
    await db.settings.put({ key: 'partner', value: { ...older, approachingPct: 70 } });
    const partner = (await readSettings(db)).partner;
    expect(partner.acceptedAdjustmentRisk).toBe(20);
    expect(partner.approachingPct).toBe(70);
  });

  it('a brand kept in its own row, before it moved into the partner terms, reads as the partner’s', async () => {
    const db = await freshDb();
    const { brand: _, ...older } = DEFAULT_PARTNER_SETTINGS;
    await db.settings.put({ key: 'partner', value: older });
    await db.settings.put({
      key: 'brand',
      value: {
        name: 'Nordic AV Partner AB',
        logo: 'data:image/png;base64,iVBO',
        primaryColor: '#123456',
      },
    });
    expect((await readSettings(db)).partner.brand).toEqual({
      name: 'Nordic AV Partner AB',
      logo: 'data:image/png;base64,iVBO',
      primaryColor: '#123456',
      accentColor: '#0091d5',
    });
    // Once the partner terms carry a brand, theirs is the one (it is what syncs).
    await writeSetting(db, 'Karin', 'partner', {
      ...(await readSettings(db)).partner,
      brand: { name: 'Partner AB', logo: '', primaryColor: '#1c4e80', accentColor: '#0091d5' },
    });
    expect((await readSettings(db)).partner.brand.name).toBe('Partner AB');
  });

  it('commits nothing, entity or change, when the write fails half-way', async () => {
    const db = await freshDb();
    await expect(
      recordedWrite(db, 'Karin', [db.customers], async (record) => {
        await db.customers.add(customer);
        record({
          entity: 'customer',
          entityId: 'c1',
          action: 'create',
          before: null,
          after: customer,
        });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.customers.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });
});

describe('a database written by a newer app version', () => {
  it('opens read-only with the reason, and refuses writes', async () => {
    const name = `newer-${Math.random()}`;
    const newer = new WorkstationDatabase(name, [
      ...MIGRATIONS,
      { version: 99, name: 'future', stores: { future: 'id' } },
    ]);
    await newer.open();
    await newer.meta.put({ key: 'schemaVersion', value: 99 });
    await newer.customers.add(customer);
    newer.close();

    const db = new WorkstationDatabase(name);
    opened.push(db);
    const state = await openDatabase(db);
    expect(state).toMatchObject({ status: 'ready', isReadOnly: true, reason: 'newerVersion' });
    setReadOnly(state.status === 'ready' && state.isReadOnly);
    await expect(writeSetting(db, 'Karin', 'language', 'sv')).rejects.toThrow(
      ReadOnlyDatabaseError,
    );
    expect(await db.customers.count()).toBe(1);
  });
});

describe('the current inventory', () => {
  const device = (i: number): Device => ({
    id: `S${i}`,
    serial: `S${i}`,
    deviceId: '',
    model: 'Poly Studio X50',
    name: '',
    site: 'Malmö',
    room: '',
    softwareVersion: '1',
    online: true,
    lastDetected: null,
    account: 'A',
    accountId: '',
    mac: '',
    hardwareFamily: '',
  });

  it('is the device list of the latest snapshot by as-of date, whichever was stored last', async () => {
    const db = await freshDb();
    const many = Array.from({ length: 12_345 }, (_, i) => device(i));
    const put = async (asOf: string, devices: Device[]) => {
      const record = deviceListRecord('c1', devices, null);
      await db.deviceLists.put(record);
      await db.snapshots.put({
        id: `c1:${asOf}`,
        customerId: 'c1',
        importId: null,
        asOf,
        month: asOf.slice(0, 7),
        summary: {} as never,
        added: 0,
        removed: 0,
        deviceList: record.hash,
      });
    };
    expect(await readInventory(db, 'c1')).toEqual([]);
    await put('2026-07-31', many);
    const read = await readInventory(db, 'c1');
    expect(read).toHaveLength(12_345);
    expect(new Set(read.map((d) => d.id))).toEqual(new Set(many.map((d) => d.id)));
    // An older inventory imported later does not replace the current one; a newer one does.
    await put('2026-06-30', many.slice(0, 10));
    expect(await readInventory(db, 'c1')).toHaveLength(12_345);
    await put('2026-08-31', many.slice(0, 10));
    expect((await readInventory(db, 'c1')).map((d) => d.id).sort()).toEqual(
      many
        .slice(0, 10)
        .map((d) => d.id)
        .sort(),
    );
  });
});

describe('the demo portfolio', () => {
  it('loads in one transaction, once', async () => {
    const db = await freshDb();
    const portfolio = generateDemoPortfolio('2026-11-20');
    await loadDemoPortfolio(db, 'Karin', portfolio);
    expect(await db.customers.count()).toBe(12);
    expect(await db.snapshots.count()).toBe(portfolio.snapshots.length);
    const vasa = portfolio.customers.find((c) => c.name === 'Vasa Försäkring AB');
    expect((await readInventory(db, vasa?.id ?? '')).length).toBeGreaterThanOrEqual(50_000);
    const before = await db.changes.count();
    await expect(loadDemoPortfolio(db, 'Karin', portfolio)).rejects.toThrow(DemoAlreadyLoadedError);
    expect(await db.changes.count()).toBe(before);
  });
});
