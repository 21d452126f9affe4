/**
 * The demo's devices: a pool per customer that grows month by month towards its plan (models of each
 * category, end-of-life and unknown ones, a few that are not devices), and the month-end snapshots
 * with the device lists of the last months.
 */
import type { Catalog } from '../catalog/catalog';
import { deviceListRecord, type BaseList, type DeviceListRecord } from '../inventory/device-list';
import { deviceIdentity } from '../inventory/identity';
import { summarizeInventory } from '../inventory/summary';
import type { Category } from '../model/category';
import type { Device } from '../model/device';
import { snapshotId, type InventorySnapshot, type Site } from '../model/entities';
import {
  addDays,
  addMonthsToMonth,
  lastDayOfMonth,
  monthOf,
  type CalendarDate,
} from '../terms/dates';
import type { DemoCustomerPlan } from './book';
import type { Random } from './random';

export const DEMO_MODELS: Readonly<Record<Category | 'eol', readonly string[]>> = {
  headsets: [
    'Poly Voyager Focus 2 UC',
    'Poly Voyager 4320 UC',
    'Poly Blackwire 3320',
    'Poly Savi 8220',
    'Poly EncorePro 320',
    'Poly Sync 20',
    'Poly Voyager Free 60 UC',
    'Poly Studio P15',
  ],
  video: [
    'Poly Studio X50',
    'Poly Studio X30',
    'Poly Studio X52',
    'Poly G7500',
    'Poly Studio USB',
    'Poly TC10',
    'Poly Studio R30',
    'Poly EagleEye Cube USB',
  ],
  voice: [
    'Poly CCX 400',
    'Poly CCX 600',
    'Poly Edge E400',
    'Poly VVX 450',
    'Poly Trio C60',
    'Poly Trio 8800',
    'Poly Rove 30',
  ],
  eol: [
    'Polycom VVX 310',
    'Polycom VVX 410',
    'Polycom RealPresence Group 500',
    'Polycom SoundStation IP 6000',
  ],
};

const versionsOf = (model: string) => {
  const seed = [...model].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  const major = 1 + (seed % 9);
  return [
    `${major}.${seed % 5}.2`,
    `${major}.${seed % 5}.1`,
    `${major}.${(seed % 5) - 1 < 0 ? 0 : (seed % 5) - 1}.9`,
  ];
};

export interface PooledDevice {
  device: Device;
  /** Month index from which the device is in the inventory. */
  from: number;
}

function makeDevice(
  random: Random,
  sites: Site[],
  model: string,
  account: string,
  accountId: string,
  asOf: CalendarDate,
): Device {
  const serial = `${random.alnum(2)}${random.int(1000000000, 9999999999)}`;
  const deviceId = random.hex(12);
  const versions = versionsOf(model);
  const site = random.pick(sites);
  const online = random.chance(0.06) ? null : random.chance(0.87);
  const detected = addDays(asOf, -random.int(0, online === false ? 40 : 3));
  return {
    id: deviceIdentity(serial, deviceId) ?? deviceId,
    serial,
    deviceId,
    model,
    name: `${site.name.split(' ')[0]}-${model.split(' ').slice(-1)[0]}-${random.int(100, 999)}`,
    site: site.name,
    room: random.chance(0.5) ? `Rum ${random.int(1, 40)}` : '',
    softwareVersion: random.chance(0.72) ? (versions[0] ?? '') : random.pick(versions),
    online,
    lastDetected: `${detected}T${String(random.int(6, 18)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
    account,
    accountId,
    mac: random.chance(0.5) ? `00:04:f2:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}` : '',
    hardwareFamily: '',
  };
}

/** Growth curve: the count at month t of H, rising from the start level to ordered × endRatio. */
function countAt(
  ordered: number,
  installed: number,
  endRatio: number,
  t: number,
  months: number,
): number {
  const start = Math.min(installed / Math.max(1, ordered), endRatio) * 0.96;
  const progress = months <= 1 ? 1 : (t / (months - 1)) ** 1.3;
  return Math.round(ordered * (start + (endRatio - start) * progress));
}

export function devicePool(
  random: Random,
  plan: DemoCustomerPlan,
  sites: Site[],
  account: string,
  accountId: string,
  asOf: CalendarDate,
): PooledDevice[] {
  const months = plan.historyMonths;
  const pool: PooledDevice[] = [];
  const add = (model: string, from: number) =>
    pool.push({ device: makeDevice(random, sites, model, account, accountId, asOf), from });
  for (const line of plan.categories) {
    const ordered = line.installedAtStart + line.agreedGrowth;
    let placed = 0;
    for (let t = 0; t < months; t++) {
      const target = countAt(ordered, line.installedAtStart, line.endRatio, t, months);
      for (; placed < target; placed++) add(random.pick(DEMO_MODELS[line.category]), t);
    }
  }
  for (let i = 0; i < (plan.eolDevices ?? 0); i++) add(random.pick(DEMO_MODELS.eol), 0);
  for (const unknown of plan.unknownModels ?? [])
    for (let i = 0; i < unknown.devices; i++) add(unknown.model, Math.max(0, months - 3));
  if (plan.sites > 2) {
    add('Lens Desktop', 0);
    add('Polycom RMX 2000', 0);
  }
  return pool.sort((a, b) => a.from - b.from);
}

/** The months of history whose device lists the demo keeps (older demo months read "not kept"). */
const LISTED_MONTHS = 6;

/**
 * A month-end snapshot per month of history, the last LISTED_MONTHS with their device list: the
 * devices in the inventory by then, last detected that day (the current month's as generated).
 */
export function snapshotsFor(
  customerId: string,
  plan: DemoCustomerPlan,
  pool: PooledDevice[],
  catalog: Catalog,
  asOf: CalendarDate,
): { snapshots: InventorySnapshot[]; lists: DeviceListRecord[] } {
  const lastMonth = monthOf(asOf);
  const snapshots: InventorySnapshot[] = [];
  const lists: DeviceListRecord[] = [];
  let base: BaseList | null = null;
  let previous = 0;
  // In identity order once, so each month's list needs no sorting.
  const byIdentity = [...pool].sort((a, b) => (a.device.id < b.device.id ? -1 : 1));
  for (let t = 0; t < plan.historyMonths; t++) {
    const month = addMonthsToMonth(lastMonth, t - plan.historyMonths + 1);
    const isLast = t === plan.historyMonths - 1;
    const date = isLast ? asOf : lastDayOfMonth(month);
    const isListed = t >= plan.historyMonths - LISTED_MONTHS;
    const present = byIdentity.filter((p) => p.from <= t).map((p) => p.device);
    // A listed past month's devices were last detected that month.
    const devices =
      isLast || !isListed
        ? present
        : present.map((d) =>
            d.lastDetected ? { ...d, lastDetected: `${date}${d.lastDetected.slice(10)}` } : d,
          );
    const list: DeviceListRecord | null = isListed
      ? deviceListRecord(customerId, devices, base)
      : null;
    if (list) lists.push(list);
    snapshots.push({
      id: snapshotId(customerId, date),
      customerId,
      importId: null,
      asOf: date,
      month,
      summary: summarizeInventory(devices, catalog, date),
      added: devices.length - previous,
      removed: 0,
      ...(list ? { deviceList: list.hash } : {}),
    });
    previous = devices.length;
    base = list ? { hash: list.hash, depth: list.depth, devices } : null;
  }
  return { snapshots, lists };
}
