/**
 * A small anti-aliased RGB raster for the chart pictures of the workbooks: polygons filled by their
 * exact horizontal coverage on four sub-rows per pixel (non-zero winding), so lines, points and text
 * (Noto Sans glyph outlines, read with fontkit) come out smooth without a browser or a native module.
 */
import { crc32, deflateSync } from 'node:zlib';
import type * as fontkit from 'fontkit';
import { reportFont as font, type Face } from './fonts';

export type Point = readonly [number, number];
export type Rgb = readonly [number, number, number];

const SUB_ROWS = 4;

export const rgb = (hex: string): Rgb => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

export class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  private blend(x: number, y: number, color: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 3;
    const a = Math.min(1, alpha);
    for (let c = 0; c < 3; c++)
      this.pixels[i + c] = Math.round((this.pixels[i + c] ?? 255) * (1 - a) + (color[c] ?? 0) * a);
  }

  /** Fills the closed outlines (non-zero winding) with `color`. */
  fill(outlines: readonly (readonly Point[])[], color: Rgb): void {
    const mask = coverageOf(outlines);
    if (mask) this.paint(mask, 0, 0, color);
  }

  /** Blends `color` through the mask, moved by whole pixels. */
  private paint(mask: Mask, dx: number, dy: number, color: Rgb): void {
    for (let row = 0; row < mask.height; row++)
      for (let col = 0; col < mask.width; col++) {
        const alpha = mask.alpha[row * mask.width + col]!;
        if (alpha > 0) this.blend(mask.left + dx + col, mask.top + dy + row, color, alpha);
      }
  }

  /** A line `width` pixels wide from a to b, with square ends. */
  line(a: Point, b: Point, color: Rgb, width = 1): void {
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (length === 0) return;
    const nx = (-(b[1] - a[1]) / length) * (width / 2);
    const ny = ((b[0] - a[0]) / length) * (width / 2);
    this.fill(
      [
        [
          [a[0] + nx, a[1] + ny],
          [b[0] + nx, b[1] + ny],
          [b[0] - nx, b[1] - ny],
          [a[0] - nx, a[1] - ny],
        ],
      ],
      color,
    );
  }

  dot(center: Point, radius: number, color: Rgb): void {
    const points: Point[] = Array.from({ length: 16 }, (_, i) => [
      center[0] + radius * Math.cos((i * Math.PI) / 8),
      center[1] + radius * Math.sin((i * Math.PI) / 8),
    ]);
    this.fill([points], color);
  }

  /** Text of `size` pixels, its baseline's left end at (x, y); answers its width. */
  text(x: number, y: number, text: string, size: number, color: Rgb, face: Face = 'body') {
    const f = font(face);
    const scale = size / f.unitsPerEm;
    let pen = x;
    for (const glyph of f.glyphsForString(text)) {
      const [px, py] = [Math.floor(pen), Math.floor(y)];
      const mask = glyphMask(face, glyph, scale, pen - px, y - py);
      if (mask) this.paint(mask, px, py, color);
      pen += glyph.advanceWidth * scale;
    }
    return pen - x;
  }

  /** The width `text` would take. */
  measure(text: string, size: number, face: Face = 'body'): number {
    const f = font(face);
    const units = f.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
    return (units * size) / f.unitsPerEm;
  }

  png(): Uint8Array {
    return encodePng(this);
  }
}

/** An outline's edge, top to bottom, with its winding direction. */
interface Edge {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  slope: number;
  dir: number;
}

function edgesOf(outlines: readonly (readonly Point[])[]): Edge[] {
  const edges: Edge[] = [];
  for (const outline of outlines)
    outline.forEach((a, i) => {
      const b = outline[(i + 1) % outline.length] ?? a;
      if (a[1] === b[1]) return;
      const [lo, hi] = a[1] < b[1] ? [a, b] : [b, a];
      const slope = (hi[0] - lo[0]) / (hi[1] - lo[1]);
      edges.push({ x0: lo[0], x1: hi[0], y0: lo[1], y1: hi[1], slope, dir: a[1] < b[1] ? 1 : -1 });
    });
  return edges;
}

/** Adds the horizontal coverage of the span [x0, x1) to each pixel it touches, from `left`. */
function span(row: Float32Array, left: number, x0: number, x1: number): void {
  for (let px = Math.floor(x0); px < x1; px++)
    row[px - left]! += Math.min(px + 1, x1) - Math.max(px, x0);
}

/** What each pixel of a shape's bounding box is covered by: 0 to 1. */
interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Float32Array;
}

/**
 * The outlines' coverage, non-zero winding, by the exact horizontal coverage of four sub-rows per
 * pixel row. Null for an empty shape.
 */
