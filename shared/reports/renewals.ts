/**
 * The renewal pipeline for account managers (TERMS.md §5): contracts renewing in the coming months with
 * ordered units in force, the latest count, the units added during the term, and the proposed next term
 * (count + next agreed growth) at next year's price. What-if edits change the proposal, never the
 * contract; accepting one turns it into the next term.
 */
import type { Category } from '../model/category';
import type {
  Contract,
  ContractCategory,
  Customer,
  InventorySnapshot,
  TrueUp,
} from '../model/entities';
import { contractTerm, currentTrueUps, orderedInForce } from '../contracts/standing';
import { orderedUnits } from '../terms/baseline';
import { addMonthsToMonth, monthOf, type CalendarDate, type CalendarMonth } from '../terms/dates';
import { addFractions, fraction } from '../terms/fraction';
import { money, multiplyMoney, sumMoney, type CurrencyCode, type Money } from '../terms/money';
import { percentFraction } from '../terms/percent';
import { renewalProposal } from '../terms/true-up';

/** The account manager's edits to one contract's proposal. Absent values keep the defaults. */
export interface RenewalWhatIf {
  /** Price uplift in % on this term's unit prices. */
  upliftPct?: number;
  nextAgreedGrowth?: Partial<Record<Category, number>>;
  /** A negotiated next unit price (minor units): wins over the uplift. */
  nextUnitPriceMinor?: Partial<Record<Category, number>>;
}

export interface RenewalLine {
  category: Category;
  /** Ordered units in force now (after any applied true-up). */
  ordered: number;
  latestCount: number | null;
  /** Latest count − the term's ordered units at its start. */
  addedDuringTerm: number | null;
  nextAgreedGrowth: number;
  unitPrice: Money;
  nextUnitPrice: Money;
  nextOrdered: number;
  nextValue: Money;
  /** The growth, the price or the uplift of this line is a what-if edit (a proposal, not agreed). */
  isWhatIf: boolean;
}

export interface RenewalRow {
  contractId: string;
  contractNumber: string;
  customerId: string;
  customer: string;
  accountManager: string;
  currency: CurrencyCode;
  termEnd: CalendarDate;
  renewalDate: CalendarDate;
  renewalMonth: CalendarMonth;
  asOf: CalendarDate | null;
  upliftPct: number;
  lines: RenewalLine[];
  /** Σ ordered × unit price: what this term's units cost a year. */
  currentValue: Money;
  renewalValue: Money;
  isEdited: boolean;
}

function nextLine(
  contract: Contract,
  line: ContractCategory,
  ordered: number,
  latestCount: number | null,
  whatIf: RenewalWhatIf,
): RenewalLine {
  const unitPrice = money(line.unitPriceMinor, contract.currency);
  const negotiated = whatIf.nextUnitPriceMinor?.[line.category];
  const nextUnitPrice =
    negotiated !== undefined
      ? money(negotiated, contract.currency)
      : multiplyMoney(unitPrice, addFractions(fraction(1), percentFraction(whatIf.upliftPct ?? 0)));
  const nextAgreedGrowth = whatIf.nextAgreedGrowth?.[line.category] ?? line.agreedGrowth;
  const [proposed] = renewalProposal(
    [
      {
        category: line.category,
        latestCount: latestCount ?? ordered,
        nextAgreedGrowth,
        nextUnitPrice,
      },
    ],
    contract.currency,
  ).lines;
  return {
    category: line.category,
    ordered,
    latestCount,
    addedDuringTerm:
      latestCount === null
        ? null
        : latestCount - orderedUnits(line.installedAtStart, line.agreedGrowth),
    nextAgreedGrowth,
    unitPrice,
    nextUnitPrice,
    nextOrdered: proposed?.nextOrdered ?? 0,
    nextValue: proposed?.value ?? money(0, contract.currency),
    isWhatIf:
      whatIf.nextAgreedGrowth?.[line.category] !== undefined ||
      negotiated !== undefined ||
      (whatIf.upliftPct ?? 0) !== 0,
  };
}

