/**
 * The replacement list read back from the bytes the writer builds (issue 24): cells typed (quantities
 * numbers, dates dates, text that looks like a formula still text), both languages, the total per
 * model, the print setup.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../../../main/services/workbook';
import { shippedCatalog, type EolRecord } from '../../../../shared/catalog';
import type { Language } from '../../../../shared/i18n';
import { lifecycleList, portfolioLifecycle } from '../../../../shared/inventory/lifecycle';
import {
  customerReplacements,
  portfolioReplacements,
  replacementWorkbook,
} from '../../../../shared/reports/lifecycle-layout';
import { videoDevice } from '../../../support/device';

const asOf = '2026-12-04';
const register: EolRecord[] = [
  {
    id: 'r1',
    model: 'Trio 8800',
    endOfSupport: '2027-02-28',
    notice: 'https://example.com/eol',
    note: '=HYPERLINK("http://evil")',
    source: 'Bulletin',
  },
  { id: 'r2', model: 'VVX 450', endOfSupport: '2026-10-31', endOfLife: '2028-05-31', source: 'B' },
];
const catalog = shippedCatalog([], register);
let serial = 0;
const many = (n: number, model: string, site: string) =>
  Array.from({ length: n }, () =>
    videoDevice(`R${++serial}`, '2026-12-01T00:00:00Z', { model, site }),
  );
const inventory = {
  devices: [
    ...many(3, 'Poly Trio 8800', 'HQ'),
    ...many(2, 'Poly Trio 8800', ''),
    ...many(4, 'Poly VVX 450', 'HQ'),
  ],
  inventoryAsOf: asOf,
  staleDays: null,
};
const list = lifecycleList(inventory, catalog, asOf, 3);

async function read(language: Language, noSite: string): Promise<ExcelJS.Worksheet> {
  const spec = replacementWorkbook(customerReplacements('Contoso AB', list, noSite), language);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await buildWorkbook(spec)) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};
const day = (date: string) => new Date(`${date}T00:00:00.000Z`);

describe('the replacement list workbook', () => {
  it('lists per site and model with typed cells, then the total per model, in English', async () => {
    const sheet = await read('en', 'No site');
    const rows = rowsOf(sheet);
    expect(sheet.name).toBe('Replacement list');
    expect(rows[0]).toEqual(['Replacement list · Contoso AB']);
    expect(rows).toContainEqual([
      'Site',
      'Model',
      'Quantity',
      'End of support',
      'End of life',
      'Reaches',
      'Source',
      'Note',
      'Notice link',
    ]);
    const hq = rows.find((r) => r[0] === 'HQ');
    expect(hq?.slice(0, 7)).toEqual([
      'HQ',
      'Poly Trio 8800',
      3,
      day('2027-02-28'),
      day('2028-06-30'),
      'End of support',
      'End of support: EOL register; End of life: Catalog',
    ]);
    expect(rows.find((r) => r[0] === 'No site')?.[2]).toBe(2);
    // The note stays text: no formula, no link.
    const noteCell = sheet.getRow(rows.indexOf(hq!) + 1).getCell(8);
    expect(noteCell.type).toBe(ExcelJS.ValueType.String);
    expect(noteCell.value).toBe('=HYPERLINK("http://evil")');
    expect(rows).toContainEqual(['Total per model']);
    expect(rows).toContainEqual([
      'Poly Trio 8800',
      5,
      day('2027-02-28'),
      day('2028-06-30'),
      'End of support: EOL register; End of life: Catalog',
      '=HYPERLINK("http://evil")',
    ]);
    // Support ended before the as-of date: listed apart.
    expect(rows).toContainEqual(['Support already ended']);
    expect(rows.find((r) => r[1] === 'Poly VVX 450')?.slice(0, 3)).toEqual([
      'HQ',
      'Poly VVX 450',
      4,
    ]);
  });

  it('prints landscape, fitted to the width, its header row repeated', async () => {
    const sheet = await read('en', 'No site');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    let header = 0;
    sheet.eachRow((row, n) => {
      if (header === 0 && row.getCell(1).value === 'Site') header = n;
    });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(sheet.pageSetup.printArea).toMatch(/^A1:I\d+$/);
  });

  it('is in Swedish, the same figures', async () => {
    const rows = rowsOf(await read('sv', 'Ingen plats'));
    expect(rows[0]).toEqual(['Ersättningslista · Contoso AB']);
    expect(rows).toContainEqual(expect.arrayContaining(['Plats', 'Modell', 'Antal', 'Källa']));
    expect(rows.find((r) => r[0] === 'Ingen plats')?.slice(2, 7)).toEqual([
      2,
      day('2027-02-28'),
      day('2028-06-30'),
      'Slut på support',
      'Slut på support: EOL-registret; Slut på livslängd: Katalogen',
    ]);
    expect(rows).toContainEqual(['Summa per modell']);
  });

  it('lists the portfolio per customer and model', () => {
    const rows = portfolioLifecycle(
      [{ customerId: 'c', customer: 'Contoso AB', ...inventory }],
      catalog,
      asOf,
      3,
    );
    const spec = replacementWorkbook(portfolioReplacements(rows, list), 'en');
    const sheet = spec.sheets[0]!;
    expect(sheet.columns[0]?.header).toBe('Customer');
    expect(sheet.rows).toEqual([
      [
        'Contoso AB',
        'Poly Trio 8800',
        5,
        '2027-02-28',
        '2028-06-30',
        'End of support',
        'End of support: EOL register; End of life: Catalog',
        '=HYPERLINK("http://evil")',
        'https://example.com/eol',
      ],
    ]);
  });
});
