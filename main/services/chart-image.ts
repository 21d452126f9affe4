/**
 * A sheet's line chart as a PNG, drawn in memory (no browser, no native module): its title, a light
 * grid with whole values, the months named along x, each series as its style says (counts joined by
 * straight segments with a point each, ordered and triggerAt held as steps, the forecast dashed), and a
 * legend below. Text is Noto Sans, as in the PDF.
 */
import type { SheetSpec } from '../../shared/workbook-spec';
import { isLabelled, labelEvery, niceTicks, seriesRuns } from './chart-scale';
import { INK } from './pdf/look';
import { Raster, rgb, type Point } from './raster';

type Chart = NonNullable<SheetSpec['charts']>[number];
type Series = Chart['series'][number];

export const CHART_SIZE = { width: 720, height: 340 };
const PAD = { left: 48, right: 20, top: 34, bottom: 58 };
const GRID = rgb(INK.grid);
const LABEL_INK = rgb(INK.secondary);
const TITLE = rgb(INK.text);
const LABEL = 11;

/** The segments of a polyline, cut into dashes of `on` pixels with `off` between them. */
function dashes(points: readonly Point[], on: number, off: number): [Point, Point][] {
  const out: [Point, Point][] = [];
  let phase = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    for (let d = 0; d < length;) {
      const inDash = phase < on;
      const step = Math.min(length - d, inDash ? on - phase : on + off - phase);
      const at = (t: number): Point => [
        a[0] + ((b[0] - a[0]) * t) / length,
        a[1] + ((b[1] - a[1]) * t) / length,
      ];
      if (inDash) out.push([at(d), at(d + step)]);
      d += step;
      phase = (phase + step) % (on + off);
    }
  }
  return out;
}

function drawSeries(
  raster: Raster,
  series: Series,
  xOf: (i: number) => number,
  yOf: (v: number) => number,
  span: readonly [number, number],
) {
  const color = rgb(series.color);
  for (const points of seriesRuns(series, xOf, yOf, span)) {
    if (series.style === 'forecast')
      for (const [a, b] of dashes(points, 7, 5)) raster.line(a, b, color, 2.5);
    else if (series.style === 'step')
      for (const [a, b] of dashes(points, 3, 3)) raster.line(a, b, color, 1.6);
    else {
      for (let i = 1; i < points.length; i++) raster.line(points[i - 1]!, points[i]!, color, 2.5);
      for (const p of points) raster.dot(p, 3.2, color);
    }
  }
}

function drawLegend(raster: Raster, series: readonly Series[], y: number): void {
  let x = PAD.left;
  for (const s of series) {
    const width = 26 + raster.measure(s.name, LABEL) + 18;
    drawSeries(
      raster,
      { ...s, values: [0, 0] },
      (i) => x + i * 20,
      () => y - 4,
      [x, x + 20],
    );
    raster.text(x + 26, y, s.name, LABEL, LABEL_INK);
    x += width;
  }
}

export function lineChartPng(chart: Chart): Uint8Array {
  const { width, height } = CHART_SIZE;
  const raster = new Raster(width, height);
  raster.text(PAD.left - 36, 20, chart.title, 14, TITLE, 'bold');
  const plot = {
    x: PAD.left,
    y: PAD.top,
    w: width - PAD.left - PAD.right,
    h: height - PAD.top - PAD.bottom,
  };
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, Math.max(0, ...values));
  const [bottom, top] = [ticks[0] ?? 0, ticks.at(-1) ?? 1];
  const yOf = (v: number) => plot.y + plot.h - (plot.h * (v - bottom)) / (top - bottom);
  for (const tick of ticks) {
    const y = yOf(tick);
    raster.line([plot.x, y], [plot.x + plot.w, y], GRID, 1);
    const label = String(tick);
    raster.text(plot.x - 6 - raster.measure(label, LABEL), y + 4, label, LABEL, LABEL_INK);
  }
  const n = chart.categories.length;
  const xOf = (i: number) => (n <= 1 ? plot.x + plot.w / 2 : plot.x + (plot.w * i) / (n - 1));
  const widest = Math.max(1, ...chart.categories.map((c) => raster.measure(c, LABEL)));
  const every = labelEvery(widest, plot.w / Math.max(1, n - 1));
  chart.categories.forEach((category, i) => {
    if (!isLabelled(i, n, every)) return;
    const w = raster.measure(category, LABEL);
    const x = Math.min(Math.max(xOf(i) - w / 2, 2), width - w - 2);
    raster.text(x, plot.y + plot.h + 16, category, LABEL, LABEL_INK);
  });
  for (const series of chart.series)
    drawSeries(raster, series, xOf, yOf, [plot.x, plot.x + plot.w]);
  drawLegend(raster, chart.series, height - 12);
  return raster.png();
}