function coverageOf(outlines: readonly (readonly Point[])[]): Mask | null {
  const edges = edgesOf(outlines);
  if (edges.length === 0) return null;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const e of edges) {
    [minY, maxY] = [Math.min(minY, e.y0), Math.max(maxY, e.y1)];
    [minX, maxX] = [Math.min(minX, e.x0, e.x1), Math.max(maxX, e.x0, e.x1)];
  }
  const [left, top] = [Math.floor(minX), Math.floor(minY)];
  const width = Math.ceil(maxX) - left + 1;
  const height = Math.ceil(maxY) - top + 1;
  const alpha = new Float32Array(width * height);
  const crossings: { x: number; dir: number }[] = [];
  for (let row = 0; row < height; row++) {
    const line = alpha.subarray(row * width, (row + 1) * width);
    for (let s = 0; s < SUB_ROWS; s++) {
      const sy = top + row + (s + 0.5) / SUB_ROWS;
      crossings.length = 0;
      for (const e of edges)
        if (sy >= e.y0 && sy < e.y1)
          crossings.push({ x: e.x0 + (sy - e.y0) * e.slope, dir: e.dir });
      crossings.sort((p, q) => p.x - q.x);
      let winding = 0;
      for (let c = 0; c < crossings.length - 1; c++) {
        winding += crossings[c]!.dir;
        if (winding !== 0) span(line, left, crossings[c]!.x, crossings[c + 1]!.x);
      }
    }
    for (let i = 0; i < width; i++) line[i] = Math.min(1, line[i]! / SUB_ROWS);
  }
  return { left, top, width, height, alpha };
}

/**
 * A glyph's outlines in font units (y up), curves flattened into short lines: read once per face and
 * glyph, since a chart draws the same digits and letters many times. Glyphs are laid out one after
 * the other by their advance widths (no kerning: a chart's labels are short).
 */
const outlineCache = new Map<string, Point[][]>();

function outlinesOf(face: Face, glyph: fontkit.Glyph): Point[][] {
  const key = `${face}:${glyph.id}`;
  let outlines = outlineCache.get(key);
  if (!outlines) {
    outlines = flatten(glyph.path.commands);
    outlineCache.set(key, outlines);
  }
  return outlines;
}

/** Where a glyph starts within its pixel, in quarters: a chart's labels repeat the same few. */
const QUARTER = 4;
const maskCache = new Map<string, Mask | null>();

/** A glyph's coverage at a size and a position within its pixel (dx, dy in [0, 1)). */
function glyphMask(face: Face, glyph: fontkit.Glyph, scale: number, dx: number, dy: number) {
  const [qx, qy] = [Math.round(dx * QUARTER), Math.round(dy * QUARTER)];
  const key = `${face}:${glyph.id}:${scale}:${qx}:${qy}`;
  let mask = maskCache.get(key);
  if (mask === undefined) {
    mask = coverageOf(placed(outlinesOf(face, glyph), qx / QUARTER, qy / QUARTER, scale));
    maskCache.set(key, mask);
  }
  return mask;
}

/** The outlines in pixels: scaled, moved to the pen at (x, y), y turned to point down. */
function placed(outlines: readonly Point[][], x: number, y: number, scale: number): Point[][] {
  return outlines.map((o) => o.map(([px, py]) => [x + px * scale, y - py * scale] as const));
}

function flatten(commands: readonly fontkit.PathCommand[]): Point[][] {
  const outlines: Point[][] = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const curve = (point: (t: number) => Point) => {
    for (let t = 1; t <= 6; t++) current.push(point(t / 6));
  };
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') {
      if (current.length > 1) outlines.push(current);
      current = [[a[0]!, a[1]!]];
    } else if (command === 'lineTo') current.push([a[0]!, a[1]!]);
    else if (command === 'quadraticCurveTo') {
      const p0 = last;
      curve((t) => [
        (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * a[0]! + t * t * a[2]!,
        (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * a[1]! + t * t * a[3]!,
      ]);
    } else if (command === 'bezierCurveTo') {
      const p0 = last;
      curve((t) => [
        (1 - t) ** 3 * p0[0] +
          3 * (1 - t) ** 2 * t * a[0]! +
          3 * (1 - t) * t * t * a[2]! +
          t ** 3 * a[4]!,
        (1 - t) ** 3 * p0[1] +
          3 * (1 - t) ** 2 * t * a[1]! +
          3 * (1 - t) * t * t * a[3]! +
          t ** 3 * a[5]!,
      ]);
    } else if (current.length > 1) {
      outlines.push(current);
      current = [];
    }
    last = current.at(-1) ?? last;
  }
  if (current.length > 1) outlines.push(current);
  return outlines;
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
