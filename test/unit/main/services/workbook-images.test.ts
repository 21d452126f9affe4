import ExcelJS from 'exceljs';
import { inflateSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { lineChartPng, CHART_SIZE } from '../../../../main/services/chart-image';
import { buildWorkbook } from '../../../../main/services/workbook';
import { entryText, readEntries } from '../../../../main/services/zip-entries';

/** The RGB pixels of a PNG this module wrote (8-bit RGB, filter 0 on every row). */
function pixels(png: Uint8Array): { width: number; height: number; rgb: Buffer } {
  const buffer = Buffer.from(png);
  expect([...buffer.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const idat = buffer.indexOf('IDAT');
  const length = buffer.readUInt32BE(idat - 4);
  const raw = inflateSync(buffer.subarray(idat + 4, idat + 4 + length));
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    raw.copy(rgb, y * width * 3, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  return { width, height, rgb };
}

const hasColour = (rgb: Buffer, [r, g, b]: number[]) => {
  for (let i = 0; i < rgb.length; i += 3)
    if (rgb[i] === r && rgb[i + 1] === g && rgb[i + 2] === b) return true;
  return false;
};

const chart = {
  title: 'Trend',
  categories: ['2026-01', '2026-02', '2026-03'],
  series: [
    { name: 'Video', values: [90, 100, 112], color: '#2f9e44' },
    { name: 'Voice', values: [null, 20, 21], color: '#e8590c' },
  ],
};

describe('the trend chart picture', () => {
  it('is a PNG of the chart size with a line in each series colour', () => {
    const { width, height, rgb } = pixels(lineChartPng(chart));
    expect([width, height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(hasColour(rgb, [0x2f, 0x9e, 0x44])).toBe(true);
    expect(hasColour(rgb, [0xe8, 0x59, 0x0c])).toBe(true);
    expect(hasColour(rgb, [0x1c, 0x7e, 0xd6])).toBe(false);
  });

  it('sits beside its table in the workbook, with the logo on the first sheet, and the workbook still reads', async () => {
    const logo = Buffer.from(lineChartPng({ ...chart, series: [] })).toString('base64');
    const bytes = await buildWorkbook({
      brand: { color: '#1c4e80', logo: { type: 'png', base64: logo } },
      sheets: [
        {
          name: 'Summary',
          title: ['Report'],
          columns: [{ header: 'A', type: 'text' }],
          rows: [['x']],
        },
        {
          name: 'Trend',
          title: ['Trend'],
          columns: [
            { header: 'Month', type: 'text' },
            { header: 'Video', type: 'number' },
            { header: 'Voice', type: 'number' },
          ],
          rows: chart.categories.map((m, i) => [
            m,
            chart.series[0]!.values[i] ?? null,
            chart.series[1]!.values[i] ?? null,
          ]),
          charts: [chart],
        },
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const trend = workbook.getWorksheet('Trend')!;
    const [image] = trend.getImages();
    expect(image?.range.tl.col).toBe(4);
    expect(image?.range.tl.row).toBe(2);
    expect(workbook.getWorksheet('Summary')!.getImages()).toHaveLength(1);
    expect(trend.getCell('B3').font.color).toEqual({ argb: 'FF2F9E44' });
    expect(trend.getCell('B6').value).toBe(112);
    expect(workbook.getWorksheet('Summary')!.getCell('A1').font.color).toEqual({
      argb: 'FF1C4E80',
    });
  });
});

describe('user text in every XML part', () => {
  /** Every XML part of the package, parsed strictly: a disallowed character is an error. */
  async function xmlErrors(bytes: Uint8Array): Promise<string[]> {
    const errors: string[] = [];
    for (const entry of await readEntries(bytes)) {
      if (!/\.(xml|rels)$/.test(entry.name)) continue;
      const parser = new SaxesParser();
      parser.on('error', (error) => errors.push(`${entry.name}: ${error.message}`));
      parser.write(entryText(entry)).close();
    }
    return errors;
  }

  it('stays well-formed XML whatever control characters a customer name carries', async () => {
    const nasty = 'Bell\u0007 Nul\u0000 Lone\ud800 NotChar\uffff Esc\u001b AB & <Co> "q"';
    const bytes = await buildWorkbook({
      brand: { color: '#1c4e80', logo: null },
      sheets: [
        {
          name: `Summary ${nasty}`,
          title: [nasty, `Month ${nasty}`],
          columns: [
            { header: `Name ${nasty}`, type: 'text' },
            { header: 'Count', type: 'number' },
          ],
          rows: [[nasty, 3]],
          blocks: [{ heading: nasty, columns: [{ header: nasty, type: 'text' }], rows: [[nasty]] }],
          print: { landscape: true, header: nasty, footer: nasty },
          charts: [{ ...chart, title: nasty }],
        },
      ],
    });
    expect(await xmlErrors(bytes)).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Summary Bell Nul Lone NotChar E');
    expect(sheet.getCell('A5').value).toBe('Bell Nul Lone NotChar Esc AB & <Co> "q"');
  });
});
