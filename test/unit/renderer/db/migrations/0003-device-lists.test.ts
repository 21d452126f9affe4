import { describe, expect, it } from 'vitest';
import { WorkstationDatabase } from '../../../../../renderer/db/database';
import { snapshotDevices } from '../../../../../renderer/db/device-lists';
import { migration0001 } from '../../../../../renderer/db/migrations/0001-initial';
import { migration0002 } from '../../../../../renderer/db/migrations/0002-service-records';
import { MIGRATIONS } from '../../../../../renderer/db/migrations';
import { oldDevice, oldSnapshot } from './old-device';

const device = oldDevice;

const snapshot = (asOf: string) => oldSnapshot('c1', asOf);

describe('migration 0003: device lists', () => {
  it('gives each customer’s latest snapshot the list of its current inventory, and nothing else', async () => {
    const name = `m3-${Math.random()}`;
    const v2 = new WorkstationDatabase(name, [migration0001, migration0002]);
    await v2.open();
    await v2.table('inventoryChunks').bulkAdd([
      { customerId: 'c1', chunk: 1, devices: [device('B2')] },
      { customerId: 'c1', chunk: 0, devices: [device('A1')] },
    ]);
    await v2.table('snapshots').bulkAdd([snapshot('2026-06-30'), snapshot('2026-07-31')]);
    v2.close();

    const v3 = new WorkstationDatabase(name, MIGRATIONS);
    await v3.open();
    const [june, july] = await v3.snapshots.orderBy('id').toArray();
    expect(june?.deviceList).toBeUndefined();
    expect(july?.deviceList).toMatch(/^[0-9a-f]{64}$/);
    expect((await snapshotDevices(v3, july!))?.map((d) => d.serial)).toEqual(['A1', 'B2']);
    expect(await v3.deviceLists.count()).toBe(1);
    v3.close();
  });
});
