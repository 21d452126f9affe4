/**
 * A sheet's line chart drawn into the PDF as vectors: its title, a light grid with whole values, the
 * months along x, each series as its style says (counts joined by straight segments with a point each,
 * levels such as ordered and triggerAt held as steps, a forecast dashed), and a legend.
 */
import type { SheetSpec } from '../../../shared/workbook-spec';
import { isLabelled, labelEvery, niceTicks, seriesRuns, type ChartPoint } from '../chart-scale';
import { INK, type Pdf } from './look';

type Chart = NonNullable<SheetSpec['charts']>[number];
type Series = Chart['series'][number];

export const CHART_HEIGHT = 230;
const TITLE = 16;
const LEGEND = 30;
const AXIS_LEFT = 34;
const AXIS_BOTTOM = 16;

interface Box {
  x: number;
  y: number;
  width: number;
  color: string;
}

export function drawChart(doc: Pdf, chart: Chart, box: Box): void {
  doc.save();
  doc.font('bold').fontSize(10).fillColor(box.color).text(chart.title, box.x, box.y, {
    width: box.width,
    lineBreak: false,
  });
  const plot = {
    left: box.x + AXIS_LEFT,
    right: box.x + box.width - 6,
    top: box.y + TITLE + 4,
    bottom: box.y + CHART_HEIGHT - LEGEND - AXIS_BOTTOM,
  };
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, Math.max(0, ...values));
  const [bottom, top] = [ticks[0] ?? 0, ticks.at(-1) ?? 1];
  const yOf = (v: number) =>
    plot.bottom - ((v - bottom) / (top - bottom)) * (plot.bottom - plot.top);
  const n = chart.categories.length;
  const xOf = (i: number) =>
    n <= 1 ? (plot.left + plot.right) / 2 : plot.left + (i / (n - 1)) * (plot.right - plot.left);

  doc.font('body').fontSize(7);
  for (const tick of ticks) {
    const y = yOf(tick);
    doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(0.5).strokeColor(INK.grid).stroke();
    doc.fillColor(INK.muted).text(String(tick), box.x, y - 4, {
      width: AXIS_LEFT - 6,
      align: 'right',
      lineBreak: false,
    });
  }
  // Every k-th month named, so that no two names overlap.
  const widest = Math.max(1, ...chart.categories.map((c) => doc.widthOfString(c)));
  const every = labelEvery(widest, (plot.right - plot.left) / Math.max(1, n - 1));
  chart.categories.forEach((name, i) => {
    if (!isLabelled(i, n, every)) return;
    const w = doc.widthOfString(name);
    const x = Math.min(Math.max(xOf(i) - w / 2, plot.left - 10), plot.right - w + 4);
    doc.fillColor(INK.muted).text(name, x, plot.bottom + 4, { lineBreak: false });
  });
  for (const series of chart.series)
    drawSeries(doc, series, seriesRuns(series, xOf, yOf, [plot.left, plot.right]));
  drawLegend(doc, chart.series, { ...box, y: box.y + CHART_HEIGHT - LEGEND + 6 });
  doc.restore();
}

function stroke(doc: Pdf, series: Series): void {
  doc.lineWidth(series.style === 'step' ? 1 : 1.6).strokeColor(series.color);
  if (series.style === 'forecast') doc.dash(4, { space: 3 });
  else if (series.style === 'step') doc.dash(1.5, { space: 1.5 });
  else doc.undash();
}

function drawSeries(doc: Pdf, series: Series, lines: readonly ChartPoint[][]) {
  stroke(doc, series);
  for (const [first, ...rest] of lines) {
    if (!first) continue;
    doc.moveTo(...first);
    for (const point of rest) doc.lineTo(...point);
  }
  doc.stroke();
  doc.undash();
  if (series.style === undefined || series.style === 'line')
    for (const [x, y] of lines.flat()) doc.circle(x, y, 1.8).fillColor(series.color).fill();
}

function drawLegend(doc: Pdf, series: readonly Series[], box: Box): void {
  doc.font('body').fontSize(7.5);
  let x = box.x + AXIS_LEFT;
  let y = box.y;
  for (const s of series) {
    const w = 18 + doc.widthOfString(s.name) + 12;
    if (x + w > box.x + box.width) {
      x = box.x + AXIS_LEFT;
      y += 11;
    }
    stroke(doc, s);
    doc
      .moveTo(x, y + 4)
      .lineTo(x + 14, y + 4)
      .stroke();
    doc.undash();
    doc.fillColor('#212529').text(s.name, x + 18, y, { lineBreak: false });
    x += w;
  }
}
