/**
 * A contract as text fields (what the editor holds and a register row carries), and its reading into a
 * contract with every issue found. The editor, the register import and the register export share it.
 */
import type { Category } from '../model/category';
import type { Contract, ContractCategory } from '../model/entities';
import { compareDates, monthOf, type CalendarMonth } from '../terms/dates';
import { moneyToDecimal, money, type CurrencyCode } from '../terms/money';
import { DEFAULT_CONTRACT_SETTINGS, type ContractSettings } from '../terms/settings';
import { adjustmentMonth, termEnd } from '../terms/term';
import {
  readAmount,
  readCategory,
  readCount,
  readCurrency,
  readDate,
  readMonth,
  readPercent,
  readStaleDays,
  readText,
  type FieldResult,
} from './fields';
import type { ContractIssue } from './issues';

export interface CategoryDraft {
  category: string;
  installedAtStart: string;
  agreedGrowth: string;
  unitPrice: string;
}

export interface ContractDraft {
  number: string;
  termStart: string;
  termMonths: string;
  currency: string;
  /** Empty: the default month (TERMS.md §4). */
  adjustmentMonth: string;
  baselinePct: string;
  rmaPct: string;
  blocksPerMonth: string;
  blockHours: string;
  carryOverHours: boolean;
  tam: boolean;
  professionalServicesDiscountPct: string;
  isEcps: boolean;
  /** Empty: no stale rule (TERMS.md §12). */
  staleDays: string;
  categories: CategoryDraft[];
}

/** The fields a contract is made of, without its identity and customer. */
export type ContractTerms = Omit<Contract, 'id' | 'customerId' | 'isArchived' | 'previousTerms'>;

/** Field names as the editor and issues use them. */
export const FIELDS = {
  number: 'number',
  termStart: 'termStart',
  termMonths: 'termMonths',
  currency: 'currency',
  adjustmentMonth: 'adjustmentMonth',
  baselinePct: 'baselinePct',
  rmaPct: 'rmaPct',
  blocksPerMonth: 'blocksPerMonth',
  blockHours: 'blockHours',
  professionalServicesDiscountPct: 'professionalServicesDiscountPct',
  staleDays: 'staleDays',
} as const;

/** A new contract's draft: the defaults TERMS.md gives. */
export function emptyDraft(currency: CurrencyCode): ContractDraft {
  const d = DEFAULT_CONTRACT_SETTINGS;
  return {
    number: '',
    termStart: '',
    termMonths: String(d.termMonths),
    currency,
    adjustmentMonth: '',
    baselinePct: String(d.baselinePct),
    rmaPct: String(d.rmaPct),
    blocksPerMonth: String(d.blocksPerMonth),
    blockHours: String(d.blockHours),
    carryOverHours: d.carryOverHours,
    tam: false,
    professionalServicesDiscountPct: '0',
    isEcps: false,
    staleDays: '',
    categories: [],
  };
}

/** The draft of an existing contract; reading it back gives the same contract. */
export function draftOf(contract: ContractTerms): ContractDraft {
  const s = contract.settings;
  return {
    number: contract.number,
    termStart: contract.termStart,
    termMonths: String(s.termMonths),
    currency: contract.currency,
    adjustmentMonth: contract.adjustmentMonth ?? '',
    baselinePct: String(s.baselinePct),
    rmaPct: String(s.rmaPct),
    blocksPerMonth: String(s.blocksPerMonth),
    blockHours: String(s.blockHours),
    carryOverHours: s.carryOverHours,
    tam: contract.tam,
    professionalServicesDiscountPct: String(contract.professionalServicesDiscountPct),
    isEcps: contract.isEcps,
    staleDays: contract.staleDays ? String(contract.staleDays) : '',
    categories: contract.categories.map((line) => ({
      category: line.category,
      installedAtStart: String(line.installedAtStart),
      agreedGrowth: String(line.agreedGrowth),
      unitPrice: moneyToDecimal(money(line.unitPriceMinor, contract.currency)),
    })),
  };
}

/** Collects field results: the value, or undefined with the issue noted. */
function collector(issues: ContractIssue[]) {
  return <T>(result: FieldResult<T>): T | undefined => {
    if ('issue' in result) {
      issues.push(result.issue);
      return undefined;
    }
    return result.value;
  };
}

/** One category line; `field` prefixes name the line in issues (categories.0.unitPrice). */
export function readCategoryDraft(
  line: CategoryDraft,
  currency: CurrencyCode,
  prefix: string,
  issues: ContractIssue[],
): ContractCategory | undefined {
  const take = collector(issues);
  const category = take(readCategory(`${prefix}category`, line.category));
  const installedAtStart = take(readCount(`${prefix}installedAtStart`, line.installedAtStart));
  const agreedGrowth = take(readCount(`${prefix}agreedGrowth`, line.agreedGrowth, 0));
  const unitPriceMinor = take(readAmount(`${prefix}unitPrice`, line.unitPrice, currency));
  if (
    category === undefined ||
    installedAtStart === undefined ||
    agreedGrowth === undefined ||
    unitPriceMinor === undefined
  )
    return undefined;
  return { category, installedAtStart, agreedGrowth, unitPriceMinor };
}

