/**
 * A workbook's PDF (shared/workbook-spec.ts): the sheets marked for it, laid out on A4 pages as the
 * workbook prints them (portrait or landscape as the columns need, header rows repeated, page numbers
 * in the report's language), with the partner's colour and logo and the charts drawn as vectors.
 * Written with PDFKit in main and in `csm report` alike: no browser, no native module; the text is
 * Noto Sans, embedded, so every name a customer has prints as typed.
 */
import PDFDocument from 'pdfkit';
import type { ColumnSpec, SheetSpec, WorkbookSpec } from '../../../shared/workbook-spec';
import { reportFont } from '../fonts';
import { columnWidths, isLandscapeSheet } from '../sheet-geometry';
import { cellFormat, type CellFormat } from './cells';
import { drawChart, CHART_HEIGHT } from './chart';
import { drawFirstPage } from './first-page';
import { MARGIN, writePageLines } from './page-lines';
import { dictionary, fill } from '../../../shared/i18n';
import { localeOf } from '../../../shared/i18n/format';
import { INK, type Pdf } from './look';

const BODY_SIZE = 9;
const PAD = 3;
/** Rows of a table printed whole on one page rather than split. */
const SMALL_TABLE = 10;

/** What every page of one document shares. */
export interface Page {
  doc: Pdf;
  color: string;
  format: CellFormat;
  /** The lowest y the content may reach on a page. */
  bottom: number;
}

/** The PDF of the sheets of `spec` marked `isInPdf`, in the workbook's language. */
export async function buildPdf(spec: WorkbookSpec): Promise<Uint8Array> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: spec.sheets[0]?.title?.[0] ?? spec.sheets[0]?.name ?? '',
      Producer: 'CSM Workstation',
    },
  });
  // PDFKit takes a parsed font as it is (a fontkit font: it has layout()).
  doc.registerFont('body', reportFont('body') as unknown as string);
  doc.registerFont('bold', reportFont('bold') as unknown as string);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const page: Omit<Page, 'bottom'> = {
    doc,
    color: spec.brand?.color ?? '#1c4e80',
    format: cellFormat(spec.language ?? 'en'),
  };
  const sheets = spec.sheets.filter((s) => s.isInPdf);
  const prints: (SheetSpec['print'] | undefined)[] = [];
  if (spec.firstPage) {
    addPage({ ...page, bottom: 0 }, false);
    const language = spec.language ?? 'en';
    const words = dictionary(language);
    drawFirstPage(doc, spec.firstPage, {
      logo: spec.brand?.logo,
      color: page.color,
      locale: localeOf(language),
      noteContinued: fill(words.firstPage.noteContinued, { sheet: words.report.sheets.summary }),
    });
    prints.push(spec.sheets[0]?.print);
  }
  sheets.forEach((sheet, i) => {
    const start = doc.bufferedPageRange().count;
    writeSheet({ ...page, bottom: 0 }, sheet, i === 0 && !spec.firstPage ? spec.brand?.logo : null);
    for (let p = start; p < doc.bufferedPageRange().count; p++) prints.push(sheet.print);
  });
  writePageLines(doc, prints);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

function addPage(page: Page, isLandscape: boolean): number {
  page.doc.addPage({ size: 'A4', layout: isLandscape ? 'landscape' : 'portrait', margin: MARGIN });
  page.bottom = page.doc.page.height - MARGIN - 14;
  return MARGIN + 12;
}

function writeSheet(
  page: Page,
  sheet: SheetSpec,
  logo: NonNullable<WorkbookSpec['brand']>['logo'] | undefined,
): void {
  const { doc } = page;
  const isLandscape = isLandscapeSheet(sheet);
  let y = addPage(page, isLandscape);
  const width = doc.page.width - 2 * MARGIN;
  if (logo) {
    const height = 40;
    doc.image(Buffer.from(logo.base64, 'base64'), doc.page.width - MARGIN - width / 3, y, {
      fit: [width / 3, height],
      align: 'right',
    });
  }
  (sheet.title ?? []).forEach((line, i) => {
    doc
      .font(i === 0 ? 'bold' : 'body')
      .fontSize(i === 0 ? 15 : 9.5)
      .fillColor(i === 0 ? page.color : INK.text);
    const lineWidth = i === 0 && logo ? (width * 2) / 3 - 12 : width;
    doc.text(line, MARGIN, y, { width: lineWidth });
    y = doc.y + (i === 0 ? 4 : 1);
  });
  for (const chart of sheet.charts ?? []) {
    y += 8;
    if (y + CHART_HEIGHT > page.bottom) y = addPage(page, isLandscape);
    drawChart(doc, chart, { x: MARGIN, y, width, color: page.color });
    y += CHART_HEIGHT + 8;
  }
  if (sheet.rows.length > 0 || !sheet.blocks?.length)
    y = writeTable(page, sheet, y + 10, isLandscape);
  for (const block of sheet.blocks ?? []) y = writeTable(page, block, y + 14, isLandscape);
}

/** A block's heading, in the partner's colour, from `y` on; answers the y below it. */
function writeHeading(page: Page, heading: string, y: number): number {
  const { doc } = page;
  doc.font('bold').fontSize(11).fillColor(page.color);
  doc.text(heading, MARGIN, y, { width: doc.page.width - 2 * MARGIN });
  return doc.y + 4;
}

/** The height of a block's heading as writeHeading writes it. */
function headingHeight(page: Page, heading: string): number {
  const { doc } = page;
  doc.font('bold').fontSize(11);
  return doc.heightOfString(heading, { width: doc.page.width - 2 * MARGIN }) + 4;
}

