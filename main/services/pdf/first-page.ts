/**
 * The report's first page in the PDF, laid out from its model (shared/reports/first-page.ts): the
 * partner's logo and the customer and month in words at the top, one line per category with its
 * status as a coloured word and what it means, the month's service as labelled figures, the CSM's
 * note and what happens next. One A4 portrait page; a note too long for it ends with a pointer.
 */
import type { FirstPage } from '../../../shared/reports/first-page';
import type { WorkbookSpec } from '../../../shared/workbook-spec';
import { INK, type Pdf } from './look';

type Logo = NonNullable<WorkbookSpec['brand']>['logo'];

const MARGIN = 48;
const TONES = {
  calm: { ink: '#2b8a3e', fill: '#ebfbee' },
  watch: { ink: '#a35c00', fill: '#fff4e6' },
  action: { ink: '#c92a2a', fill: '#fff5f5' },
} as const;

interface Place {
  doc: Pdf;
  color: string;
  left: number;
  width: number;
  /** The lowest y the page's content may reach. */
  bottom: number;
}

function heading(p: Place, text: string, y: number): number {
  p.doc.font('bold').fontSize(12).fillColor(p.color).text(text, p.left, y, { width: p.width });
  return p.doc.y + 4;
}

function header(p: Place, page: FirstPage, logo: Logo | undefined): number {
  const { doc } = p;
  let y = MARGIN;
  if (logo) {
    doc.image(Buffer.from(logo.base64, 'base64'), p.left + p.width - 170, y, {
      fit: [170, 48],
      align: 'right',
    });
  }
  const textWidth = logo ? p.width - 190 : p.width;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(p.color)
    .text(page.kicker, p.left, y, { width: textWidth });
  doc
    .font('bold')
    .fontSize(20)
    .fillColor(INK.text)
    .text(page.title, p.left, doc.y + 2, { width: textWidth });
  y = Math.max(doc.y, logo ? MARGIN + 52 : 0) + 6;
  doc.font('body').fontSize(9.5).fillColor(INK.secondary);
  for (const line of page.context) {
    doc.text(line, p.left, y, { width: p.width });
    y = doc.y + 1;
  }
  for (const warning of page.warnings) {
    y += 6;
    const height = doc.heightOfString(warning, { width: p.width - 16 }) + 10;
    doc.roundedRect(p.left, y, p.width, height, 3).fillColor(TONES.watch.fill).fill();
    doc.fillColor(TONES.watch.ink).text(warning, p.left + 8, y + 5, { width: p.width - 16 });
    y += height;
  }
  return y + 14;
}

function devices(p: Place, page: FirstPage, y: number, locale: string): number {
  const { doc } = p;
  y = heading(p, page.devicesHeading, y);
  const c = page.columns;
  // Category, three figures, status, meaning: the meaning takes what the others leave.
  const widths = [110, 48, 52, 52, 86];
  const meaning = p.width - widths.reduce((a, b) => a + b, 0);
  const xs = widths.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? p.left) + w], [p.left]);
  const cells = [c.category, c.count, c.ordered, c.baseline, c.status, c.meaning];
  doc.font('bold').fontSize(8.5).fillColor(INK.secondary);
  const headHeight = Math.max(
    ...cells.map((t, i) => doc.heightOfString(t, { width: (widths[i] ?? meaning) - 6 })),
  );
  cells.forEach((t, i) =>
    doc.text(t, (xs[i] ?? 0) + 3, y, {
      width: (widths[i] ?? meaning) - 6,
      align: i >= 1 && i <= 3 ? 'right' : 'left',
    }),
  );
  y += headHeight + 4;
  doc
    .moveTo(p.left, y)
    .lineTo(p.left + p.width, y)
    .lineWidth(1)
    .strokeColor(p.color)
    .stroke();
  y += 5;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  for (const line of page.lines) {
    const tone = TONES[line.tone];
    doc.font('body').fontSize(10);
    const height = Math.max(
      doc.heightOfString(line.category, { width: widths[0]! - 6 }),
      doc.heightOfString(line.meaning, { width: meaning - 6 }),
      doc.font('bold').heightOfString(line.status, { width: widths[4]! - 12 }) + 4,
    );
    doc
      .font('bold')
      .fillColor(INK.text)
      .text(line.category, xs[0]! + 3, y, { width: widths[0]! - 6 });
    [line.count, line.ordered, line.baseline].forEach((n, i) =>
      doc
        .font('body')
        .fillColor(INK.text)
        .text(n === null ? '–' : number.format(n), xs[i + 1]! + 3, y, {
          width: widths[i + 1]! - 6,
          align: 'right',
        }),
    );
    const statusHeight = doc
      .font('bold')
      .fontSize(9)
      .heightOfString(line.status, { width: widths[4]! - 12 });
    doc
      .roundedRect(xs[4]! + 2, y - 2, widths[4]! - 6, statusHeight + 4, 3)
      .fillColor(tone.fill)
      .fill();
    doc.fillColor(tone.ink).text(line.status, xs[4]! + 5, y, { width: widths[4]! - 12 });
    doc
      .font('body')
      .fontSize(10)
      .fillColor(INK.text)
      .text(line.meaning, xs[5]! + 3, y, { width: meaning - 6 });
    y += height + 7;
    doc
      .moveTo(p.left, y - 3)
      .lineTo(p.left + p.width, y - 3)
      .lineWidth(0.5)
      .strokeColor(INK.rule)
      .stroke();
  }
  return y + 10;
}

