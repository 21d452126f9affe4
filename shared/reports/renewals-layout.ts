/**
 * The renewals workbook (TERMS.md §5 and §11): the pipeline, every next-term figure marked as a proposal
 * (what-if edits as such), then the growth plan per contract and category and its month-by-month
 * forecast. The plan's figures are `csm plan`'s (the same shared functions and rounding); the chosen
 * growth is the proposal's. In the report's language, from the app's one dictionary.
 */
import type { CategoryPlan } from '../forecast/category-plan';
import { planOutcome } from '../forecast/category-plan';
import { dictionary, fill, type Language } from '../i18n';
import { moneyToDecimal } from '../terms/money';
import type { CellSpec, SheetSpec, WorkbookSpec } from '../workbook-spec';
import { col } from './layout-parts';
import {
  contractCategoryPlans,
  outcomeFigures,
  planCategory,
  type MonthCounts,
  type PlanCategory,
  type PlanContractTerms,
  type PlanOutcome,
} from './plan';
import type { RenewalLine, RenewalRow } from './renewals';

/** One category of a renewal with its growth plan and the figures of the proposal's growth. */
export interface RenewalPlanLine {
  line: RenewalLine;
  plan: CategoryPlan;
  /** The plan as `csm plan` prints it. */
  figures: PlanCategory;
  /** The proposal's growth; null without a forecast. */
  chosen: PlanOutcome | null;
}

export interface RenewalPlan {
  row: RenewalRow;
  lines: RenewalPlanLine[];
}

/**
 * A renewal's growth plan from its contract's month-end history. The next unit prices are the
 * proposal's, so without a what-if they are this term's and the figures are `csm plan`'s.
 */
export function renewalPlan(
  row: RenewalRow,
  contract: PlanContractTerms,
  counts: readonly MonthCounts[],
  acceptedAdjustmentRisk: number,
): RenewalPlan {
  const prices = Object.fromEntries(row.lines.map((l) => [l.category, l.nextUnitPrice]));
  const plans = contractCategoryPlans(contract, counts, acceptedAdjustmentRisk, prices);
  return {
    row,
    lines: row.lines.flatMap((line) => {
      const found = plans.find((p) => p.category === line.category);
      if (!found) return [];
      const outcome = planOutcome(found.plan, line.nextAgreedGrowth);
      return [
        {
          line,
          plan: found.plan,
          figures: planCategory(line.category, found.history, found.plan),
          chosen: outcome ? outcomeFigures(outcome) : null,
        },
      ];
    }),
  };
}

type Words = ReturnType<typeof dictionary>['renewals'];

const basisOf = (w: Words, line: RenewalLine): string =>
  line.isWhatIf ? w.basis.whatIf : w.basis.proposal;

/** P as a percentage cell (0.1086 → 10.86). */
const pct = (p: number | undefined): number | null =>
  p === undefined ? null : Math.round(p * 10000) / 100;
const amount = (text: string | undefined): number | null =>
  text === undefined ? null : Number(text);

function pipelineSheet(rows: readonly RenewalRow[], language: Language): SheetSpec {
  const d = dictionary(language);
  const w = d.renewals;
  return {
    name: w.title,
    title: [w.title, w.proposalNote],
    columns: [
      col(w.columns.renewalDate, 'date', 12),
      col(w.columns.customer, 'text', 28),
      col(w.columns.contract, 'text', 14),
      col(w.columns.accountManager, 'text', 18),
      col(w.columns.currency, 'text', 8),
      col(d.contract.fields.category, 'text', 14),
      col(d.contract.ordered, 'number'),
      col(w.latestCount, 'number'),
      col(w.addedDuringTerm, 'number'),
      col(w.nextGrowth, 'number'),
      col(w.nextOrdered, 'number'),
      col(w.columns.unitPrice, 'money'),
      col(w.columns.uplift, 'percent'),
      col(w.nextUnitPrice, 'money'),
      col(w.nextValue, 'money'),
      col(w.columns.basis, 'text', 50),
    ],
    rows: rows.flatMap((row) =>
      row.lines.map((line) => [
        row.renewalDate,
        row.customer,
        row.contractNumber,
        row.accountManager,
        row.currency,
        d.classes[line.category],
        line.ordered,
        line.latestCount,
        line.addedDuringTerm,
        line.nextAgreedGrowth,
        line.nextOrdered,
        Number(moneyToDecimal(line.unitPrice)),
        row.upliftPct,
        Number(moneyToDecimal(line.nextUnitPrice)),
        Number(moneyToDecimal(line.nextValue)),
        basisOf(w, line),
      ]),
    ),
    print: { landscape: true, header: w.title, footer: w.title },
  };
}

/** The method and its backtest error in words, or why there is no forecast. */
export function methodWords(
  figures: PlanCategory,
  language: Language,
): { method: string; backtest: string } {
  const p = dictionary(language).renewals.plan;
  if (!figures.method) {
    const reason = fill(p.tooLittleHistory, { months: figures.history.length }, language);
    return { method: fill(p.noForecast, { reason }), backtest: '' };
  }
  const mae = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(figures.backtestMae ?? 0);
  return {
    method: p.methods[figures.method as keyof typeof p.methods],
    backtest: fill(p.backtest, { mae }),
  };
}

