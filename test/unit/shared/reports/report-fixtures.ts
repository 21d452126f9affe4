/** A customer's monthly report built from records as the app keeps them, for the report tests. */
import { shippedCatalog } from '../../../../shared/catalog';
import type { CategoryRecord, ExcludedRecord } from '../../../../shared/model/category';
import type { InventorySnapshot, Rma, TimeEntry } from '../../../../shared/model/entities';
import {
  monthlyReport,
  type MonthlyReport,
  type MonthlyReportInput,
} from '../../../../shared/reports/monthly';
import { contract, customer } from '../../sync/fixtures';

/** An inventory of customer c1 on `asOf`: its counts per category and what it did not count. */
export function snapshot(
  asOf: string,
  counts: Partial<CategoryRecord<number>>,
  excluded: Partial<ExcludedRecord<number>> = {},
): InventorySnapshot {
  const none = { eol: 0, quote: 0, software: 0, unknown: 0, deleted: 0, archived: 0, stale: 0 };
  return {
    id: `c1:${asOf}`,
    customerId: 'c1',
    importId: null,
    asOf,
    month: asOf.slice(0, 7),
    added: 0,
    removed: 0,
    summary: {
      counts: { headsets: 0, video: 0, voice: 0, ...counts },
      excluded: { ...none, ...excluded },
      unknownModels: excluded.unknown
        ? [{ model: 'Poly Mystery 9', devices: excluded.unknown }]
        : [],
      models: [],
    } as unknown as InventorySnapshot['summary'],
  };
}

/** Contoso AB's report of `month` for contract k1 (video 90 + 10 at 49.00), with what is given. */
export function report(
  month: string,
  given: Partial<Omit<MonthlyReportInput, 'month'>> = {},
): MonthlyReport {
  return monthlyReport({
    month,
    generatedAt: `${month}-28T10:00:00Z`,
    brand: { name: 'Nordic AV Partner AB', primaryColor: '#1c4e80', logo: '' },
    customer: customer('c1', { name: 'Contoso AB', csm: 'Karin Lindqvist', accountManager: '' }),
    contract: contract('k1', { number: 'PE-1001' }),
    trueUps: [],
    snapshots: [],
    devices: [],
    previousDevices: null,
    catalog: shippedCatalog(),
    rmas: [],
    timeEntries: [],
    cases: [],
    incidents: [],
    note: '',
    today: '2026-12-04',
    ...given,
  });
}

/** A headset RMA of customer c1, requested (and approved) on a day. */
export const rma = (requestedOn: string): Rma =>
  ({
    id: requestedOn,
    customerId: 'c1',
    serial: `S${requestedOn}`,
    model: 'Voyager Focus 2',
    category: 'headsets',
    siteId: 'SITE-1',
    requestedOn,
    approvedOn: requestedOn,
    shipBy: null,
    shippedOn: null,
    trackingNumber: '',
    returnBy: null,
    returnedOn: null,
    reason: 'Broken',
    caseId: null,
    listPriceMinor: null,
  }) as unknown as Rma;

/** CSM time logged for customer c1. */
export const time = (date: string, minutes: number): TimeEntry =>
  ({
    id: date,
    customerId: 'c1',
    date,
    minutes,
    activity: 'csm',
    note: '',
    isBillable: true,
    user: 'Karin',
  }) as unknown as TimeEntry;
