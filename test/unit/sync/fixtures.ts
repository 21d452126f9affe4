/** Records as the app writes them, for the sync tests. */
import type { Contract, Customer, TimeEntry, TrueUp } from '../../../shared/model/entities';
import type { Change } from '../../../shared/sync/protocol';
import { contractSettings } from '../../../shared/terms';

export function customer(id: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `Customer ${id}`,
    masterAccountId: '',
    country: 'SE',
    lensAccounts: [],
    csm: 'Karin',
    accountManager: 'Jonas',
    isArchived: false,
    ...overrides,
  };
}

export function contract(id: string, overrides: Partial<Contract> = {}): Contract {
  return {
    id,
    customerId: 'c1',
    number: `PE-${id}`,
    termStart: '2026-01-01',
    currency: 'SEK',
    categories: [
      { category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 },
    ],
    adjustmentMonth: null,
    settings: contractSettings({ blocksPerMonth: 1 }),
    tam: false,
    professionalServicesDiscountPct: 0,
    isEcps: false,
    isArchived: false,
    ...overrides,
  };
}

export function trueUp(id: string, overrides: Partial<TrueUp> = {}): TrueUp {
  return {
    id,
    contractId: 'k1',
    category: 'video',
    termStart: '2026-01-01',
    adjustmentMonth: '2026-07',
    state: 'quoted',
    asOf: '2026-06-30',
    count: 112,
    ordered: 100,
    added: 12,
    unitPriceMinor: 4900,
    currency: 'SEK',
    monthsWhole: 6,
    monthsPartial: [0, 1],
    amountMinor: 29400,
    quoteNumber: 'Q-1',
    poNumber: '',
    events: [{ state: 'quoted', at: '2026-07-01T08:00:00.000Z', user: 'Karin' }],
    ...overrides,
  };
}

export function timeEntry(id: string, overrides: Partial<TimeEntry> = {}): TimeEntry {
  return {
    id,
    customerId: 'c1',
    date: '2026-11-02',
    minutes: 60,
    activity: 'meeting',
    note: '',
    isBillable: true,
    user: 'Karin',
    ...overrides,
  };
}

let seq = 0;
/** A put of a whole new record (base 0), with the next sequence number. */
export function put(
  entity: Change['entity'],
  record: { id: string },
  baseVersion = 0,
  fields: Record<string, unknown> = record,
): Change {
  return { seq: ++seq, entity, id: record.id, op: 'put', baseVersion, fields };
}

export function nextSeq(): number {
  return ++seq;
}
