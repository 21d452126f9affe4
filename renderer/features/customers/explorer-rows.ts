/** The explorer's rows: each device with its class on the as-of date, and the filters over them. */
import type { Catalog } from '../../../shared/catalog';
import { deviceClassifier } from '../../../shared/inventory/count';
import { isCategory, isExcludedClass, type DeviceClass } from '../../../shared/model/category';

const isDeviceClass = (value: string): value is DeviceClass =>
  isCategory(value) || isExcludedClass(value);
import type { Device } from '../../../shared/model/device';

export interface ExplorerRow {
  device: Device;
  cls: DeviceClass;
  /** Lower-case text a search looks in, built once so a keystroke only compares. */
  search: string;
}

/** Each device with its class, stale ones by the rule the inventory was counted with (TERMS.md §12). */
export function explorerRows(
  devices: readonly Device[],
  catalog: Catalog,
  asOf: string,
  staleDays: number | null = null,
): ExplorerRow[] {
  const classOf = deviceClassifier(catalog, asOf, staleDays);
  return devices.map((device) => ({
    device,
    cls: classOf(device),
    search:
      `${device.serial}\u0000${device.deviceId}\u0000${device.model}\u0000${device.name}\u0000${device.site}\u0000${device.room}\u0000${device.softwareVersion}`.toLocaleLowerCase(),
  }));
}

export interface ExplorerFilters {
  /** Lower-case, trimmed (see explorerFilters). */
  query: string;
  cls: DeviceClass | null;
  site: string | null;
  model: string | null;
  online: 'yes' | 'no' | 'unknown' | null;
}

export function matchesFilters(row: ExplorerRow, filters: ExplorerFilters): boolean {
  const { device } = row;
  if (filters.cls && row.cls !== filters.cls) return false;
  if (filters.site !== null && device.site !== filters.site) return false;
  if (filters.model !== null && device.model !== filters.model) return false;
  if (filters.online === 'yes' && device.online !== true) return false;
  if (filters.online === 'no' && device.online !== false) return false;
  if (filters.online === 'unknown' && device.online !== null) return false;
  return filters.query === '' || row.search.includes(filters.query);
}

/** The filters as matchesFilters takes them, or undefined when nothing is filtered (no filtering at all). */
export function explorerFilters(
  query: string,
  rest: Omit<ExplorerFilters, 'query'>,
): ExplorerFilters | undefined {
  const normalised = query.trim().toLocaleLowerCase();
  const isEmpty =
    normalised === '' &&
    rest.cls === null &&
    rest.site === null &&
    rest.model === null &&
    rest.online === null;
  return isEmpty ? undefined : { ...rest, query: normalised };
}

const CLASS_PREFIX = 'class:';

/** The devices tab's route segment that opens the list filtered to one class (a serial otherwise). */
export function deviceListSegment(cls: DeviceClass): string {
  return `${CLASS_PREFIX}${cls}`;
}

/** What the devices tab's route segment asks for: a class to filter by, or a text to search. */
export function deviceListTarget(segment: string): { cls: DeviceClass | null; query: string } {
  const cls = segment.startsWith(CLASS_PREFIX) ? segment.slice(CLASS_PREFIX.length) : null;
  return cls !== null && isDeviceClass(cls) ? { cls, query: '' } : { cls: null, query: segment };
}