const outcomeCells = (o: PlanOutcome | null | undefined, withPct: boolean): CellSpec[] => [
  o?.growth ?? null,
  ...(withPct ? [o?.growthPct ?? null] : []),
  o?.nextOrdered ?? null,
  o?.triggerAt ?? null,
  pct(o?.pAdjustment),
  amount(o?.upFront),
  amount(o?.expectedMidTerm),
];

function planRow(plan: RenewalPlan, l: RenewalPlanLine, language: Language): CellSpec[] {
  const d = dictionary(language);
  const f = l.figures;
  const latest = f.history.at(-1);
  const at = f.forecast?.find((p) => p.month === f.adjustmentMonth);
  const words = methodWords(f, language);
  return [
    plan.row.customer,
    plan.row.contractNumber,
    plan.row.currency,
    d.classes[l.line.category],
    plan.row.renewalDate,
    latest?.month ?? null,
    latest?.count ?? null,
    words.method,
    words.backtest,
    f.backtestMae ?? null,
    f.adjustmentMonth,
    at?.central ?? null,
    at?.lower80 ?? null,
    at?.upper80 ?? null,
    at?.lower95 ?? null,
    at?.upper95 ?? null,
    f.expectedAdditions ?? null,
    ...outcomeCells(f.recommended, true),
    l.line.nextAgreedGrowth,
    basisOf(d.renewals, l.line),
    ...outcomeCells(l.chosen, false).slice(1),
  ];
}

function planSheet(plans: readonly RenewalPlan[], language: Language, risk: number): SheetSpec {
  const w = dictionary(language).renewals;
  const c = w.plan.columns;
  return {
    name: w.plan.sheet,
    title: [fill(w.plan.title, { risk }, language), w.proposalNote],
    columns: [
      col(w.columns.customer, 'text', 28),
      col(w.columns.contract, 'text', 14),
      col(w.columns.currency, 'text', 8),
      col(c.category, 'text', 14),
      col(w.columns.renewalDate, 'date', 12),
      col(c.latestMonth, 'text', 13),
      col(c.latestCount, 'number'),
      col(c.method, 'text', 30),
      col(c.backtest, 'text', 72),
      col(c.backtestMae, 'decimal'),
      col(c.adjustmentMonth, 'text', 21),
      col(c.central, 'number'),
      col(c.lower80, 'number'),
      col(c.upper80, 'number'),
      col(c.lower95, 'number'),
      col(c.upper95, 'number'),
      col(c.expectedAdditions, 'number'),
      col(c.recommended, 'number'),
      col(c.recommendedPct, 'percent'),
      col(c.recommendedOrdered, 'number'),
      col(c.recommendedTriggerAt, 'number'),
      col(c.recommendedP, 'percent'),
      col(c.recommendedUpFront, 'money'),
      col(c.recommendedMidTerm, 'money'),
      col(c.chosen, 'number'),
      col(c.chosenBasis, 'text', 50),
      col(c.chosenOrdered, 'number'),
      col(c.chosenTriggerAt, 'number'),
      col(c.chosenP, 'percent'),
      col(c.chosenUpFront, 'money'),
      col(c.chosenMidTerm, 'money'),
    ],
    rows: plans.flatMap((plan) => plan.lines.map((l) => planRow(plan, l, language))),
    print: { landscape: true, header: w.plan.sheet, footer: w.plan.sheet },
  };
}

function forecastSheet(plans: readonly RenewalPlan[], language: Language): SheetSpec {
  const d = dictionary(language);
  const p = d.renewals.plan;
  const rows = plans.flatMap((plan) =>
    plan.lines.flatMap((l) => {
      const head = [plan.row.customer, plan.row.contractNumber, d.classes[l.line.category]];
      const note = (month: string) =>
        month === l.figures.adjustmentMonth ? p.adjustmentMonthNote : null;
      return [
        ...l.figures.history.map((h): CellSpec[] => [
          ...head,
          h.month,
          p.history,
          h.count,
          null,
          null,
          null,
          null,
          null,
          note(h.month),
        ]),
        ...(l.figures.forecast ?? []).map((f): CellSpec[] => [
          ...head,
          f.month,
          p.forecast,
          null,
          f.central,
          f.lower80,
          f.upper80,
          f.lower95,
          f.upper95,
          note(f.month),
        ]),
      ];
    }),
  );
  const c = p.columns;
  return {
    name: p.forecastSheet,
    title: [p.forecastTitle],
    columns: [
      col(d.renewals.columns.customer, 'text', 28),
      col(d.renewals.columns.contract, 'text', 14),
      col(c.category, 'text', 14),
      col(c.month, 'text', 10),
      col(c.kind, 'text', 20),
      col(c.count, 'number'),
      col(c.central, 'number'),
      col(c.lower80, 'number'),
      col(c.upper80, 'number'),
      col(c.lower95, 'number'),
      col(c.upper95, 'number'),
      col(c.note, 'text', 22),
    ],
    rows,
    print: { landscape: true, header: p.forecastSheet, footer: p.forecastSheet },
  };
}

/** The renewals export: pipeline, growth plan, forecast by month. */
export function renewalsWorkbook(
  rows: readonly RenewalRow[],
  plans: readonly RenewalPlan[],
  language: Language,
  acceptedAdjustmentRisk: number,
): WorkbookSpec {
  return {
    sheets: [
      pipelineSheet(rows, language),
      planSheet(plans, language, acceptedAdjustmentRisk),
      forecastSheet(plans, language),
    ],
  };
}
