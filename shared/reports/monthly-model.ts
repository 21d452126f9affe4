/** The monthly report model: what a customer's report holds, and what it is made from. */
import type { Catalog } from '../catalog/catalog';
import type { Category, CategoryRecord, DeviceClass, ExcludedRecord } from '../model/category';
import type { Device } from '../model/device';
import type { TrueUpAction } from '../contracts/standing';
import type {
  Contract,
  Customer,
  EcpsIncident,
  InventorySnapshot,
  Rma,
  SupportCase,
  TimeEntry,
  TrueUp,
} from '../model/entities';
import type { CalendarDate, CalendarMonth } from '../terms/dates';
import type { CurrencyCode } from '../terms/money';

export type ReportLanguage = 'sv' | 'en';

export interface ReportBrand {
  name: string;
  primaryColor: string;
  /** A data: URL of a PNG or JPEG, or ''. */
  logo?: string;
}

export interface ReportCategory {
  category: Category;
  /** Null for a customer without a contract: its counts are shown alone. */
  ordered: number | null;
  baseline: string | null;
  triggerAt: number | null;
  count: number | null;
  growthPct: number | null;
  status: 'under' | 'within' | 'trueUpDue' | null;
  /** What the status means (TERMS.md §4); absent in reports archived before version 2. */
  action?: TrueUpAction | null;
  isOverdue?: boolean;
  /** At renewal: the units the renewal adds. */
  unitsAtRenewal?: number | null;
  /** The true-up: projected, due (detected), or as recorded (quoted, ordered, applied). */
  trueUp: {
    state: 'projected' | 'due' | 'quoted' | 'ordered' | 'applied';
    added: number;
    unitPrice: string;
    /** "6" or "6 + 14/31". */
    months: string;
    /** The same as a number (six decimals): 6.451613. */
    monthsCharged: number;
    amount: string;
    quoteNumber?: string;
    poNumber?: string;
  } | null;
}

export interface ReportDevice {
  serial: string;
  deviceId: string;
  model: string;
  cls: DeviceClass;
  site: string;
  room: string;
  softwareVersion: string;
  online: boolean | null;
  lastDetected: string | null;
  change: 'new' | 'removed' | null;
}

/**
 * A category's expected additions for the coming year (TERMS.md §11), for Poly's CSM: the forecast at
 * the next term's adjustment month from the month-end history, the figures `csm plan` prints.
 */
export interface ReportGrowth {
  category: Category;
  latestCount: number | null;
  /** The next term's adjustment month. */
  adjustmentMonth: CalendarMonth;
  /** "too little history: N months" (the count of months) when there is no forecast. */
  historyMonths: number;
  method: 'naive' | 'trend' | 'dampedTrend' | null;
  backtestMae: number | null;
  expectedAdditions: number | null;
  central: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
  recommendedGrowth: number | null;
}

export interface MonthlyReport {
  /** 2: as of the month's last day, with true-up actions; 1: archived before that. */
  version: 1 | 2;
  month: CalendarMonth;
  generatedAt: string;
  brand: ReportBrand;
  customer: { name: string; masterAccountId: string; csm: string; accountManager: string };
  contract: {
    number: string;
    currency: CurrencyCode;
    termStart: CalendarDate;
    termEnd: CalendarDate;
    adjustmentMonth: CalendarMonth;
    renewalDate: CalendarDate;
  } | null;
  /** The inventory the figures come from; null before any import. */
  asOf: CalendarDate | null;
  categories: ReportCategory[];
  excluded: ExcludedRecord<number>;
  unknownModels: { model: string; devices: number }[];
  rma: {
    year: number;
    base: number;
    allowed: number;
    used: number;
    exceeded: boolean;
    excess: number;
    exposure: string;
    unpriced: number;
    isWarning: boolean;
  } | null;
  hours: {
    allowedMinutes: number;
    usedMinutes: number;
    remainingMinutes: number;
    overageMinutes: number;
  } | null;
  cases: { opened: number; resolved: number; openAtMonthEnd: number; escalated: number };
  incidents: { opened: number; resolved: number; openAtMonthEnd: number; jointCalls: number };
  note: string;
  /** The coming year's expected additions per category; absent without a contract and in reports archived before it. */
  growth?: ReportGrowth[];
  trend: { month: CalendarMonth; counts: CategoryRecord<number> }[];
  firmware: {
    model: string;
    cls: DeviceClass;
    devices: number;
    newestVersion: string;
    onNewest: number;
  }[];
  /** False when the month's inventory was imported before device lists were kept. */
  isDeviceListKept?: boolean;
  devices: ReportDevice[];
  rmaRows: Pick<
    Rma,
    | 'serial'
    | 'model'
    | 'category'
    | 'siteId'
    | 'requestedOn'
    | 'approvedOn'
    | 'shipBy'
    | 'shippedOn'
    | 'trackingNumber'
    | 'returnBy'
    | 'returnedOn'
    | 'reason'
  >[];
  timeRows: Pick<TimeEntry, 'date' | 'minutes' | 'activity' | 'note' | 'isBillable' | 'user'>[];
  caseRows: {
    siteId: string;
    title: string;
    priority: string;
    openedAt: string;
    resolvedAt: string | null;
    minutesToResolve: number | null;
    polyCaseNumber: string;
    escalationLevel: number;
    escalations: string;
    status: string;
  }[];
  incidentRows: {
    cloudPartner: string;
    trackingNumber: string;
    title: string;
    status: string;
    openedAt: string;
    resolvedAt: string | null;
    updates: number;
    jointCalls: number;
    rooms: string;
    devices: string;
    override: string;
  }[];
}

export interface MonthlyReportInput {
  month: CalendarMonth;
  generatedAt: string;
  brand: ReportBrand;
  customer: Customer;
  /**
   * The customer's contract as it stood at the month's end (contractInForce); the report takes the
   * term that covered the month.
   */
  contract: Contract | undefined;
  trueUps: readonly TrueUp[];
  snapshots: readonly InventorySnapshot[];
  /** The devices of the month's inventory (reportInventories' current); null where not kept. */
  devices: readonly Device[] | null;
  /** The devices of the previous month's inventory, to mark what changed; null: nothing to compare. */
  previousDevices: readonly Device[] | null;
  catalog: Catalog;
  rmas: readonly Rma[];
  timeEntries: readonly TimeEntry[];
  cases: readonly SupportCase[];
  incidents: readonly EcpsIncident[];
  note: string;
  today: CalendarDate;
  /** The partner's accepted adjustment risk in % (TERMS.md §11); default the partner terms' default. */
  acceptedAdjustmentRisk?: number;
}
