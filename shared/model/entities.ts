/** The entities the workstation stores. Tables are named after them in plural camelCase. */
import type { CatalogEntry } from '../catalog/schema';
import type { InventorySummary } from '../inventory/summary';
import type { ImportSource } from '../lens';
import type { Category, CategoryRecord, ExcludedRecord } from './category';
import type { Device } from './device';
import type { CountryCode } from '../terms/holidays';
import type { CurrencyCode } from '../terms/money';
import type { ContractSettings } from '../terms/settings';
import type { CalendarDate, CalendarMonth } from '../terms/dates';

export interface Customer {
  id: string;
  name: string;
  masterAccountId: string;
  /** Country whose business-day calendar applies to advance replacements. */
  country: CountryCode;
  /** Lens accounts (tenant names or IDs) whose devices are this customer's. */
  lensAccounts: string[];
  csm: string;
  accountManager: string;
  isArchived: boolean;
  /** The customer's signed authorisation for the partner and Poly to act on its behalf (ECPS). */
  ecpsAuthorisation?: EcpsAuthorisation | null;
  /** The customer's support agreements with cloud partners (ECPS). */
  cloudAgreements?: CloudAgreement[];
}

export interface EcpsAuthorisation {
  signedOn: CalendarDate;
  signer: string;
  documentRef: string;
}

export const CLOUD_PARTNERS = ['teams', 'zoom', 'meet', 'ringcentral', 'webex', 'other'] as const;
export type CloudPartner = (typeof CLOUD_PARTNERS)[number];

export interface CloudAgreement {
  partner: CloudPartner;
  validUntil: CalendarDate;
}

export interface Site {
  id: string;
  customerId: string;
  name: string;
  /** The site ID the partner quotes to Poly support (never a serial number). */
  siteId: string;
  city: string;
}

export interface ContractCategory {
  category: Category;
  installedAtStart: number;
  agreedGrowth: number;
  /** Annual price per device in the contract currency, minor units. */
  unitPriceMinor: number;
}

export interface Contract {
  id: string;
  customerId: string;
  /** The agreement's number, unique. */
  number: string;
  termStart: CalendarDate;
  currency: CurrencyCode;
  categories: ContractCategory[];
  /** Set when the contract chooses its own adjustment month. */
  adjustmentMonth: CalendarMonth | null;
  settings: ContractSettings;
  /**
   * Devices Lens has not detected for more than this many days before an inventory's as-of date are
   * stale and not counted (TERMS.md §12); null or absent (contracts from before the rule): none.
   */
  staleDays?: number | null;
  tam: boolean;
  professionalServicesDiscountPct: number;
  isEcps: boolean;
  isArchived: boolean;
  /** Earlier terms, oldest first: what each renewal replaced. */
  previousTerms?: PastTerm[];
}

/** A term a renewal closed: its dates, categories and who accepted the next one. */
export interface PastTerm {
  termStart: CalendarDate;
  termMonths: number;
  adjustmentMonth: CalendarMonth | null;
  categories: ContractCategory[];
  renewedAt: string;
  renewedBy: string;
}

/** A slice of a customer's current inventory: devices are stored in chunks, never a row each. */
export interface InventoryChunk {
  customerId: string;
  chunk: number;
  devices: Device[];
}

/** One snapshot per customer and as-of date: importing the same date again replaces it. */
export function snapshotId(customerId: string, asOf: CalendarDate): string {
  return `${customerId}:${asOf}`;
}

export interface InventorySnapshot {
  id: string;
  customerId: string;
  importId: string | null;
  asOf: CalendarDate;
  month: CalendarMonth;
  summary: InventorySummary;
  added: number;
  removed: number;
  /**
   * The hash of this import's device list (shared/inventory/device-list.ts); absent on imports made
   * before lists were kept.
   */
  deviceList?: string | null;
  /** Before lists were kept: identities added and devices removed since the previous snapshot. */
  changes?: { addedIds: string[]; removed: Device[] };
}

/** What an import found, kept with it for the import history (long lists are capped). */
export interface ImportReport {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  counts: CategoryRecord<number>;
  excluded: ExcludedRecord<number>;
  unknownModels: { model: string; devices: number }[];
  rejected: { row: number; reason: string }[];
  rejectedCount: number;
  duplicates: { id: string; rows: number[] }[];
  duplicateCount: number;
  added: number;
  removed: number;
  /** Serials (or device IDs) added and removed since the previous import, the first ones. */
  addedSample: string[];
  removedSample: string[];
  previousAsOf: CalendarDate | null;
  /**
   * The file is older than the customer's current inventory: it was kept as history (a snapshot), and
   * the current inventory stayed as it was. added/removed then compare with nothing and are 0.
   */
  isHistorical: boolean;
}

