/**
 * A backup file with a large partner book for the benchmarks: N customers with contracts and M months
 * of snapshots each, restored through the app's own restore. Figures are synthetic but well-formed.
 */
import { CATEGORIES, perCategory, perExcludedClass } from '../../shared/model/category';
import {
  snapshotId,
  type Contract,
  type Customer,
  type InventorySnapshot,
} from '../../shared/model/entities';
import { addMonthsToMonth, lastDayOfMonth } from '../../shared/terms/dates';
import { contractSettings } from '../../shared/terms/settings';
import { migration0001 } from '../../renderer/db/migrations/0001-initial';

export function portfolioBackup(customers: number, months: number, lastMonth: string) {
  const customerRows: Customer[] = [];
  const contracts: Contract[] = [];
  const snapshots: InventorySnapshot[] = [];
  for (let i = 0; i < customers; i++) {
    const id = `bench-${i}`;
    customerRows.push({
      id,
      name: `Kund ${String(i).padStart(3, '0')} AB`,
      masterAccountId: `MA-${1000000 + i}`,
      country: 'SE',
      lensAccounts: [`Kund ${i}`],
      csm: 'Bench',
      accountManager: 'Bench',
      isArchived: false,
    });
    const ordered = 100 + (i % 50) * 10;
    contracts.push({
      id: `${id}-c`,
      customerId: id,
      number: `PE-${5000 + i}`,
      termStart: `${addMonthsToMonth(lastMonth, -(i % 12))}-01`,
      currency: 'SEK',
      adjustmentMonth: null,
      categories: CATEGORIES.map((category) => ({
        category,
        installedAtStart: ordered,
        agreedGrowth: 0,
        unitPriceMinor: 49000,
      })),
      settings: contractSettings({ blocksPerMonth: 1 }),
      tam: false,
      professionalServicesDiscountPct: 0,
      isEcps: false,
      isArchived: false,
    });
    for (let m = 0; m < months; m++) {
      const month = addMonthsToMonth(lastMonth, m - months + 1);
      const asOf = lastDayOfMonth(month);
      const count = Math.round(ordered * (0.9 + (0.2 * m) / months) + (i % 7));
      const counts = perCategory(() => count);
      snapshots.push({
        id: snapshotId(id, asOf),
        customerId: id,
        importId: null,
        asOf,
        month,
        added: 1,
        removed: 0,
        summary: {
          counts,
          excluded: perExcludedClass(() => i % 3),
          unknownModels: [],
          devices: count * 3,
          online: count * 2,
          offline: count,
          statusUnknown: 0,
          notDetectedRecently: 2,
          eolByCategory: perCategory(() => 0),
          sites: [1, 2, 3].map((s) => ({
            site: `Site ${s}`,
            counts: perCategory(() => Math.round(count / 3)),
            excluded: 0,
            online: count,
            firmware: { onNewest: count, total: count },
          })),
          models: CATEGORIES.map((c) => ({
            model: `Poly ${c}`,
            cls: c,
            devices: count,
            newestVersion: '1.0',
            onNewest: count,
          })),
          firmware: perCategory(() => ({ onNewest: Math.round(count * 0.7), total: count })),
        },
      });
    }
  }
  const tables: Record<string, unknown[]> = {
    customers: customerRows,
    contracts,
    snapshots,
    settings: [{ key: 'userName', value: 'Bench' }],
  };
  return {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'csm-workstation',
      databaseVersion: 1,
      tables: Object.entries(migration0001.stores).map(([name, schema]) => ({
        name,
        schema: schema ?? '',
        rowCount: tables[name]?.length ?? 0,
      })),
      data: Object.keys(migration0001.stores).map((tableName) => ({
        tableName,
        inbound: true,
        rows: tables[tableName] ?? [],
      })),
    },
  };
}
