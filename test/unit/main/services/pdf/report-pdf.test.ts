/**
 * The report's PDF read as its receiver reads it: its text extracted by poppler's pdftotext (installed
 * by .ci/run), compared with the workbook's own figures, in both languages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../../../../main/services/pdf/report-pdf';
import { cellFormat } from '../../../../../main/services/pdf/cells';
import { buildExport } from '../../../../../main/services/export-file';
import { customer } from '../../../sync/fixtures';
import { report as reportOf, snapshot } from '../../../shared/reports/report-fixtures';
import { monthlyWorkbook } from '../../../../../shared/reports/monthly-layout';
import type { ReportLanguage } from '../../../../../shared/reports/monthly-model';
import type { WorkbookSpec } from '../../../../../shared/workbook-spec';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

function spec(language: ReportLanguage) {
  const report = reportOf('2026-06', {
    snapshots: [
      snapshot('2026-04-30', { video: 96 }),
      snapshot('2026-05-31', { video: 104 }),
      snapshot('2026-06-30', { video: 112 }),
    ],
    brand: { name: 'Nordic AV', primaryColor: '#1c4e80' },
    customer: customer('c1', { name: 'Göta Älv Åkeri AB', csm: 'Åsa Öberg', accountManager: '' }),
  });
  return monthlyWorkbook(report, language);
}

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number; size: string }> {
  const path = join(await mkdtemp(join(tmpdir(), 'csm-pdf-')), 'report.pdf');
  await writeFile(path, bytes);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return {
    // One space for any run of spaces: pdftotext lays words out by their place on the page.
    text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(
      /[ \u00a0]+/g,
      ' ',
    ),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+(.*)/.exec(info)?.[1] ?? '',
  };
}

describe.skipIf(!hasPoppler)('the report PDF (needs poppler-utils for pdftotext)', () => {
  for (const [language, words] of [
    ['en', { page: 'Page 1 of', amount: '294.00', title: 'Göta Älv Åkeri AB · June 2026' }],
    ['sv', { page: 'Sida 1 av', amount: '294,00', title: 'Göta Älv Åkeri AB · juni 2026' }],
  ] as const) {
    it(`prints the summary sheets' figures as the workbook has them, in ${language}`, async () => {
      const workbook = spec(language);
      const { text, pages, size } = await pdfText(await buildPdf(workbook));
      expect(size).toMatch(/\(A4\)/);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain(words.title);
      expect(text).toContain('Åsa Öberg');
      expect(text).toContain(words.page);
      expect(text).toContain(words.amount);
      // The first page first, from its model: the customer and month in words, each category's
      // status and what it means, the month's service, what happens next.
      const first = text.slice(0, text.indexOf(words.page));
      const page = workbook.firstPage!;
      for (const line of [
        page.title,
        page.kicker,
        ...page.next,
        ...page.service.map((f) => f.value),
      ])
        for (const word of line.split(/[\s-]+/)) expect(first).toContain(word);
      for (const line of page.lines)
        for (const word of `${line.category} ${line.status} ${line.meaning}`.split(/[\s-]+/))
          expect(first).toContain(word);
      // Every figure and text of each sheet marked for the PDF, formatted in the report's language.
      const format = cellFormat(language);
      const printed = workbook.sheets.filter((s) => s.isInPdf);
      expect(printed.length).toBeGreaterThanOrEqual(2);
      for (const sheet of printed) {
        for (const line of sheet.title ?? []) expect(text).toContain(line.replace(/ +/g, ' '));
        for (const table of [sheet, ...(sheet.blocks ?? [])])
          for (const row of table.rows)
            row.forEach((cell, i) => {
              const shown = format.text(cell, table.columns[i]?.type ?? 'text');
              // A long text wraps in its cell (at a space or after a hyphen): each word is on the page.
              for (const word of shown.split(/[\s-]+/).filter(Boolean))
                expect(text, `${sheet.name}: ${shown}`).toContain(word.replace(/\u00a0/g, ' '));
            });
      }
    });
  }

  // The demo's expected additions for Contoso AB, as its report lays the table out.
  const plan = (language: ReportLanguage, rows: number): WorkbookSpec => {
    const header = (text: string, width: number) => ({
      header: text,
      type: 'text' as const,
      width,
    });
    return {
      language,
      sheets: [
        {
          name: 'Summary',
          columns: [header('Figure', 30)],
          rows: Array.from({ length: rows }, (_, i) => [`Figure ${i + 1}`]),
          blocks: [
            {
              heading: 'Expected additions for the coming year',
              columns: [
                ['Category', 26],
                ['Latest count', 14],
                ['Next adjustment month', 12],
                ['Expected additions', 20],
                ['Forecast', 10],
                ['80 % low', 10],
                ['80 % high', 11],
                ['95 % low', 10],
                ['95 % high', 11],
                ['Recommended growth', 20],
                ['Method', 30],
                ['Backtest MAE (devices)', 24],
              ].map(([text, width]) => header(String(text), Number(width))),
              rows: [
                [
                  'Headsets',
                  '404',
                  '2027-07',
                  '',
                  '',
                  '',
                  '',
                  '',
                  '',
                  '',
                  'too little history',
                  '',
                ],
              ],
            },
          ],
          isInPdf: true,
        },
      ],
    };
  };

  it('breaks no header word across lines ("Next adjust|ment month")', async () => {
    const { text } = await pdfText(await buildPdf(plan('en', 1)));
    expect(text).toContain('adjustment');
  });

  it('prints a small table whole on one page', async () => {
    for (let rows = 16; rows <= 48; rows++) {
      const spec = plan('en', rows);
      const block = spec.sheets[0]!.blocks![0]!;
      block.rows = ['Excess', 'Exposure at list price', 'Allowed', 'Used'].map((figure) => [
        figure,
        ...block.columns.slice(1).map(() => ''),
      ]);
      const { text } = await pdfText(await buildPdf(spec));
      const page = text.split('\f').find((p) => p.includes('Expected additions for'));
      expect(page, `after ${rows} rows`).toContain('Used');
    }
  });

  it('never leaves a table’s heading and header alone at a page’s foot', async () => {
    for (let rows = 16; rows <= 48; rows++) {
      const { text } = await pdfText(await buildPdf(plan('en', rows)));
      const page = text.split('\f').find((p) => p.includes('Expected additions for'));
      expect(page, `after ${rows} rows`).toContain('Headsets');
    }
  });
});

describe('what a saved name builds', () => {
  it('a PDF for a .pdf name, a workbook otherwise', async () => {
    const workbook = spec('en');
    expect(
      Buffer.from(await buildExport('r.pdf', workbook))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(
      Buffer.from(await buildExport('r.xlsx', workbook))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('writes figures in the report language', () => {
    expect(cellFormat('sv').text(7650, 'money')).toBe('7\u00a0650,00');
    expect(cellFormat('en').text(7650, 'money')).toBe('7,650.00');
    expect(cellFormat('sv').text(12.5, 'percent')).toBe('12,5\u00a0%');
    expect(cellFormat('en').text(95, 'duration')).toBe('1:35');
    expect(cellFormat('en').text('2026-07-30T10:05:00Z', 'datetime')).toBe('2026-07-30 10:05');
  });
});
