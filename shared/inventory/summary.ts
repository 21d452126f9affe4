/**
 * The figures a snapshot keeps (DESIGN.md: computed once at import): per category, site, model and
 * firmware, so screens and reports never rescan the devices.
 */
import type { Catalog } from '../catalog/catalog';
import {
  perCategory,
  type Category,
  type CategoryRecord,
  type DeviceClass,
} from '../model/category';
import type { Device } from '../model/device';
import type { CalendarDate } from '../terms/dates';
import { classifyDevices, countDevices, type InventoryCounts } from './count';

export interface SiteFigures {
  site: string;
  counts: CategoryRecord<number>;
  excluded: number;
  online: number;
}

export interface ModelFigures {
  model: string;
  cls: DeviceClass;
  devices: number;
  /** The newest software version seen for this model in the inventory. */
  newestVersion: string;
  onNewest: number;
}

export interface FirmwareFigures {
  /** Devices of the category on the newest version seen for their model. */
  onNewest: number;
  total: number;
}

export interface InventorySummary extends InventoryCounts {
  devices: number;
  online: number;
  offline: number;
  statusUnknown: number;
  sites: SiteFigures[];
  models: ModelFigures[];
  firmware: CategoryRecord<FirmwareFigures>;
}

/** Compares dotted versions numerically part by part ("10.1" > "9.12"); text parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-_ ]/);
  const pb = b.split(/[.\-_ ]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

function modelFigures(devices: readonly Device[], classes: readonly DeviceClass[]): ModelFigures[] {
  const byModel = new Map<
    string,
    { cls: DeviceClass; devices: number; versions: Map<string, number> }
  >();
  devices.forEach((device, i) => {
    let entry = byModel.get(device.model);
    if (!entry) {
      entry = { cls: classes[i] ?? 'unknown', devices: 0, versions: new Map() };
      byModel.set(device.model, entry);
    }
    entry.devices++;
    entry.versions.set(
      device.softwareVersion,
      (entry.versions.get(device.softwareVersion) ?? 0) + 1,
    );
  });
  return [...byModel].map(([model, { cls, devices: count, versions }]) => {
    const newestVersion = [...versions.keys()].reduce(
      (newest, v) => (compareVersions(v, newest) > 0 ? v : newest),
      '',
    );
    const onNewest = newestVersion ? (versions.get(newestVersion) ?? 0) : 0;
    return { model, cls, devices: count, newestVersion, onNewest };
  });
}

function siteFigures(devices: readonly Device[], classes: readonly DeviceClass[]): SiteFigures[] {
  const bySite = new Map<string, SiteFigures>();
  devices.forEach((device, i) => {
    const site = device.site.trim();
    let figures = bySite.get(site);
    if (!figures) {
      figures = { site, counts: perCategory(() => 0), excluded: 0, online: 0 };
      bySite.set(site, figures);
    }
    const cls = classes[i] ?? 'unknown';
    if (cls === 'headsets' || cls === 'video' || cls === 'voice') figures.counts[cls]++;
    else figures.excluded++;
    if (device.online === true) figures.online++;
  });
  return [...bySite.values()].sort((a, b) => a.site.localeCompare(b.site));
}

export function summarizeInventory(
  devices: readonly Device[],
  catalog: Catalog,
  asOf: CalendarDate,
): InventorySummary {
  const classes = classifyDevices(devices, catalog, asOf);
  const models = modelFigures(devices, classes);
  const firmware = perCategory<FirmwareFigures>(() => ({ onNewest: 0, total: 0 }));
  for (const model of models) {
    if (model.cls !== 'headsets' && model.cls !== 'video' && model.cls !== 'voice') continue;
    const figures = firmware[model.cls satisfies Category];
    figures.total += model.devices;
    figures.onNewest += model.onNewest;
  }
  const online = devices.filter((d) => d.online === true).length;
  const offline = devices.filter((d) => d.online === false).length;
  return {
    ...countDevices(devices, classes),
    devices: devices.length,
    online,
    offline,
    statusUnknown: devices.length - online - offline,
    sites: siteFigures(devices, classes),
    models: models.sort((a, b) => b.devices - a.devices || a.model.localeCompare(b.model)),
    firmware,
  };
}
