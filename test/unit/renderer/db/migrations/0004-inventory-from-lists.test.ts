import { describe, expect, it } from 'vitest';
import { WorkstationDatabase } from '../../../../../renderer/db/database';
import { readInventory } from '../../../../../renderer/db/inventory';
import { MIGRATIONS } from '../../../../../renderer/db/migrations';
import {
  deviceListHash,
  jsonHash,
  makeDeviceList,
} from '../../../../../shared/inventory/device-list';
import { oldDevice, oldSnapshot } from './old-device';

const device = oldDevice;

const snapshot = oldSnapshot;

describe('migration 0004: the current inventory read from device lists', () => {
  it('drops the chunk records, first giving a latest snapshot without a list its chunks’ devices', async () => {
    const name = `m4-${Math.random()}`;
    const v3 = new WorkstationDatabase(name, MIGRATIONS.slice(0, 3));
    await v3.open();
    // c1 as version 3 keeps it after an import: chunks, and the same devices as the latest list,
    // which version 3 kept as an object.
    const list = makeDeviceList([device('A1'), device('B2')], null);
    const listed = { hash: deviceListHash(list), customerId: 'c1', devices: 2, list };
    await v3.table('deviceLists').add(listed);
    await v3.table('snapshots').add(snapshot('c1', '2026-07-31', listed.hash));
    // c2's latest snapshot has no list (it never should have, but its chunks are not lost).
    await v3.table('snapshots').add(snapshot('c2', '2026-07-31'));
    await v3.table('inventoryChunks').bulkAdd([
      { customerId: 'c1', chunk: 0, devices: [device('A1'), device('B2')] },
      { customerId: 'c2', chunk: 0, devices: [device('C3')] },
    ]);
    v3.close();

    const v4 = new WorkstationDatabase(name, MIGRATIONS);
    await v4.open();
    expect(v4.tables.map((t) => t.name)).not.toContain('inventoryChunks');
    expect((await readInventory(v4, 'c1')).map((d) => d.serial)).toEqual(['A1', 'B2']);
    expect((await readInventory(v4, 'c2')).map((d) => d.serial)).toEqual(['C3']);
    expect(await v4.deviceLists.count()).toBe(2);
    // The list is kept as its JSON, which is the text its hash was made of.
    const kept = await v4.deviceLists.get(listed.hash);
    expect(kept).toMatchObject({ customerId: 'c1', devices: 2, base: null, depth: 0 });
    expect(jsonHash(kept!.json)).toBe(listed.hash);
    expect(Object.keys(kept!)).not.toContain('list');
    v4.close();
  });
});
