/**
 * What the window does with a parse main has read (a file or a Lens pull): fetch its device list once,
 * read it into devices a slice per task so the window keeps answering, and the catalog overrides in the
 * form a parse takes them.
 */
import type { CatalogEntry } from '../../../shared/catalog';
import {
  completeListSlice,
  type DeviceList,
  type HashedList,
} from '../../../shared/inventory/device-list';
import type { Device } from '../../../shared/model/device';
import { api } from '../../platform';

/** Devices decoded per task while a parse's device list is read. */
const SLICE = 20_000;

/** The devices of task `taskId`, or null when `isCurrent` says the task was given up meanwhile. */
export async function fetchParsedDevices(
  taskId: string,
  hash: string,
  onProgress: (done: number, total: number) => void,
  isCurrent: () => boolean = () => true,
): Promise<{ devices: Device[]; deviceList: HashedList } | null> {
  // The devices come as their complete device list: compact, and kept as it is if it is stored.
  const bytes = await api.inventoryDevices({ taskId });
  if (!isCurrent()) return null;
  const json = new TextDecoder().decode(bytes);
  const list = JSON.parse(json) as DeviceList;
  const devices: Device[] = [];
  for (let start = 0; start < list.devices.ids.length; start += SLICE) {
    // Each slice its own task: the window keeps answering while 100,000 devices are read.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!isCurrent()) return null;
    devices.push(...completeListSlice(list, start, start + SLICE));
    onProgress(devices.length, list.devices.ids.length);
  }
  return { devices, deviceList: { hash, list, json } };
}

/** Catalog overrides as a parse takes them: no empty optional fields. */
export function overridesForParse(overrides: readonly CatalogEntry[]): CatalogEntry[] {
  return overrides.map(
    ({ pattern, match, class: cls, endOfSale, endOfService, listPrice, verified, source }) => ({
      pattern,
      class: cls,
      verified,
      source,
      ...(match ? { match } : {}),
      ...(endOfSale ? { endOfSale } : {}),
      ...(endOfService ? { endOfService } : {}),
      ...(listPrice ? { listPrice } : {}),
    }),
  );
}

/** The locale whose day/month order decides an ambiguous date. */
export const parseLocale = (language: string) => (language === 'sv' ? 'sv-SE' : navigator.language);
