import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CHART_SIZE, lineChartPng } from '../../../../main/services/chart-image';
import { buildWorkbook } from '../../../../main/services/workbook';
import { registerReports } from '../../../../main/cli/report';
import type { ReportLanguage } from '../../../../shared/reports/monthly';
import { monthlyWorkbook } from '../../../../shared/reports/monthly-layout';
import { readLogo } from '../../../../shared/reports/logo';
import { csm } from '../cli/run-csm';
import { report, snapshot } from '../../shared/reports/report-fixtures';

/** A real PNG (the chart picture), as the partner's logo. */
const png = lineChartPng({ title: 'Logo', categories: [], series: [] });
const logo = (() => {
  const read = readLogo(png);
  if ('problem' in read) throw new Error(`the test logo is refused: ${read.problem}`);
  return read;
})();

async function workbookOf(language: ReportLanguage): Promise<ExcelJS.Workbook> {
  const built = report('2026-06', {
    brand: { name: 'Nordic AV Partner AB', primaryColor: '#1c4e80', logo: logo.dataUrl },
    snapshots: [snapshot('2026-06-30', { video: 112 })],
    note: 'Three new rooms in Malmö are planned for the autumn.',
  });
  const workbook = new ExcelJS.Workbook();
  const bytes = await buildWorkbook(monthlyWorkbook(built, language));
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The text of each row's cells, from the first column. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the report workbook’s first page', () => {
  it('is the first sheet, in the partner’s brand, one portrait A4 page with the logo', async () => {
    const workbook = await workbookOf('en');
    expect(workbook.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['Overview', 'Summary']);
    const sheet = workbook.worksheets[0]!;
    const rows = rowsOf(sheet);
    expect(rows.slice(0, 3)).toEqual([
      ['Contoso AB · June 2026'],
      ['Monthly report from Nordic AV Partner AB'],
      ['Agreement PE-1001 · term 1 Jan 2026 – 31 Dec 2026'],
    ]);
    expect(rows).toContainEqual([
      'Video',
      112,
      100,
      105,
      'Projected true-up',
      'Over the trigger: at this count, the adjustment in July 2026 adds SEK\u00a0294.00.',
    ]);
    expect(rows).toContainEqual(['Three new rooms in Malmö are planned for the autumn.']);
    expect(rows).toContainEqual(['What happens next']);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      printArea: `A1:F${sheet.rowCount}`,
    });
    expect(sheet.headerFooter.oddFooter).toBe('&LContoso AB · June 2026&RPage &P of &N');
    // Nothing on it is set below 11 pt (the fit to one page keeps it at 10 pt or more, see below).
    sheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.font?.size ?? 11).toBeGreaterThanOrEqual(11)),
    );
    const [image] = sheet.getImages();
    expect(sheet.getImages()).toHaveLength(1);
    expect(image?.range.tl.nativeRow).toBe(0);
    const media = workbook.getImage(Number(image?.imageId));
    expect(Buffer.from(media.buffer as unknown as ArrayBuffer).equals(Buffer.from(png))).toBe(true);
    // The logo keeps its proportions, at most 200 × 48 pixels.
    // exceljs reads a picture's size into its range; its types do not say so.
    expect((image?.range as unknown as { ext: unknown }).ext).toEqual({
      width: Math.round((48 * CHART_SIZE.width) / CHART_SIZE.height),
      height: 48,
    });
  });

  it('is in Swedish in a Swedish report, the month in words', async () => {
    const sheet = (await workbookOf('sv')).worksheets[0]!;
    expect(sheet.name).toBe('Översikt');
    expect(rowsOf(sheet).slice(0, 2)).toEqual([
      ['Contoso AB · juni 2026'],
      ['Månadsrapport från Nordic AV Partner AB'],
    ]);
    expect(rowsOf(sheet)).toContainEqual(['Vad som händer härnäst']);
    expect(sheet.headerFooter.oddFooter).toBe('&LContoso AB · juni 2026&RSida &P av &N');
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((path) => existsSync(path));
const hasPdfInfo = existsSync('/usr/bin/pdfinfo');

describe.skipIf(!soffice || !hasPdfInfo)(
  'the first page printed (LibreOffice headless; skipped where soffice or pdfinfo is missing)',
  () => {
    it('is exactly one page for every demo customer, in English and in Swedish', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'csm-first-page-'));
      const made = await csm('demo', '--out', join(dir, 'demo'), '--as-of', '2026-11-20', '--json');
      const [register, ...inventories] = (JSON.parse(made.stdout) as { files: string[] }).files;
      const files: string[] = [];
      for (const language of ['en', 'sv'] as const) {
        const { reports } = await registerReports({
          contracts: register!,
          inventories,
          month: '2026-11',
          asOf: undefined,
          language,
          brand: { name: 'Nordic AV Partner AB', logo: logo.dataUrl },
        });
        for (const [i, report] of reports.entries()) {
          const spec = monthlyWorkbook(
            { ...report, note: 'A note of a few lines from the CSM. '.repeat(12) },
            language,
          );
          const file = join(dir, `${language}-${i + 1}.xlsx`);
          await writeFile(file, await buildWorkbook({ ...spec, sheets: spec.sheets.slice(0, 1) }));
          files.push(file);
        }
      }
      expect(files).toHaveLength(24);
      execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
        stdio: 'ignore',
      });
      const pages = files.map((file) => {
        const pdf = file.replace(/\.xlsx$/, '.pdf');
        return Number(
          /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1],
        );
      });
      expect(pages).toEqual(files.map(() => 1));
      // At a readable size: 11 pt text printed at 10 pt or more. The agreement line's first word is
      // 11 pt; LibreOffice here draws it in DejaVu Sans, whose glyph box is 1.164 of its size.
      const sizes = files.map((file) => {
        const pdf = file.replace(/\.xlsx$/, '.pdf');
        const box = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
        const word = /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(?:Agreement|Avtal)</.exec(box);
        return (Number(word?.[2]) - Number(word?.[1])) / 1.164;
      });
      const fonts = execFileSync('pdffonts', [files[0]!.replace(/\.xlsx$/, '.pdf')], {
        encoding: 'utf8',
      });
      if (/DejaVuSans/.test(fonts)) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
      // The Swedish page says its customer and month in words.
      const text = execFileSync('pdftotext', [join(dir, 'sv-1.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Contoso AB · november 2026');
      await rm(dir, { recursive: true, force: true });
    }, 240_000);
  },
);