export interface ImportRecord {
  id: string;
  customerId: string;
  fileName: string;
  /** SHA-256 of the file bytes: importing the same file again changes nothing. */
  contentHash: string;
  importedAt: string;
  importedBy: string;
  asOf: CalendarDate;
  /** Data rows in the file. */
  rows: number;
  /** This customer's devices in it. */
  devices: number;
  report: ImportReport;
  /** Where the devices came from when not from a file (a Lens API pull). */
  source?: ImportSource;
}

export const TRUE_UP_STATES = ['due', 'quoted', 'ordered', 'applied'] as const;
export type TrueUpState = (typeof TRUE_UP_STATES)[number];

export interface TrueUpEvent {
  state: TrueUpState;
  at: string;
  user: string;
}

/**
 * One mid-term adjustment of one category in one term (TERMS.md §4). The figures are frozen when the
 * quote is made, so the quote sheet and the history show what was sent.
 */
export interface TrueUp {
  id: string;
  contractId: string;
  category: Category;
  termStart: CalendarDate;
  adjustmentMonth: CalendarMonth;
  state: TrueUpState;
  /** The inventory the count came from. */
  asOf: CalendarDate;
  count: number;
  /** Ordered units before the adjustment. */
  ordered: number;
  added: number;
  unitPriceMinor: number;
  currency: CurrencyCode;
  /** Months charged: whole months, and the partial month as numerator/denominator. */
  monthsWhole: number;
  monthsPartial: [number, number];
  amountMinor: number;
  quoteNumber: string;
  poNumber: string;
  /** Every state change with who and when, oldest first. */
  events: TrueUpEvent[];
}

export interface Rma {
  id: string;
  customerId: string;
  serial: string;
  model: string;
  category: Category | null;
  siteId: string;
  requestedOn: CalendarDate;
  approvedOn: CalendarDate | null;
  shipBy: CalendarDate | null;
  shippedOn: CalendarDate | null;
  trackingNumber: string;
  returnBy: CalendarDate | null;
  returnedOn: CalendarDate | null;
  reason: string;
  caseId: string | null;
}

export const TIME_ACTIVITIES = [
  'monthlyReport',
  'meeting',
  'escalation',
  'onboarding',
  'tam',
  'other',
] as const;
export type TimeActivity = (typeof TIME_ACTIVITIES)[number];

export interface TimeEntry {
  id: string;
  customerId: string;
  date: CalendarDate;
  minutes: number;
  activity: TimeActivity;
  note: string;
  isBillable: boolean;
  user: string;
}

export interface Escalation {
  level: number;
  /** Who was engaged: a Poly team, an engineer, a manager. */
  engaged: string;
  at: string;
}

export const CASE_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const CASE_STATUSES = ['open', 'waiting', 'resolved'] as const;

export interface SupportCase {
  id: string;
  customerId: string;
  /** The customer's site ID the partner quotes to Poly (never a serial number). */
  siteId: string;
  title: string;
  priority: (typeof CASE_PRIORITIES)[number];
  /** ISO instants. */
  openedAt: string;
  resolvedAt: string | null;
  polyCaseNumber: string;
  /** Escalations, oldest first, each with who was engaged and when. */
  escalations: Escalation[];
  status: (typeof CASE_STATUSES)[number];
}

export interface IncidentUpdate {
  at: string;
  text: string;
  user: string;
}

export interface JointCall {
  at: string;
  note: string;
}

/** An incident opened with a cloud partner on the customer's behalf (TERMS.md §8). */
export interface EcpsIncident {
  id: string;
  customerId: string;
  cloudPartner: CloudPartner;
  /** The cloud provider's own incident tracking number. */
  trackingNumber: string;
  title: string;
  status: 'open' | 'resolved';
  openedAt: string;
  resolvedAt: string | null;
  updates: IncidentUpdate[];
  jointCalls: JointCall[];
  /** Rooms and device serials the incident concerns. */
  rooms: string[];
  devices: string[];
  /** Set when it was opened without a valid authorisation or agreement: why, who and when. */
  override: { reason: string; warnings: string[]; user: string; at: string } | null;
}

export interface ReportRecord {
  id: string;
  customerId: string;
  month: CalendarMonth;
  exportedAt: string;
  exportedBy: string;
  /** The report model as sent, frozen (shared/reports/monthly.ts MonthlyReport). */
  figures: unknown;
}

export interface CatalogOverride extends CatalogEntry {
  id: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** One entry of the audit trail: who changed what, when, before → after. */
export interface ChangeRecord {
  id?: number;
  at: string;
  user: string;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'import' | 'restore';
  before: unknown;
  after: unknown;
}

export type CategoryCounts = CategoryRecord<number>;