function service(p: Place, page: FirstPage, y: number): number {
  const { doc } = p;
  y = heading(p, page.serviceHeading, y);
  const columns = 2;
  const width = (p.width - 16) / columns;
  let rowTop = y;
  let rowHeight = 0;
  page.service.forEach((fact, i) => {
    const x = p.left + (i % columns) * (width + 16);
    if (i % columns === 0 && i > 0) {
      rowTop += rowHeight + 8;
      rowHeight = 0;
    }
    doc.font('body').fontSize(8.5).fillColor(INK.secondary).text(fact.label, x, rowTop, { width });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(INK.text)
      .text(fact.value, x, doc.y + 1, { width });
    rowHeight = Math.max(rowHeight, doc.y - rowTop);
  });
  return rowTop + rowHeight + 16;
}

/** Lines under a heading, as many as the page holds; then `more` says where the rest is. */
function lines(
  p: Place,
  title: string,
  texts: readonly string[],
  y: number,
  { isBulleted, more }: { isBulleted: boolean; more: string },
): number {
  if (texts.length === 0) return y;
  const { doc } = p;
  y = heading(p, title, y);
  doc.font('body').fontSize(10).fillColor(INK.text);
  for (const text of texts) {
    const indent = isBulleted ? 12 : 0;
    const room = doc.heightOfString(more, { width: p.width }) + 4;
    if (y + doc.heightOfString(text, { width: p.width - indent }) + room > p.bottom) {
      doc.font('body').fillColor(INK.secondary).text(more, p.left, y, { width: p.width });
      return doc.y + 10;
    }
    if (isBulleted)
      doc
        .circle(p.left + 3, y + 6, 1.6)
        .fillColor(p.color)
        .fill();
    doc.fillColor(INK.text).text(text, p.left + indent, y, { width: p.width - indent });
    y = doc.y + 3;
  }
  return y + 10;
}

export interface FirstPageLook {
  logo: Logo | undefined;
  color: string;
  locale: string;
  /** What a note too long for the page ends with: where the rest of it is. */
  noteContinued: string;
}

/** Lays the first page out on the document's current page. */
export function drawFirstPage(doc: Pdf, page: FirstPage, look: FirstPageLook): void {
  const p: Place = {
    doc,
    color: look.color,
    left: MARGIN,
    width: doc.page.width - 2 * MARGIN,
    bottom: doc.page.height - MARGIN - 16,
  };
  let y = header(p, page, look.logo);
  y = devices(p, page, y, look.locale);
  y = service(p, page, y);
  // The note, then what happens next, as the workbook and the preview have them: a long note is cut
  // where it would leave no room for what happens next.
  const next = nextHeight(p, page);
  y = lines({ ...p, bottom: p.bottom - next }, page.noteHeading, page.note, y, {
    isBulleted: false,
    more: look.noteContinued,
  });
  lines(p, page.nextHeading, page.next, y, { isBulleted: true, more: '' });
}

/** The height "what happens next" takes, as `lines` draws it. */
function nextHeight(p: Place, page: FirstPage): number {
  const { doc } = p;
  const title = doc.font('bold').fontSize(12).heightOfString(page.nextHeading, { width: p.width });
  doc.font('body').fontSize(10);
  const body = page.next.reduce(
    (sum, text) => sum + doc.heightOfString(text, { width: p.width - 12 }) + 3,
    0,
  );
  return title + 4 + body + 10;
}
