/**
 * A line chart as a PNG, drawn in memory (no browser, no native module): the trend sheet's picture of
 * its table. Light grid with its values, month labels, one coloured line per series with round points;
 * the series are named by the table's headers beside it, coloured like the lines.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { SheetSpec } from '../../shared/workbook-spec';

type Chart = NonNullable<SheetSpec['chart']>;

export const CHART_SIZE = { width: 720, height: 320 };
const PAD = { left: 48, right: 24, top: 16, bottom: 28 };

/** A 5 × 7 pixel font for the axis labels: digits and the dash of a month. */
const GLYPHS: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
};
const GLYPH_WIDTH = 6;

class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }
  set(x: number, y: number, [r, g, b]: readonly number[]): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const i = (py * this.width + px) * 3;
    this.pixels[i] = r ?? 0;
    this.pixels[i + 1] = g ?? 0;
    this.pixels[i + 2] = b ?? 0;
  }
  dot(x: number, y: number, radius: number, color: readonly number[]): void {
    for (let dx = -radius; dx <= radius; dx++)
      for (let dy = -radius; dy <= radius; dy++)
        if (dx * dx + dy * dy <= radius * radius) this.set(x + dx, y + dy, color);
  }
  /** Text in the axis font, its top-left at (x, y); characters without a glyph are skipped. */
  text(x: number, y: number, text: string, color: readonly number[]): void {
    [...text].forEach((char, i) =>
      (GLYPHS[char] ?? []).forEach((row, dy) =>
        [...row].forEach((bit, dx) => {
          if (bit === '1') this.set(x + i * GLYPH_WIDTH + dx, y + dy, color);
        }),
      ),
    );
  }

  line(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    color: readonly number[],
    thickness = 1,
  ): void {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let s = 0; s <= steps; s++) {
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      if (thickness > 1) this.dot(x, y, thickness / 2, color);
      else this.set(x, y, color);
    }
  }
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** A niceish top of the axis: the maximum rounded up to 1, 2 or 5 × 10^n. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((m) => m * power).find((v) => v >= max) ?? max) * 1;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(raster: Raster): Uint8Array {
  const { width, height, pixels } = raster;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    raw.set(pixels.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(raw)),
      pngChunk('IEND', new Uint8Array(0)),
    ]),
  );
}

export function lineChartPng(chart: Chart): Uint8Array {
  const { width, height } = CHART_SIZE;
  const raster = new Raster(width, height);
  const plot = {
    x: PAD.left,
    y: PAD.top,
    w: width - PAD.left - PAD.right,
    h: height - PAD.top - PAD.bottom,
  };
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = niceMax(Math.max(0, ...values));
  const grid = [0xe9, 0xec, 0xef];
  const ink = [0x49, 0x50, 0x57];
  for (let i = 0; i <= 4; i++) {
    const y = plot.y + plot.h - (plot.h * i) / 4;
    raster.line(plot.x, y, plot.x + plot.w, y, grid);
    const label = String(Math.round((top * i) / 4));
    raster.text(plot.x - 6 - label.length * GLYPH_WIDTH, y - 3, label, ink);
  }
  const axis = [0x86, 0x8e, 0x96];
  raster.line(plot.x, plot.y, plot.x, plot.y + plot.h, axis);
  raster.line(plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, axis);
  const n = Math.max(1, chart.categories.length - 1);
  const xOf = (i: number) =>
    chart.categories.length === 1 ? plot.x + plot.w / 2 : plot.x + (plot.w * i) / n;
  const yOf = (v: number) => plot.y + plot.h - (plot.h * v) / top;
  const longest = Math.max(1, ...chart.categories.map((c) => c.length)) * GLYPH_WIDTH;
  const every = Math.max(1, Math.ceil((longest + 12) / (plot.w / n)));
  const last = chart.categories.length - 1;
  chart.categories.forEach((category, i) => {
    raster.line(xOf(i), plot.y + plot.h, xOf(i), plot.y + plot.h + 4, axis);
    // Every few months a label, and the last month always (the one before it steps aside).
    if (i === last || (i % every === 0 && last - i >= every))
      raster.text(xOf(i) - (category.length * GLYPH_WIDTH) / 2, plot.y + plot.h + 9, category, ink);
  });
  for (const series of chart.series) {
    const color = rgb(series.color);
    series.values.forEach((v, i) => {
      const next = series.values[i + 1];
      if (v !== null && next !== null && next !== undefined)
        raster.line(xOf(i), yOf(v), xOf(i + 1), yOf(next), color, 3);
      if (v !== null) raster.dot(xOf(i), yOf(v), 3, color);
    });
  }
  return encodePng(raster);
}
