/** Device lists: exact round trips, diffs month on month, complete lists at the depth limit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completeListSlice,
  deviceListHash,
  deviceListJson,
  jsonHash,
  listOf,
  deviceListRecord,
  makeDeviceList,
  MAX_DIFF_DEPTH,
  readDeviceList,
  type BaseList,
} from '../../../../shared/inventory/device-list';
import type { Device } from '../../../../shared/model/device';

function device(i: number, month = 0, extra: Partial<Device> = {}): Device {
  const serial = `SN${String(i).padStart(6, '0')}`;
  return {
    id: serial,
    serial,
    deviceId: `lens-${i}`,
    model: ['Poly Studio X50', 'Poly CCX 400', 'Poly Voyager Focus 2 UC'][i % 3]!,
    name: `Room ${i}`,
    site: ['Malmö HQ', 'Göteborg', 'Kista'][i % 3]!,
    room: i % 4 === 0 ? '' : `R${i % 10}`,
    softwareVersion: month > 2 && i % 5 === 0 ? '8.2.0' : '8.1.0',
    online: i % 7 === 0 ? null : i % 2 === 0,
    lastDetected:
      i % 11 === 0
        ? null
        : `2026-0${1 + month}-2${i % 9}T08:${String(i % 60).padStart(2, '0')}:07Z`,
    account: 'Contoso AB',
    accountId: 'tenant-1',
    mac: `00:04:F2:${String(i).padStart(6, '0')}`,
    hardwareFamily: 'Video',
    ...extra,
  };
}

const sortedCopy = (devices: readonly Device[]) =>
  [...devices].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('device lists', () => {
  it('round-trip a complete list exactly, sorted by identity', () => {
    const devices = Array.from({ length: 500 }, (_, i) => device(499 - i));
    const list = makeDeviceList(devices, null);
    expect(list.base).toBeNull();
    expect(readDeviceList(JSON.parse(JSON.stringify(list)) as typeof list, null)).toEqual(
      sortedCopy(devices),
    );
  });

  it('read a complete list in slices exactly as in one piece, and refuse to slice a diff', () => {
    const devices = Array.from({ length: 1234 }, (_, i) => device(i));
    const list = makeDeviceList(devices, null);
    const slices = [0, 500, 1000].flatMap((start) => completeListSlice(list, start, start + 500));
    expect(slices).toEqual(readDeviceList(list, null));
    const diff = makeDeviceList(devices, { hash: 'h', depth: 0, devices: devices.slice(1) });
    expect(() => completeListSlice(diff, 0, 10)).toThrow('only a complete list');
  });

  it('keep milliseconds where a Last Detected has them', () => {
    const devices = [device(1, 0, { lastDetected: '2026-07-31T08:21:07.250Z' }), device(2)];
    expect(readDeviceList(makeDeviceList(devices, null), null)).toEqual(sortedCopy(devices));
  });

  it('store a month as a diff against the previous one, and read it back exactly', () => {
    const months: Device[][] = [];
    let devices = Array.from({ length: 1000 }, (_, i) => device(i));
    for (let m = 0; m < 6; m++) {
      // Each month: ten devices added, five removed, Last Detected moved on, firmware for some.
      devices = [
        ...devices
          .filter((d) => Number(d.id.slice(2)) % 200 !== m)
          .map((d) => device(Number(d.id.slice(2)), m)),
        ...Array.from({ length: 10 }, (_, k) => device(10_000 + m * 10 + k, m)),
      ];
      months.push(devices);
    }
    let base: BaseList | null = null;
    const full = JSON.stringify(makeDeviceList(months[5]!, null)).length;
    for (const [m, list] of months.entries()) {
      const record = deviceListRecord('c1', list, base);
      expect(record.depth).toBe(m);
      expect(readDeviceList(listOf(record), base ? sortedCopy(base.devices) : null)).toEqual(
        sortedCopy(list),
      );
      if (m > 0) expect(record.json.length).toBeLessThan(full / 2);
      base = { hash: record.hash, depth: record.depth, devices: list };
    }
  });

  it('start a complete list after eleven diffs, and when most devices changed', () => {
    const devices = Array.from({ length: 100 }, (_, i) => device(i));
    const base = { hash: 'h', depth: MAX_DIFF_DEPTH, devices };
    expect(makeDeviceList(devices, base).base).toBeNull();
    const renamed = devices.map((d) => ({ ...d, site: 'Elsewhere' }));
    expect(makeDeviceList(renamed, { ...base, depth: 0 }).base).toBeNull();
    expect(makeDeviceList(devices, { ...base, depth: 0 })).toMatchObject({ base: 'h', depth: 1 });
  });

  it('keep Lens’s deleted and archived marks, in a complete list and in a diff', () => {
    const devices = Array.from({ length: 100 }, (_, i) => device(i));
    // A list without marks holds no marks column: its JSON, and so its hash, is what it always was.
    expect(makeDeviceList(devices, null).devices.states).toBeUndefined();
    const marked = devices.map((d, i) =>
      i === 3
        ? { ...d, lensState: 'deleted' as const }
        : i === 8
          ? { ...d, lensState: 'archived' as const }
          : d,
    );
    const complete = makeDeviceList(marked, null);
    expect(readDeviceList(JSON.parse(JSON.stringify(complete)) as typeof complete, null)).toEqual(
      sortedCopy(marked),
    );
    // Deleted since last month: the diff carries the device, and reads back with its mark.
    const diff = makeDeviceList(marked, { hash: 'h', depth: 0, devices });
    expect(diff).toMatchObject({ base: 'h', depth: 1 });
    expect(diff.devices.ids).toEqual([devices[3]!.id, devices[8]!.id]);
    expect(readDeviceList(diff, sortedCopy(devices))).toEqual(sortedCopy(marked));
  });

  it('give the same content the same hash, and other content another', () => {
    const devices = Array.from({ length: 50 }, (_, i) => device(i));
    const a = deviceListHash(makeDeviceList(devices, null));
    expect(deviceListHash(makeDeviceList([...devices].reverse(), null))).toBe(a);
    expect(deviceListHash(makeDeviceList(devices.slice(1), null))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('use the complete list made where the file was read, as it is, wherever a complete list is stored', () => {
    const devices = Array.from({ length: 300 }, (_, i) => device(i));
    const list = makeDeviceList(devices, null);
    // A hash no one computes here: where it comes back, the list was taken as it came, not made again.
    const whole = { hash: 'f'.repeat(64), list, json: deviceListJson(list) };
    const taken = { hash: whole.hash, base: null, depth: 0, json: whole.json };
    // No base, a base at the depth limit, or most devices changed: the list made already.
    expect(deviceListRecord('c1', devices, null, whole)).toMatchObject(taken);
    const deep = { hash: 'h', depth: MAX_DIFF_DEPTH, devices };
    expect(deviceListRecord('c1', devices, deep, whole)).toMatchObject(taken);
    const renamed = devices.map((d) => ({ ...d, site: 'Elsewhere' }));
    const changed = { hash: 'h', depth: 0, devices: renamed };
    expect(deviceListRecord('c1', devices, changed, whole)).toMatchObject(taken);
    // Against a close base: a diff of its own, hashed as any list.
    const close = { hash: 'h', depth: 0, devices: devices.slice(1) };
    const diff = deviceListRecord('c1', devices, close, whole);
    expect(diff).toMatchObject({ base: 'h', depth: 1, devices: 300 });
    expect(diff.hash).toBe(jsonHash(diff.json));
    expect(listOf(diff)).toMatchObject({ base: 'h', depth: 1, removed: [] });
  });

  it('keep a column of repeating values as a dictionary and a column of distinct ones as it is', () => {
    const list = makeDeviceList(
      Array.from({ length: 3000 }, (_, i) => device(i)),
      null,
    );
    expect(Array.isArray(list.devices.text.serial)).toBe(true);
    const model = list.devices.text.model;
    expect(Array.isArray(model) ? null : [model.values, model.index.length]).toEqual([
      ['Poly Studio X50', 'Poly CCX 400', 'Poly Voyager Focus 2 UC'],
      3000,
    ]);
    expect(makeDeviceList([], null).devices.text.model).toEqual([]);
  });

  it('round-trip any devices, diff or not', () => {
    const text = fc.string({ maxLength: 12 });
    // Lens's mark is absent for most devices, as in every list kept before marks were read.
    const arbitraryDevice = fc
      .tuple(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 8 }),
          serial: text,
          deviceId: text,
          model: fc.constantFrom('A', 'B', 'C'),
          name: text,
          site: fc.constantFrom('', 'X', 'Ö'),
          room: text,
          softwareVersion: fc.constantFrom('1', '2'),
          online: fc.constantFrom(true, false, null),
          lastDetected: fc.option(
            fc.integer({ min: 1.6e12, max: 1.9e12 }).map((ms) => new Date(ms).toISOString()),
            { nil: null },
          ),
          account: text,
          accountId: text,
          mac: text,
          hardwareFamily: text,
        }),
        fc.option(fc.constantFrom('deleted' as const, 'archived' as const), { nil: undefined }),
      )
      .map(([device, lensState]): Device => (lensState ? { ...device, lensState } : device));
    const unique = (ds: Device[]) => [...new Map(ds.map((d) => [d.id, d])).values()];
    fc.assert(
      fc.property(
        fc.array(arbitraryDevice, { maxLength: 40 }),
        fc.array(arbitraryDevice, { maxLength: 40 }),
        (a, b) => {
          const first = unique(a);
          const second = unique([...first.slice(0, first.length / 2), ...b]);
          const one = makeDeviceList(first, null);
          const two = makeDeviceList(second, {
            hash: deviceListHash(one),
            depth: 0,
            devices: first,
          });
          const read = readDeviceList(two, readDeviceList(one, null));
          expect(read).toEqual(
            sortedCopy(second).map((d) => ({
              ...d,
              lastDetected: d.lastDetected?.replace('.000Z', 'Z') ?? null,
            })),
          );
        },
      ),
    );
  });
});