/** One contract's renewal proposal with the what-if edits applied. */
export function renewalRow(
  contract: Contract,
  customer: Customer | undefined,
  latest: InventorySnapshot | undefined,
  trueUps: readonly TrueUp[],
  whatIf: RenewalWhatIf = {},
): RenewalRow {
  const term = contractTerm(contract);
  const adjustments = currentTrueUps(contract, trueUps);
  const lines = contract.categories.map((line) =>
    nextLine(
      contract,
      line,
      orderedInForce(line, adjustments.get(line.category)),
      latest ? latest.summary.counts[line.category] : null,
      whatIf,
    ),
  );
  return {
    contractId: contract.id,
    contractNumber: contract.number,
    customerId: contract.customerId,
    customer: customer?.name ?? '',
    accountManager: customer?.accountManager ?? '',
    currency: contract.currency,
    termEnd: term.end,
    renewalDate: term.renewal,
    renewalMonth: monthOf(term.renewal),
    asOf: latest?.asOf ?? null,
    upliftPct: whatIf.upliftPct ?? 0,
    lines,
    currentValue: sumMoney(
      lines.map((l) => multiplyMoney(l.unitPrice, fraction(l.ordered))),
      contract.currency,
    ),
    renewalValue: sumMoney(
      lines.map((l) => l.nextValue),
      contract.currency,
    ),
    isEdited: Object.keys(whatIf).length > 0,
  };
}

/** Contracts renewing from this month through `months` − 1 months ahead, by renewal date. */
export function renewalPipeline(
  contracts: readonly Contract[],
  customers: readonly Customer[],
  latest: ReadonlyMap<string, InventorySnapshot>,
  trueUps: readonly TrueUp[],
  whatIfs: ReadonlyMap<string, RenewalWhatIf>,
  today: CalendarDate,
  months = 12,
): RenewalRow[] {
  const from = monthOf(today);
  const to = addMonthsToMonth(from, months - 1);
  const byId = new Map(customers.map((c) => [c.id, c]));
  return contracts
    .filter((c) => !c.isArchived)
    .map((c) =>
      renewalRow(c, byId.get(c.customerId), latest.get(c.customerId), trueUps, whatIfs.get(c.id)),
    )
    .filter((row) => row.renewalMonth >= from && row.renewalMonth <= to)
    .sort(
      (a, b) => a.renewalDate.localeCompare(b.renewalDate) || a.customer.localeCompare(b.customer),
    );
}

/** Totals per currency (nothing adds two currencies). */
export function pipelineTotals(
  rows: readonly RenewalRow[],
): { currency: CurrencyCode; current: Money; renewal: Money }[] {
  const byCurrency = new Map<CurrencyCode, RenewalRow[]>();
  for (const row of rows)
    byCurrency.set(row.currency, [...(byCurrency.get(row.currency) ?? []), row]);
  return [...byCurrency].map(([currency, list]) => ({
    currency,
    current: sumMoney(
      list.map((r) => r.currentValue),
      currency,
    ),
    renewal: sumMoney(
      list.map((r) => r.renewalValue),
      currency,
    ),
  }));
}

/** The next term an accepted proposal makes: it starts on the renewal date with a fresh baseline. */
export function nextTerm(
  contract: Contract,
  row: RenewalRow,
  actor: { at: string; user: string },
): Contract {
  return {
    ...contract,
    termStart: row.renewalDate,
    adjustmentMonth: null,
    categories: row.lines.map((line) => ({
      category: line.category,
      installedAtStart: line.latestCount ?? line.ordered,
      agreedGrowth: line.nextAgreedGrowth,
      unitPriceMinor: line.nextUnitPrice.minor,
    })),
    previousTerms: [
      ...(contract.previousTerms ?? []),
      {
        termStart: contract.termStart,
        termMonths: contract.settings.termMonths,
        adjustmentMonth: contract.adjustmentMonth,
        categories: contract.categories,
        renewedAt: actor.at,
        renewedBy: actor.user,
      },
    ],
  };
}
