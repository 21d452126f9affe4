// A one-category contract and its month-end counts: the smallest monthly report the tests build on.
import { shippedCatalog } from '../../shared/catalog';
import type { Contract, Customer, InventorySnapshot } from '../../shared/model/entities';
import { monthlyReport, type MonthlyReportInput } from '../../shared/reports/monthly';
import { contractSettings } from '../../shared/terms';

/** Video: 90 ordered, 10 agreed growth, SEK 49.00 a unit, from 2026-01-01. */
export const videoContract: Contract = {
  id: 'k1',
  customerId: 'c1',
  number: 'PE-1',
  termStart: '2026-01-01',
  currency: 'SEK',
  categories: [{ category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 }],
  adjustmentMonth: null,
  settings: contractSettings(),
  tam: false,
  professionalServicesDiscountPct: 0,
  isEcps: false,
  isArchived: false,
};

/** A month-end snapshot of `video` counted video devices and nothing else. */
export const videoSnapshot = (asOf: string, video: number): InventorySnapshot => ({
  id: `c1:${asOf}`,
  customerId: 'c1',
  importId: null,
  asOf,
  month: asOf.slice(0, 7),
  added: 0,
  removed: 0,
  summary: {
    counts: { headsets: 0, video, voice: 0 },
    excluded: { eol: 0, quote: 0, software: 0, unknown: 0, deleted: 0, archived: 0 },
    unknownModels: [],
    models: [],
  } as unknown as InventorySnapshot['summary'],
});

export const fixtureCustomer: Customer = {
  id: 'c1',
  name: 'Contoso AB',
  masterAccountId: '',
  country: 'SE',
  lensAccounts: [],
  csm: '',
  accountManager: '',
  isArchived: false,
};

/** The month's report of the contract and snapshots; `more` changes any other input. */
export function fixtureReport(
  month: string,
  snapshots: InventorySnapshot[],
  more: Partial<MonthlyReportInput> = {},
) {
  return monthlyReport({
    month,
    generatedAt: '2026-11-25T10:00:00Z',
    brand: { name: '', primaryColor: '#1c4e80' },
    customer: fixtureCustomer,
    contract: videoContract,
    trueUps: [],
    snapshots,
    devices: [],
    previousDevices: null,
    catalog: shippedCatalog(),
    rmas: [],
    timeEntries: [],
    cases: [],
    incidents: [],
    note: '',
    today: '2026-11-25',
    ...more,
  });
}
