/** Counting devices per category and excluded class on an as-of date (TERMS.md §1–2, §12). */
import type { Catalog } from '../catalog/catalog';
import {
  isCategory,
  perCategory,
  perExcludedClass,
  type CategoryRecord,
  type DeviceClass,
  type ExcludedRecord,
} from '../model/category';
import type { Device, LensState } from '../model/device';
import { addDays, type CalendarDate } from '../terms/dates';

export interface UnknownModel {
  model: string;
  devices: number;
}

export interface InventoryCounts {
  /** Distinct devices per category. */
  counts: CategoryRecord<number>;
  /** Devices in no category, per reason. */
  excluded: ExcludedRecord<number>;
  /** Unknown models with their device counts, most devices first. */
  unknownModels: UnknownModel[];
}

/**
 * Whether a Last Detected means stale under a `days` rule on `asOf` (TERMS.md §12): last seen on the
 * day `days` days before still counts, a day earlier does not; never detected is stale. Days are the
 * UTC calendar days of the instant. The cutoff day is computed once, for a whole inventory.
 */
export function staleTest(
  asOf: CalendarDate,
  days: number,
): (lastDetected: string | null) => boolean {
  const cutoff = addDays(asOf, -days);
  return (lastDetected) => lastDetected === null || lastDetected.slice(0, 10) < cutoff;
}

export function isStale(lastDetected: string | null, asOf: CalendarDate, days: number): boolean {
  return staleTest(asOf, days)(lastDetected);
}

/** Why a device is not counted whatever its model (TERMS.md §12). */
export type NotCountedReason = LensState | 'stale';

/**
 * Why Lens's word on a device keeps it out of the count: deleted or archived where Lens marks it so,
 * stale when the contract's `staleDays` rule is set and Lens has not seen it for longer; null when its
 * model decides.
 */
export function notCountedRule(
  asOf: CalendarDate,
  staleDays: number | null,
): (device: Device) => NotCountedReason | null {
  const isOld = staleDays === null ? null : staleTest(asOf, staleDays);
  return (device) => device.lensState ?? (isOld?.(device.lastDetected) ? 'stale' : null);
}

/** How many devices a `staleDays` rule leaves out as stale on `asOf` (deleted and archived apart). */
export function staleCount(devices: readonly Device[], asOf: CalendarDate, days: number): number {
  const reasonOf = notCountedRule(asOf, days);
  let stale = 0;
  for (const device of devices) if (reasonOf(device) === 'stale') stale++;
  return stale;
}

/**
 * What a device is on a date (TERMS.md §12): not counted for what Lens says of it (notCountedRule),
 * else what its model is (a category, or end of life, quote-required, software or unknown).
 */
export function deviceClassifier(
  catalog: Catalog,
  asOf: CalendarDate,
  staleDays: number | null = null,
): (device: Device) => DeviceClass {
  const reasonOf = notCountedRule(asOf, staleDays);
  return (device) => reasonOf(device) ?? catalog.classify(device.model, asOf);
}

/** What one device is on a date (deviceClassifier, for one). */
export function classifyDevice(
  device: Device,
  catalog: Catalog,
  asOf: CalendarDate,
  staleDays: number | null = null,
): DeviceClass {
  return deviceClassifier(catalog, asOf, staleDays)(device);
}

/** A device kept out of the count by what Lens says of it, listed with its last detection. */
export interface NotCountedDevice {
  id: string;
  model: string;
  reason: NotCountedReason;
  lastDetected: string | null;
}

/** The devices deleted, archived or stale on `asOf`, in their order (`csm inspect` and `status`). */
export function notCountedDevices(
  devices: readonly Device[],
  asOf: CalendarDate,
  staleDays: number | null,
): NotCountedDevice[] {
  const reasonOf = notCountedRule(asOf, staleDays);
  return devices.flatMap((d) => {
    const reason = reasonOf(d);
    return reason
      ? [{ id: d.serial || d.deviceId, model: d.model, reason, lastDetected: d.lastDetected }]
      : [];
  });
}

/** Classifies every device once; the classes line up with the input. */
export function classifyDevices(
  devices: readonly Device[],
  catalog: Catalog,
  asOf: CalendarDate,
  staleDays: number | null = null,
): DeviceClass[] {
  return devices.map(deviceClassifier(catalog, asOf, staleDays));
}

export function countDevices(
  devices: readonly Device[],
  classes: readonly DeviceClass[],
): InventoryCounts {
  const counts = perCategory(() => 0);
  const excluded = perExcludedClass(() => 0);
  const unknown = new Map<string, number>();
  devices.forEach((device, i) => {
    const cls = classes[i] ?? 'unknown';
    if (isCategory(cls)) counts[cls]++;
    else excluded[cls]++;
    if (cls === 'unknown') {
      const model = device.model.trim();
      unknown.set(model, (unknown.get(model) ?? 0) + 1);
    }
  });
  const unknownModels = [...unknown]
    .map(([model, n]) => ({ model, devices: n }))
    .sort((a, b) => b.devices - a.devices || a.model.localeCompare(b.model));
  return { counts, excluded, unknownModels };
}
