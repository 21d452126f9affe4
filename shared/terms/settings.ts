/**
 * Every number TERMS.md gives a default for, as settings. Contracts and the partner may override each
 * one; functions in shared/terms take them as parameters and never hold these values as literals.
 */
import type { CategoryRecord } from '../model/category';
import type { CurrencyCode } from './money';

/** Per-contract settings (TERMS.md §3–7). */
export interface ContractSettings {
  /** Baseline = ordered × (100 + baselinePct) / 100. Up to two decimals. */
  baselinePct: number;
  /** Headset RMAs allowed per calendar year, in % of headset ordered units. */
  rmaPct: number;
  /** Warn when RMAs reach this % of the allowed count. */
  rmaWarnPct: number;
  /** CSM time is sold in blocks of this many hours per month. */
  blockHours: number;
  /** Blocks of CSM time bought per month. */
  blocksPerMonth: number;
  /** Unused CSM time carries over to the next month. */
  carryOverHours: boolean;
  /** Term length in months. */
  termMonths: number;
  /** Business days the customer has to return a defective unit after an advance replacement ships. */
  returnBusinessDays: number;
}

/**
 * The partner's brand on its reports: its name, its logo (a checked PNG or JPEG as a data: URL,
 * shared/reports/logo.ts) and its colours. Kept in the partner settings, so it syncs and backs up
 * with them.
 */
export interface PartnerBrand {
  name: string;
  logo: string;
  primaryColor: string;
  accentColor: string;
}

/** Per-partner settings. */
export interface PartnerSettings {
  brand: PartnerBrand;
  /** A category is "approaching" when its count is at least this % of the way from ordered to triggerAt. */
  approachingPct: number;
  /** Minimum device count a category needs to be eligible; at least one chosen category must meet it. */
  eligibilityMinimum: CategoryRecord<number>;
  /** Currency of new contracts. */
  defaultCurrency: CurrencyCode;
  /** An inventory older than this many days needs a fresh import. */
  staleInventoryDays: number;
  /**
   * The growth planner recommends the smallest next agreed growth whose chance of a mid-term adjustment
   * is at most this % (TERMS.md §11).
   */
  acceptedAdjustmentRisk: number;
}

export const DEFAULT_CONTRACT_SETTINGS: Readonly<ContractSettings> = Object.freeze({
  baselinePct: 5,
  rmaPct: 5,
  rmaWarnPct: 80,
  blockHours: 8,
  blocksPerMonth: 0,
  carryOverHours: false,
  termMonths: 12,
  returnBusinessDays: 10,
});

export const DEFAULT_BRAND: Readonly<PartnerBrand> = Object.freeze({
  name: '',
  logo: '',
  primaryColor: '#1c4e80',
  accentColor: '#0091d5',
});

export const DEFAULT_PARTNER_SETTINGS: Readonly<PartnerSettings> = Object.freeze({
  brand: DEFAULT_BRAND,
  approachingPct: 80,
  eligibilityMinimum: Object.freeze({ headsets: 0, video: 0, voice: 0 }),
  defaultCurrency: 'SEK',
  staleInventoryDays: 35,
  acceptedAdjustmentRisk: 20,
});

/** A contract's settings: its own values over the defaults. */
export function contractSettings(overrides: Partial<ContractSettings> = {}): ContractSettings {
  return { ...DEFAULT_CONTRACT_SETTINGS, ...overrides };
}

/** A stored brand's text fields over the defaults (one synced from an older workstation may lack some). */
export function partnerBrand(stored: unknown): PartnerBrand {
  const value =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const text = (key: keyof PartnerBrand) => {
    const field = value[key];
    return typeof field === 'string' ? field : DEFAULT_BRAND[key];
  };
  return {
    name: text('name'),
    logo: text('logo'),
    primaryColor: text('primaryColor'),
    accentColor: text('accentColor'),
  };
}

export function partnerSettings(overrides: Partial<PartnerSettings> = {}): PartnerSettings {
  return { ...DEFAULT_PARTNER_SETTINGS, ...overrides, brand: partnerBrand(overrides.brand) };
}
