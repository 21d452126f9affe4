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
    const edges = outlines.flatMap((o) =>
      o.map((p, i) => [p, o[(i + 1) % o.length] ?? p] as const).filter(([a, b]) => a[1] !== b[1]),
    );
    if (edges.length === 0) return;
    const ys = edges.flatMap(([a, b]) => [a[1], b[1]]);
    const top = Math.max(0, Math.floor(Math.min(...ys)));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    for (let y = top; y <= bottom; y++) {
      const coverage = new Map<number, number>();
      for (let s = 0; s < SUB_ROWS; s++) {
        const sy = y + (s + 0.5) / SUB_ROWS;
        const crossings: [number, number][] = [];
        for (const [a, b] of edges) {
          const [lo, hi] = a[1] < b[1] ? [a, b] : [b, a];
          if (sy < lo[1] || sy >= hi[1]) continue;
          const x = a[0] + ((sy - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
          crossings.push([x, a[1] < b[1] ? 1 : -1]);
        }
        crossings.sort((p, q) => p[0] - q[0]);
        let winding = 0;
        for (let c = 0; c < crossings.length - 1; c++) {
          winding += crossings[c]![1];
          if (winding !== 0) span(coverage, crossings[c]![0], crossings[c + 1]![0]);
        }
      }
      for (const [x, cover] of coverage) this.blend(x, y, color, cover / SUB_ROWS);
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
    const run = f.layout(text);
    let pen = x;
    run.glyphs.forEach((glyph, i) => {
      const position = run.positions[i];
      const outlines = glyphOutlines(
        glyph.path.commands,
        pen + (position?.xOffset ?? 0) * scale,
        y,
        scale,
      );
      this.fill(outlines, color);
      pen += (position?.xAdvance ?? 0) * scale;
    });
    return pen - x;
  }

  /** The width `text` would take. */
  measure(text: string, size: number, face: Face = 'body'): number {
    const f = font(face);
    return (f.layout(text).advanceWidth * size) / f.unitsPerEm;
  }

  png(): Uint8Array {
    return encodePng(this);
  }
}

/** Adds the horizontal coverage of the span [x0, x1) to each pixel it touches. */
function span(coverage: Map<number, number>, x0: number, x1: number): void {
  for (let px = Math.floor(x0); px < x1; px++) {
    const covered = Math.min(px + 1, x1) - Math.max(px, x0);
    if (covered > 0) coverage.set(px, (coverage.get(px) ?? 0) + covered);
  }
}

/** A glyph's outlines in pixels: curves flattened into short lines, y turned to point down. */
function glyphOutlines(
  commands: readonly fontkit.PathCommand[],
  x: number,
  y: number,
  scale: number,
): Point[][] {
  const outlines: Point[][] = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const curve = (point: (t: number) => Point) => {
    for (let t = 1; t <= 6; t++) current.push(point(t / 6));
  };
  for (const { command, args } of commands) {
    const a = args.map((v, i) => (i % 2 === 0 ? x + v * scale : y - v * scale));
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
