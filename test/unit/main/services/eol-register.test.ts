/**
 * Reading an end-of-life register file (README, "The end-of-life register"): English and Swedish headers, CSV with
 * either separator and a BOM, XLSX with date cells, every problem with its row and column, and the
 * plan of what an import adds, changes and keeps.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UnusableFileError } from '../../../../main/services/inventory/errors';
import { parseEolRegisterFile } from '../../../../main/services/eol-register';
import { planEolImport } from '../../../../shared/eol-register-file';
import type { EolRecord } from '../../../../shared/catalog';

const utf8 = (text: string) => new TextEncoder().encode(text);
const NOTICE = 'https://www.poly.com/eol/trio-8800';
/** The Trio 8800's dates as every file of these tests gives them. */
const TRIO_DATES = {
  model: 'Trio 8800',
  endOfSale: '2025-06-30',
  endOfSupport: '2026-12-31',
  endOfLife: '2027-12-31',
};

describe('a CSV register', () => {
  it('reads English headers, comma-separated, with a BOM', async () => {
    const parsed = await parseEolRegisterFile(
      utf8(
        `\uFEFFModel,End of sale,End of support,End of life,Notice,Note\r\n` +
          `Trio 8800,2025-06-30,2026-12-31,2027-12-31,${NOTICE},Replace with Trio C60\r\n` +
          `VVX 450,,,2027-03-31,,\r\n`,
      ),
      'poly-eol.csv',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines).toEqual([
      { ...TRIO_DATES, notice: NOTICE, note: 'Replace with Trio C60' },
      { model: 'VVX 450', endOfLife: '2027-03-31' },
    ]);
  });

  it('reads Swedish headers, semicolon-separated, and the aliases', async () => {
    const parsed = await parseEolRegisterFile(
      utf8(
        'Modell;Slutförsäljning;Slut på support;Slut på livslängd;Bulletin;Anteckning\n' +
          'Trio 8800;2025-06-30;2026-12-31;2027-12-31;;Byt mot Trio C60\n',
      ),
      'livscykel.csv',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines[0]).toMatchObject({ model: 'Trio 8800', note: 'Byt mot Trio C60' });
    const aliases = await parseEolRegisterFile(
      utf8('product,EOS,end-of-support,EOL,link\nStudio X30,2026-01-31,2027-01-31,2028-01-31,\n'),
      'aliases.csv',
    );
    expect(aliases.lines).toEqual([
      {
        model: 'Studio X30',
        endOfSale: '2026-01-31',
        endOfSupport: '2027-01-31',
        endOfLife: '2028-01-31',
      },
    ]);
  });

  it('names the row and column of each problem: a bad date, a date order, a duplicate, a notice', async () => {
    const parsed = await parseEolRegisterFile(
      utf8(
        'Model,End of support,End of life,Notice\n' +
          'Trio 8800,2026-12-31,2027-02-30,\n' +
          'VVX 450,2027-12-31,2027-01-31,\n' +
          ' trio  8800 ,,2028-01-31,\n' +
          'CCX 400,,2028-01-31,javascript:alert(1)\n' +
          ',,2028-01-31,\n',
      ),
      'bad.csv',
    );
    expect(parsed.problems).toEqual([
      { row: 2, column: 'End of life', issue: { field: 'endOfLife', code: 'date' } },
      {
        row: 3,
        column: 'End of life',
        issue: { field: 'endOfLife', code: 'order', before: 'endOfSupport' },
      },
      {
        row: 4,
        column: 'Model',
        issue: { field: 'model', code: 'duplicate', model: 'Trio 8800' },
      },
      { row: 5, column: 'Notice', issue: { field: 'notice', code: 'notice' } },
      { row: 6, column: 'Model', issue: { field: 'model', code: 'required' } },
    ]);
  });

  it('refuses a file with no model column, naming it', async () => {
    const error = await parseEolRegisterFile(utf8('Name,Date\nx,2026-01-01\n'), 'other.csv').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnusableFileError);
    expect((error as Error).message).toMatch(/other\.csv is not an end-of-life register.*"Model"/);
  });
});

describe('an XLSX register', () => {
  it('reads date cells and text dates under Swedish headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Livscykel');
    sheet.addRow(['Modell', 'Slutförsäljning', 'Slut på support', 'Slut på livslängd']);
    sheet.addRow([
      'Trio 8800',
      new Date(Date.UTC(2025, 5, 30)),
      '2026-12-31',
      new Date(Date.UTC(2027, 11, 31)),
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseEolRegisterFile(bytes, 'livscykel.xlsx');
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines).toEqual([TRIO_DATES]);
  });
});

describe('the import plan', () => {
  it('adds new models, changes a line that differs (old and new), and keeps the rest', () => {
    const register: EolRecord[] = [
      { id: 'a', model: 'Trio 8800', endOfLife: '2027-12-31', source: 'Karin' },
      { id: 'b', model: 'VVX 450', endOfLife: '2027-03-31', source: 'Karin' },
      { id: 'c', model: 'CCX 400', endOfLife: '2029-01-31', source: 'Karin' },
    ];
    const plan = planEolImport(
      {
        file: 'poly.csv',
        lines: [
          { model: 'trio 8800', endOfLife: '2027-06-30' },
          { model: 'VVX 450', endOfLife: '2027-03-31' },
          { model: 'Studio X30', endOfLife: '2028-01-31' },
        ],
      },
      register,
      () => 'new',
    );
    expect(plan.added).toEqual([
      { id: 'new', model: 'Studio X30', endOfLife: '2028-01-31', source: 'poly.csv' },
    ]);
    expect(plan.changed).toEqual([
      {
        before: register[0],
        after: { id: 'a', model: 'trio 8800', endOfLife: '2027-06-30', source: 'poly.csv' },
        fields: ['model', 'endOfLife'],
      },
    ]);
    expect(plan.kept.map((k) => k.id)).toEqual(['b', 'c']);
  });
});
