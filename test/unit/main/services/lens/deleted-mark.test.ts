/** Lens's deleted mark through the API (FORMATS.md §4): asked for, and done without where it is unknown. */
import { afterEach, describe, expect, it } from 'vitest';
import { pullTenant } from '../../../../../main/services/lens/tenant-pull';
import { lensCsv } from '../../../../../main/services/lens/csv';
import { parseInventory } from '../../../../../main/services/inventory/parse';
import { fakeDevices, startFakeLens, type FakeLens } from '../../../../support/fake-lens';

let lens: FakeLens | null = null;
afterEach(() => lens?.close());

const tenant = () => {
  const devices = fakeDevices('t1', 40).map((d, i) => ({ ...d, deleted: i % 10 === 0 }));
  return { id: 't1', name: 'Kvarnen & Co', devices };
};
const accessOf = (fake: FakeLens) => ({
  tokenUrl: fake.tokenUrl,
  apiUrl: fake.apiUrl,
  clientId: fake.clientId,
  clientSecret: fake.clientSecret,
});
const read = (bytes: Uint8Array) =>
  parseInventory(bytes, { fileName: 'pull.csv', locale: 'en-GB', today: '2026-11-30' });

describe('the deleted mark from the Lens API', () => {
  it('keeps deleted devices in the pulled list with their mark, counted nowhere', async () => {
    lens = await startFakeLens({ tenants: [tenant()] });
    const pull = await pullTenant(accessOf(lens), 't1');
    expect(pull.devices.filter((d) => d.deleted).length).toBe(4);
    const parsed = await read(lensCsv(pull));
    expect(parsed.devices).toHaveLength(40);
    expect(parsed.devices.filter((d) => d.lensState === 'deleted').map((d) => d.deviceId)).toEqual([
      't1-dev-0000000',
      't1-dev-0000010',
      't1-dev-0000020',
      't1-dev-0000030',
    ]);
    expect(parsed.summary.excluded.deleted).toBe(4);
    const counted = Object.values(parsed.summary.counts).reduce((a, b) => a + b, 0);
    expect(counted + Object.values(parsed.summary.excluded).reduce((a, b) => a + b, 0)).toBe(40);
    // One page of 40 devices: its one device query asks for the mark.
    expect(lens.requests.filter((r) => r.query?.includes('deleted'))).toHaveLength(1);
  });

  it('asks once more without the mark where the API does not know the field, and writes no mark column', async () => {
    lens = await startFakeLens({ tenants: [tenant()], withoutMark: true });
    const pull = await pullTenant(accessOf(lens), 't1', { pageSize: 15 });
    expect(pull.devices).toHaveLength(40);
    expect(pull.devices.every((d) => d.deleted === null)).toBe(true);
    const graphql = lens.requests.filter((r) => r.path === '/graphql');
    // The first page refused once for the field, then every page asked without it.
    expect(graphql.map((r) => [r.status, r.query?.includes('deleted')])).toEqual([
      [400, true],
      [200, false],
      [200, false],
      [200, false],
    ]);
    const header = new TextDecoder().decode(lensCsv(pull)).split('\r\n')[0];
    expect(header).not.toContain('deleted');
    expect((await read(lensCsv(pull))).summary.excluded.deleted).toBe(0);
  });
});
