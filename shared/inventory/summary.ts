/**
 * The figures a snapshot keeps (DESIGN.md: computed once at import): per category, site, model and
 * firmware, so screens and reports never rescan the devices.
 */
import type { Catalog } from '../catalog/catalog';
import { isCategory, perCategory, type CategoryRecord, type DeviceClass } from '../model/category';
import type { Device } from '../model/device';
import type { CalendarDate } from '../terms/dates';
import { classifyDevices, countDevices, staleTest, type InventoryCounts } from './count';

export interface SiteFigures {
  site: string;
  counts: CategoryRecord<number>;
  excluded: number;
  online: number;
  /** Counted devices on the newest software version seen for their model. */
  firmware: FirmwareFigures;
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
  /** Devices not detected in the STALE_DEVICE_DAYS before the as-of date (or never). */
  notDetectedRecently: number;
  /** End-of-life devices by the category their model belonged to. */
  eolByCategory: CategoryRecord<number>;
  sites: SiteFigures[];
  models: ModelFigures[];
  firmware: CategoryRecord<FirmwareFigures>;
  /** The contract's staleDays rule the devices were counted with (TERMS.md §12); absent or null: none. */
  staleDays?: number | null;
}

/** A device not seen in this many days before the as-of date counts as not detected recently. */
export const STALE_DEVICE_DAYS = 30;

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

/** Per model: its class as the catalog gives it (a deleted device does not make its model deleted). */
function modelFigures(
  devices: readonly Device[],
  modelClass: (model: string) => DeviceClass,
): ModelFigures[] {
  const byModel = new Map<
    string,
    { cls: DeviceClass; devices: number; versions: Map<string, number> }
  >();
  devices.forEach((device) => {
    let entry = byModel.get(device.model);
    if (!entry) {
      entry = { cls: modelClass(device.model), devices: 0, versions: new Map() };
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

function siteFigures(
  devices: readonly Device[],
  classes: readonly DeviceClass[],
  newest: ReadonlyMap<string, string>,
): SiteFigures[] {
  const bySite = new Map<string, SiteFigures>();
  devices.forEach((device, i) => {
    const site = device.site.trim();
    let figures = bySite.get(site);
    if (!figures) {
      figures = {
        site,
        counts: perCategory(() => 0),
        excluded: 0,
        online: 0,
        firmware: { onNewest: 0, total: 0 },
      };
      bySite.set(site, figures);
    }
    const cls = classes[i] ?? 'unknown';
    if (isCategory(cls)) {
      figures.counts[cls]++;
      figures.firmware.total++;
      if (newest.get(device.model) === device.softwareVersion) figures.firmware.onNewest++;
    } else figures.excluded++;
    if (device.online === true) figures.online++;
  });
  return [...bySite.values()].sort((a, b) => a.site.localeCompare(b.site));
}

/** The figures of an inventory on `asOf`, stale devices counted by `staleDays` (null: none). */
export function summarizeInventory(
  devices: readonly Device[],
  catalog: Catalog,
  asOf: CalendarDate,
  staleDays: number | null = null,
): InventorySummary {
  const classes = classifyDevices(devices, catalog, asOf, staleDays);
  const models = modelFigures(devices, (model) => catalog.classify(model, asOf));
  const firmware = perCategory<FirmwareFigures>(() => ({ onNewest: 0, total: 0 }));
  for (const model of models) {
    if (!isCategory(model.cls)) continue;
    firmware[model.cls].total += model.devices;
    firmware[model.cls].onNewest += model.onNewest;
  }
  const newest = new Map(models.map((m) => [m.model, m.newestVersion]));
  const eolByCategory = perCategory(() => 0);
  const isNotRecent = staleTest(asOf, STALE_DEVICE_DAYS);
  let online = 0;
  let offline = 0;
  let notDetectedRecently = 0;
  devices.forEach((device, i) => {
    if (device.online === true) online++;
    else if (device.online === false) offline++;
    if (isNotRecent(device.lastDetected)) notDetectedRecently++;
    if (classes[i] === 'eol') {
      const cls = catalog.lookup(device.model)?.class;
      if (cls && isCategory(cls)) eolByCategory[cls]++;
    }
  });
  return {
    ...countDevices(devices, classes),
    devices: devices.length,
    online,
    offline,
    statusUnknown: devices.length - online - offline,
    notDetectedRecently,
    eolByCategory,
    sites: siteFigures(devices, classes, newest),
    models: models.sort((a, b) => b.devices - a.devices || a.model.localeCompare(b.model)),
    firmware,
    ...(staleDays === null ? {} : { staleDays }),
  };
}

/**
 * True when the catalog now classes one of the summary's models otherwise than it was counted (a
 * register line or an override changed): the snapshot is to be recounted.
 */
export function isReclassified(
  summary: Pick<InventorySummary, 'models'>,
  catalog: Pick<Catalog, 'classify'>,
  asOf: CalendarDate,
): boolean {
  return summary.models.some((m) => catalog.classify(m.model, asOf) !== m.cls);
}