function readTermMonths(text: string): FieldResult<number> {
  const result = readCount(FIELDS.termMonths, text, DEFAULT_CONTRACT_SETTINGS.termMonths);
  if ('value' in result && (result.value < 1 || result.value > 120))
    return { issue: { code: 'invalidTermMonths', field: FIELDS.termMonths, value: text.trim() } };
  return result;
}

/** Issues of the contract as a whole: categories present and distinct, adjustment month in the term. */
export function wholeContractIssues(
  categories: readonly Category[],
  termStart: string,
  termMonths: number,
  adjustment: CalendarMonth | null,
): ContractIssue[] {
  const issues: ContractIssue[] = [];
  if (categories.length === 0) issues.push({ code: 'noCategory', field: 'categories', value: '' });
  const seen = new Set<Category>();
  for (const category of categories) {
    if (seen.has(category))
      issues.push({ code: 'duplicateCategory', field: 'categories', value: category });
    seen.add(category);
  }
  if (adjustment) {
    const end = termEnd(termStart, termMonths);
    if (adjustment < monthOf(termStart) || compareDates(`${adjustment}-01`, end) > 0)
      issues.push({
        code: 'adjustmentOutsideTerm',
        field: FIELDS.adjustmentMonth,
        value: adjustment,
      });
  }
  return issues;
}

export type ReadContract =
  { contract: ContractTerms; issues: [] } | { contract: null; issues: ContractIssue[] };

/** Reads a draft: the contract, or every issue found (all fields are read, not only the first bad one). */
export function readContractDraft(
  draft: ContractDraft,
  defaultCurrency: CurrencyCode,
): ReadContract {
  const issues: ContractIssue[] = [];
  const take = collector(issues);
  const number = take(readText(FIELDS.number, draft.number, true));
  const termStart = take(readDate(FIELDS.termStart, draft.termStart));
  const termMonths = take(readTermMonths(draft.termMonths));
  const currency = take(readCurrency(FIELDS.currency, draft.currency, defaultCurrency));
  const adjustment = take(readMonth(FIELDS.adjustmentMonth, draft.adjustmentMonth));
  const d = DEFAULT_CONTRACT_SETTINGS;
  const baselinePct = take(readPercent(FIELDS.baselinePct, draft.baselinePct, d.baselinePct));
  const rmaPct = take(readPercent(FIELDS.rmaPct, draft.rmaPct, d.rmaPct));
  const blocksPerMonth = take(
    readCount(FIELDS.blocksPerMonth, draft.blocksPerMonth, d.blocksPerMonth),
  );
  const blockHours = take(readPercent(FIELDS.blockHours, draft.blockHours, d.blockHours));
  const discount = take(
    readPercent(FIELDS.professionalServicesDiscountPct, draft.professionalServicesDiscountPct, 0),
  );
  const staleDays = take(readStaleDays(FIELDS.staleDays, draft.staleDays));
  const categories = draft.categories.map((line, i) =>
    readCategoryDraft(line, currency ?? defaultCurrency, `categories.${i}.`, issues),
  );
  if (termStart !== undefined && termMonths !== undefined && adjustment !== undefined)
    issues.push(
      ...wholeContractIssues(
        categories.flatMap((c) => (c ? [c.category] : [])),
        termStart,
        termMonths,
        adjustment,
      ),
    );
  if (
    issues.length > 0 ||
    number === undefined ||
    termStart === undefined ||
    termMonths === undefined ||
    currency === undefined ||
    adjustment === undefined ||
    baselinePct === undefined ||
    rmaPct === undefined ||
    blocksPerMonth === undefined ||
    blockHours === undefined ||
    discount === undefined ||
    staleDays === undefined
  )
    return { contract: null, issues };
  const settings: ContractSettings = {
    ...d,
    baselinePct,
    rmaPct,
    blocksPerMonth,
    blockHours,
    carryOverHours: draft.carryOverHours,
    termMonths,
  };
  return {
    contract: {
      number,
      termStart,
      currency,
      categories: categories.filter((c): c is ContractCategory => c !== undefined),
      // The default month is kept as null so that a later change of term start moves it along.
      adjustmentMonth: adjustment === adjustmentMonth(termStart, termMonths) ? null : adjustment,
      settings,
      staleDays,
      tam: draft.tam,
      professionalServicesDiscountPct: discount,
      isEcps: draft.isEcps,
    },
    issues: [],
  };
}
