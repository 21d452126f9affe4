/** The explorer's rows: each device with its class on the as-of date and a lower-case search text. */
import type { Catalog } from '../../../shared/catalog';
import type { DeviceClass } from '../../../shared/model/category';
import type { Device } from '../../../shared/model/device';

export interface ExplorerRow {
  device: Device;
  cls: DeviceClass;
  search: string;
}

export function explorerRows(
  devices: readonly Device[],
  catalog: Catalog,
  asOf: string,
): ExplorerRow[] {
  return devices.map((device) => ({
    device,
    cls: catalog.classify(device.model, asOf),
    search:
      `${device.serial}\u0000${device.deviceId}\u0000${device.model}\u0000${device.name}\u0000${device.site}\u0000${device.room}\u0000${device.softwareVersion}`.toLocaleLowerCase(),
  }));
}

export interface ExplorerFilters {
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
  const query = filters.query.trim().toLocaleLowerCase();
  return query === '' || row.search.includes(query);
}
