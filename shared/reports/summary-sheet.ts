/**
 * The monthly report's first sheet: each category against the contract, then the month's small tables
 * (devices not counted, RMAs, CSM hours, cases and incidents, the CSM's note).
 */
import type { SheetSpec } from '../workbook-spec';
import { EXCLUDED_CLASSES } from '../model/category';
import { actionDetail, archivedAction } from '../contracts/action-text';
import { calculationText } from '../contracts/calculation';
import type { Language } from '../i18n';
import { parseMoney } from '../terms/money';
import type { MonthlyReport, ReportCategory } from './monthly';
import type { ReportLabels } from './report-labels';
import { col, print, titleLines, wrappedCol } from './layout-parts';

/** The whole months and the partial month of "6" or "6 + 14/31". */
function monthsParts(text: string): [number, number, number] {
  const match = /^(\d+)(?: \+ (\d+)\/(\d+))?$/.exec(text);
  return [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0), Number(match?.[3] ?? 1)];
}

/**
 * A category's one status in words, as the screens and the first page say it (TERMS.md §4): over the
 * trigger its true-up action ("At renewal"), never "Over the trigger" beside it saying another thing.
 */
function statusCell(k: ReportCategory, l: ReportLabels): string | null {
  const action = archivedAction(k);
  if (action) return l.actions[action];
  return k.status ? l.statuses[k.status] : null;
}

/** A category's true-up columns: what it means, its figures and its calculation line. */
function trueUpCells(
  k: ReportCategory,
  report: MonthlyReport,
  language: Language,
): (string | number | null)[] {
  const action = archivedAction(k);
  const currency = report.contract?.currency ?? 'SEK';
  const t = k.trueUp;
  const amount = t ? parseMoney(t.amount, currency) : null;
  const [whole, num, den] = monthsParts(t?.months ?? '0');
  return [
    action
      ? actionDetail(language, {
          action,
          isOverdue: k.isOverdue ?? false,
          adjustmentMonth: report.contract?.adjustmentMonth ?? null,
          amount,
          state: t?.state === 'due' ? null : (t?.state ?? null),
          quoteNumber: t?.quoteNumber ?? '',
          poNumber: t?.poNumber ?? '',
          unitsAtRenewal: k.unitsAtRenewal ?? (k.count ?? 0) - (k.ordered ?? 0),
        })
      : null,
    t?.added ?? null,
    t ? Number(t.unitPrice) : null,
    t?.monthsCharged ?? null,
    t ? Number(t.amount) : null,
    t && amount
      ? calculationText(language, {
          added: t.added,
          unitPrice: parseMoney(t.unitPrice, currency),
          monthsWhole: whole,
          monthsPartial: [num, den],
          amount,
        })
      : null,
  ];
}

/** The coming year's expected additions per category, with the forecast's interval and its method. */
function growthBlock(
  report: MonthlyReport,
  l: ReportLabels,
): NonNullable<SheetSpec['blocks']>[number] {
  const g = l.growth;
  const c = g.columns;
  return {
    heading: l.blocks.growth,
    columns: [
      wrappedCol(c.category, 18),
      col(c.latestCount, 'number'),
      col(c.adjustmentMonth, 'text', 12),
      col(c.expectedAdditions, 'number'),
      col(c.central, 'number'),
      col(c.lower80, 'number'),
      col(c.upper80, 'number'),
      col(c.lower95, 'number'),
      col(c.upper95, 'number'),
      col(c.recommended, 'number'),
      wrappedCol(c.method, 18),
      col(c.backtestMae, 'decimal'),
    ],
    rows: (report.growth ?? []).map((k) => [
      l.categories[k.category],
      k.latestCount,
      k.adjustmentMonth,
      k.expectedAdditions,
      k.central,
      k.lower80,
      k.upper80,
      k.lower95,
      k.upper95,
      k.recommendedGrowth,
      k.method
        ? g.methods[k.method]
        : g.tooLittleHistory.replace('{{months}}', String(k.historyMonths)),
      k.backtestMae,
    ]),
  };
}

export function summarySheet(
  report: MonthlyReport,
  l: ReportLabels,
  language: Language,
): SheetSpec {
  const c = l.columns;
  const f = l.figures;
  const blocks: NonNullable<SheetSpec['blocks']> = [
    {
      heading: l.blocks.excluded,
      columns: [col(c.cls, 'text', 24), col(c.devices, 'number')],
      rows: EXCLUDED_CLASSES.map((k) => [l.classes[k], report.excluded[k]]),
    },
  ];
  if (report.unknownModels.length > 0)
    blocks.push({
      heading: l.blocks.unknownModels,
      columns: [col(c.model, 'text', 30), col(c.devices, 'number')],
      rows: report.unknownModels.map((m) => [m.model, m.devices]),
    });
  if (report.rma)
    blocks.push({
      heading: `${l.blocks.rma} (${report.rma.year})`,
      columns: [wrappedCol(c.figure, 24), col(c.value, 'number'), col(c.amount, 'money')],
      rows: [
        [f.base, report.rma.base, null],
        [f.allowed, report.rma.allowed, null],
        [f.used, report.rma.used, null],
        [f.excess, report.rma.excess, null],
        [f.exposure, null, Number(report.rma.exposure)],
      ],
    });
  if (report.hours)
    blocks.push({
      heading: l.blocks.hours,
      columns: [wrappedCol(c.figure, 24), col(c.time, 'duration')],
      rows: [
        [f.allowed, report.hours.allowedMinutes],
        [f.used, report.hours.usedMinutes],
        [f.remaining, report.hours.remainingMinutes],
        [f.overage, report.hours.overageMinutes],
      ],
    });
  blocks.push({
    heading: l.blocks.service,
    columns: [wrappedCol(c.figure, 24), col(c.value, 'number')],
    rows: [
      [f.casesOpened, report.cases.opened],
      [f.casesResolved, report.cases.resolved],
      [f.casesOpen, report.cases.openAtMonthEnd],
      [f.casesEscalated, report.cases.escalated],
      [f.incidentsOpened, report.incidents.opened],
      [f.incidentsResolved, report.incidents.resolved],
      [f.incidentsOpen, report.incidents.openAtMonthEnd],
      [f.jointCalls, report.incidents.jointCalls],
    ],
  });
  if (report.growth && report.growth.length > 0) blocks.push(growthBlock(report, l));
  if (report.note.trim())
    blocks.push({
      heading: l.blocks.note,
      // No width of its own: each line runs on over the empty cells beside it, as in a spreadsheet,
      // instead of widening the category column above it.
      columns: [col(c.note, 'text')],
      rows: report.note.split(/\r?\n/).map((line) => [line]),
    });
  return {
    name: l.sheets.summary,
    title: titleLines(report, l),
    columns: [
      wrappedCol(c.category, 18),
      col(c.ordered, 'number'),
      col(c.baseline, 'decimal'),
      col(c.triggerAt, 'number'),
      col(c.count, 'number'),
      col(c.growth, 'percent'),
      col(c.status, 'text', 20),
      wrappedCol(c.nextStep, 24),
      col(c.added, 'number'),
      col(c.unitPrice, 'money'),
      col(c.months, 'decimal'),
      col(c.amount, 'money'),
      wrappedCol(c.calculation, 26),
    ],
    rows: report.categories.map((k) => [
      l.categories[k.category],
      k.ordered,
      k.baseline === null ? null : Number(k.baseline),
      k.triggerAt,
      k.count,
      k.growthPct,
      statusCell(k, l),
      ...trueUpCells(k, report, language),
    ]),
    blocks,
    print: print(report, l),
  };
}