/** Points per character of a column's width in the workbook, at the body's size. */
const CHAR_POINTS = 5;

/** A table's font size and column widths in points. */
interface TableGeometry {
  size: number;
  widths: number[];
}

/**
 * Each column as wide as the workbook makes it, never narrower than its longest word (no word is
 * broken), the table no wider than the page: columns give up their slack first, then the font shrinks.
 */
function tableGeometry(
  doc: Pdf,
  columns: readonly ColumnSpec[],
  texts: readonly (readonly string[])[],
  width: number,
): TableGeometry {
  const chars = columnWidths({ name: '-', columns: [...columns], rows: [] });
  // The font is set once per column's header and once per its cells, each word measured once, with
  // the space after it: PDFKit's line wrapper measures a word so, and breaks a word that fits only
  // without it ("Next adjust|ment month").
  const longestWord = (font: string, cells: readonly string[]) => {
    doc.font(font).fontSize(BODY_SIZE);
    const words = new Set(cells.flatMap((text) => text.split(/\s+/)));
    let widest = 0;
    for (const word of words) widest = Math.max(widest, doc.widthOfString(`${word} `));
    return widest;
  };
  const least = columns.map(
    (c, i) =>
      Math.max(
        longestWord('bold', [c.header]),
        longestWord(
          'body',
          texts.map((row) => row[i] ?? ''),
        ),
      ) +
      2 * PAD +
      1,
  );
  const wanted = chars.map((c, i) => Math.max(c * CHAR_POINTS, least[i] ?? 0));
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(wanted) <= width) return { size: BODY_SIZE, widths: wanted };
  const slack = sum(wanted) - sum(least);
  if (sum(least) <= width) {
    const keep = (width - sum(least)) / slack;
    return {
      size: BODY_SIZE,
      widths: wanted.map((w, i) => (least[i] ?? 0) + (w - (least[i] ?? 0)) * keep),
    };
  }
  // The text shrinks with the font; the padding stays as it is.
  const padding = 2 * PAD + 1;
  const scale = (width - columns.length * padding) / (sum(least) - columns.length * padding);
  return {
    size: Math.max(6, BODY_SIZE * scale),
    widths: least.map((w) => (w - padding) * scale + padding),
  };
}

/**
 * A table (a block's with its heading) from `y` on, the header repeated on each new page; the
 * heading, the header and the first row start on one page, never a heading alone at a page's foot.
 * Answers the y below it.
 */
function writeTable(
  page: Page,
  { columns, rows, heading }: Pick<SheetSpec, 'columns' | 'rows'> & { heading?: string },
  top: number,
  isLandscape: boolean,
): number {
  const { doc, format } = page;
  const texts = rows.map((row) => columns.map((c, i) => format.text(row[i] ?? null, c.type)));
  const geometry = tableGeometry(doc, columns, texts, doc.page.width - 2 * MARGIN);
  const right = MARGIN + geometry.widths.reduce((a, b) => a + b, 0);
  const header = columns.map((c) => c.header);
  const writeHeader = (y: number) => {
    const height = writeRow(page, header, columns, geometry, y, 'bold');
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(right, y + height)
      .lineWidth(1)
      .strokeColor(page.color)
      .stroke();
    return y + height + 1;
  };
  // A small table (the RMA figures) is not split; a long one starts with at least its first row.
  const kept = texts.length <= SMALL_TABLE ? texts : texts.slice(0, 1);
  const together =
    (heading ? headingHeight(page, heading) : 0) +
    rowHeight(doc, header, geometry, 'bold') +
    kept.reduce((sum, row) => sum + rowHeight(doc, row, geometry, 'body'), 0) +
    // The rule under the header.
    1;
  let y = top;
  if (y + together > page.bottom) y = addPage(page, isLandscape);
  if (heading) y = writeHeading(page, heading, y);
  y = writeHeader(y);
  texts.forEach((row, r) => {
    const height = rowHeight(doc, row, geometry, 'body');
    if (y + height > page.bottom) y = writeHeader(addPage(page, isLandscape));
    if (r % 2 === 1)
      doc
        .rect(MARGIN, y, right - MARGIN, height)
        .fillColor(INK.stripe)
        .fill();
    writeRow(page, row, columns, geometry, y, 'body');
    y += height;
  });
  doc.moveTo(MARGIN, y).lineTo(right, y).lineWidth(0.5).strokeColor(INK.rule).stroke();
  return y;
}

function rowHeight(
  doc: Pdf,
  texts: readonly string[],
  { size, widths }: TableGeometry,
  font: string,
) {
  doc.font(font).fontSize(size);
  const heights = texts.map((text, i) =>
    text ? doc.heightOfString(text, { width: (widths[i] ?? 20) - 2 * PAD }) : 0,
  );
  return Math.max(size + 2, ...heights) + 2 * PAD;
}

function writeRow(
  page: Page,
  texts: readonly string[],
  columns: readonly ColumnSpec[],
  geometry: TableGeometry,
  y: number,
  font: 'body' | 'bold',
): number {
  const { doc, format } = page;
  const height = rowHeight(doc, texts, geometry, font);
  let x = MARGIN;
  texts.forEach((text, i) => {
    const w = geometry.widths[i] ?? 20;
    doc
      .font(font)
      .fontSize(geometry.size)
      .fillColor(INK.text)
      .text(text, x + PAD, y + PAD, {
        width: w - 2 * PAD,
        align: format.isFigure(columns[i]?.type ?? 'text') ? 'right' : 'left',
      });
    x += w;
  });
  return height;
}
