/**
 * The report workbook's first sheet: the first page (first-page.ts) laid out to print on one A4 page,
 * portrait, at a readable size. Its columns (91 characters) fit an A4 page between narrow margins at
 * full size in Excel, and at 95 % where a reader substitutes a wider font (LibreOffice without
 * Calibri: 10.5 pt); text lines run across the empty cells to their right, wrapped before they reach
 * the page's edge, and a long note is cut short here (the Summary sheet has all of it).
 */
import { dictionary, fill, type Language } from '../i18n';
import type { SheetSpec } from '../workbook-spec';
import type { FirstPage } from './first-page';
import type { MonthlyReport } from './monthly';
import type { ReportLabels } from './report-labels';
import { col, print } from './layout-parts';

/** Characters of text a line across the page holds (fewer than its columns: words vary in width). */
const LINE_WIDTH = 100;
/** The note's lines the first page keeps; a longer note says where the rest is. */
const NOTE_LINES = 12;

/** A text as lines of at most `width` characters, broken at spaces (a longer word alone on a line). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines.length > 0 ? lines : [''];
}

function noteLines(page: FirstPage, summarySheet: string, language: Language): string[] {
  const lines = page.note.flatMap((line) => wrapText(line, LINE_WIDTH));
  if (lines.length <= NOTE_LINES) return lines;
  const rest = fill(dictionary(language).firstPage.noteContinued, { sheet: summarySheet });
  return [...lines.slice(0, NOTE_LINES - 1), rest];
}

const text = (lines: string[]) => lines.flatMap((l) => wrapText(l, LINE_WIDTH)).map((l) => [l]);

export function firstPageSheet(
  page: FirstPage,
  report: MonthlyReport,
  l: ReportLabels,
  language: Language,
): SheetSpec {
  const c = page.columns;
  const lineColumn = [col('', 'text', 22)];
  const blocks: NonNullable<SheetSpec['blocks']> = [
    {
      heading: page.serviceHeading,
      hasHeader: false,
      // The label runs across the empty second column, the value from the third on.
      columns: [col('', 'text', 22), col('', 'text', 10), col('', 'text', 10)],
      rows: page.service.map((f) => [f.label, null, f.value]),
    },
  ];
  if (page.note.length > 0)
    blocks.push({
      heading: page.noteHeading,
      hasHeader: false,
      columns: lineColumn,
      rows: noteLines(page, l.sheets.summary, language).map((line) => [line]),
    });
  blocks.push({
    heading: page.nextHeading,
    hasHeader: false,
    columns: lineColumn,
    rows: text(page.next),
  });
  return {
    name: dictionary(language).firstPage.sheet,
    title: [page.title, page.kicker, ...page.context, ...page.warnings],
    columns: [
      { ...col(c.category, 'text', 22), wrap: true },
      col(c.count, 'number', 10),
      col(c.ordered, 'number', 10),
      col(c.baseline, 'decimal', 10),
      { ...col(c.status, 'text', 13), wrap: true },
      { ...col(c.meaning, 'text', 26), wrap: true },
    ],
    rows: page.lines.map((k) => [k.category, k.count, k.ordered, k.baseline, k.status, k.meaning]),
    blocks,
    // The page's head is the partner's, its foot the customer and the month in words.
    print: { ...print(report, l), header: page.brand.name, footer: page.title, onePage: true },
  };
}
