/**
 * The replacement list (issue 24): the lifecycle list as a workbook in the UI's language, per site
 * (a customer's) or per customer (the portfolio's) and model the quantity, end of support, end of
 * life, their source and the note, then the total per model (what the partner quotes) and the models
 * whose support has already ended. Dates are dates, quantities numbers, every text a text.
 */
import { dictionary, fill, type Language } from '../i18n';
import { formatters } from '../i18n/format';
import {
  MILESTONES,
  modelTotals,
  type LifecycleList,
  type LineDates,
  type PortfolioLifecycleRow,
} from '../inventory/lifecycle';
import type { CellSpec, SheetSpec, WorkbookSpec } from '../workbook-spec';
import { col } from './layout-parts';

type Words = ReturnType<typeof dictionary>['lifecycle'];

/** Where a line's dates come from, in words: one source, or each date's where they differ. */
export function sourceParts(dates: LineDates, language: Language): string[] {
  const w = dictionary(language).lifecycle;
  const each = MILESTONES.flatMap((m) => {
    const from = dates[m]?.from;
    return from ? [{ milestone: w.milestones[m], source: w.sources[from] }] : [];
  });
  const sources = [...new Set(each.map((e) => e.source))];
  return sources.length <= 1 ? sources : each.map((e) => fill(w.sourceEach, e));
}

/** The sources as one text (a workbook cell). */
export const sourceWords = (dates: LineDates, language: Language): string =>
  sourceParts(dates, language).join('; ');

/** Which ends a line reaches in the window (or has passed), in words. */
export function reachingWords(dates: LineDates, language: Language): string {
  const w = dictionary(language).lifecycle;
  return dates.reaching.map((m) => w.milestones[m]).join(', ');
}

/** A line of the replacement list: a site's or a customer's devices of one model. */
export interface ReplacementLine extends LineDates {
  /** The site (a customer's list) or the customer (the portfolio's). */
  place: string;
  /** The portfolio's: the customer the line is of. */
  customerId?: string;
  model: string;
  quantity: number;
}

export interface ReplacementList {
  /** The customer's name, or null for the portfolio. */
  customer: string | null;
  asOf: string;
  until: string;
  months: number;
  lines: ReplacementLine[];
  past: ReplacementLine[];
}

/** A customer's lifecycle list as the replacement list, a line per site and model. */
export function customerReplacements(
  customer: string,
  list: LifecycleList,
  noSite: string,
): ReplacementList {
  const placed = (lines: LifecycleList['lines']) =>
    lines.map(({ site, ...line }) => ({ ...line, place: site || noSite }));
  const { asOf, until, months } = list;
  return { customer, asOf, until, months, lines: placed(list.lines), past: placed(list.past) };
}

/** The portfolio's lifecycle rows as the replacement list, a line per customer and model. */
export function portfolioReplacements(
  rows: readonly PortfolioLifecycleRow[],
  window: Pick<LifecycleList, 'asOf' | 'until' | 'months'>,
): ReplacementList {
  const lines = rows.map(({ customer, ...line }) => ({ ...line, place: customer }));
  return { customer: null, ...window, lines, past: [] };
}

const dateOf = (dates: LineDates, m: (typeof MILESTONES)[number]) => dates[m]?.date ?? null;

function lineCells(line: ReplacementLine, language: Language): CellSpec[] {
  return [
    line.place,
    line.model,
    line.quantity,
    dateOf(line, 'endOfSupport'),
    dateOf(line, 'endOfLife'),
    reachingWords(line, language),
    sourceWords(line, language),
    line.note ?? '',
    line.notice ?? '',
  ];
}

function lineColumns(w: Words, place: string) {
  const c = w.columns;
  return [
    col(place, 'text', 26),
    col(c.model, 'text', 26),
    col(c.quantity, 'number', 10),
    col(c.endOfSupport, 'date', 14),
    col(c.endOfLife, 'date', 14),
    col(c.reaching, 'text', 28),
    col(c.source, 'text', 24),
    col(c.note, 'text', 30),
    col(c.notice, 'text', 40),
  ];
}

/** The replacement list as a workbook of one printable sheet. */
export function replacementWorkbook(list: ReplacementList, language: Language): WorkbookSpec {
  const d = dictionary(language);
  const w = d.lifecycle;
  const format = formatters(language);
  const date = (value: string) => format.date(value);
  const name = list.customer ?? w.workbook.portfolio;
  const title = fill(w.workbook.title, { name });
  const columns = lineColumns(w, list.customer === null ? w.columns.customer : w.columns.site);
  const totals = modelTotals(list.lines).map((t): CellSpec[] => [
    t.model,
    t.quantity,
    dateOf(t, 'endOfSupport'),
    dateOf(t, 'endOfLife'),
    sourceWords(t, language),
    t.note ?? '',
  ]);
  const c = w.columns;
  const sheet: SheetSpec = {
    name: w.workbook.sheet,
    title: [
      title,
      fill(w.workbook.window, {
        asOf: date(list.asOf),
        until: date(list.until),
        months: list.months,
      }),
    ],
    columns,
    rows: list.lines.map((line) => lineCells(line, language)),
    blocks: [
      {
        heading: w.totals,
        columns: [
          col(c.model, 'text'),
          col(c.quantity, 'number'),
          col(c.endOfSupport, 'date'),
          col(c.endOfLife, 'date'),
          col(c.source, 'text'),
          col(c.note, 'text'),
        ],
        rows: totals,
      },
      ...(list.past.length > 0
        ? [{ heading: w.past, columns, rows: list.past.map((l) => lineCells(l, language)) }]
        : []),
    ],
    print: { landscape: true, header: title, footer: name, pageNumber: d.report.pageNumber },
  };
  return { sheets: [sheet] };
}
