/**
 * The monthly report's first sheet: each category against the contract, then the month's small tables
 * (devices not counted, RMAs, CSM hours, cases and incidents, the CSM's note).
 */
import type { SheetSpec } from '../workbook-spec';
import type { MonthlyReport } from './monthly';
import type { ReportLabels } from './report-labels';
import { col, print, titleLines } from './layout-parts';

export function summarySheet(report: MonthlyReport, l: ReportLabels): SheetSpec {
  const c = l.columns;
  const f = l.figures;
  const blocks: NonNullable<SheetSpec['blocks']> = [
    {
      heading: l.blocks.excluded,
      columns: [col(c.cls, 'text', 24), col(c.devices, 'number')],
      rows: (['eol', 'quote', 'software', 'unknown'] as const).map((k) => [
        l.classes[k],
        report.excluded[k],
      ]),
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
      columns: [col(c.figure, 'text', 24), col(c.value, 'number'), col(c.amount, 'money')],
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
      columns: [col(c.figure, 'text', 24), col(c.time, 'duration')],
      rows: [
        [f.allowedHours, report.hours.allowedMinutes],
        [f.usedHours, report.hours.usedMinutes],
        [f.remainingHours, report.hours.remainingMinutes],
        [f.overageHours, report.hours.overageMinutes],
      ],
    });
  blocks.push({
    heading: l.blocks.service,
    columns: [col(c.figure, 'text', 24), col(c.value, 'number')],
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
  if (report.note.trim())
    blocks.push({
      heading: l.blocks.note,
      columns: [col(c.note, 'text', 80)],
      rows: report.note.split(/\r?\n/).map((line) => [line]),
    });
  return {
    name: l.sheets.summary,
    title: titleLines(report, l),
    columns: [
      col(c.category, 'text', 26),
      col(c.ordered, 'number'),
      col(c.baseline, 'decimal'),
      col(c.triggerAt, 'number'),
      col(c.count, 'number'),
      col(c.growth, 'percent'),
      col(c.status, 'text', 14),
      col(c.adjustmentMonth, 'text', 12),
      col(c.trueUp, 'text', 12),
      col(c.added, 'number'),
      col(c.unitPrice, 'money'),
      col(c.months, 'decimal'),
      col(c.amount, 'money'),
      col(c.calculation, 'text', 40),
    ],
    rows: report.categories.map((k) => [
      l.categories[k.category],
      k.ordered,
      Number(k.baseline),
      k.triggerAt,
      k.count,
      k.growthPct,
      k.status ? l.statuses[k.status] : null,
      report.contract?.adjustmentMonth ?? null,
      k.trueUp ? l.trueUpStates[k.trueUp.state] : null,
      k.trueUp?.added ?? null,
      k.trueUp ? Number(k.trueUp.unitPrice) : null,
      k.trueUp?.monthsCharged ?? null,
      k.trueUp ? Number(k.trueUp.amount) : null,
      k.trueUp
        ? `${k.trueUp.added} × ${k.trueUp.unitPrice} × ${k.trueUp.months} / 12 = ${k.trueUp.amount} ${report.contract?.currency ?? ''}`.trim()
        : null,
    ]),
    blocks,
    print: print(report, l),
  };
}
