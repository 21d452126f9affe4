/**
 * A text column after one of figures or dates sits one indent in, its header too, so a printed sheet
 * never runs a count into the text beside it (the firmware sheet's 64 devices and version 8.0.9 read
 * "648.0.9" in LibreOffice's print).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../../../main/services/workbook';

async function firmwareSheet(): Promise<ExcelJS.Worksheet> {
  const bytes = await buildWorkbook({
    sheets: [
      {
        name: 'Firmware',
        columns: [
          { header: 'Model', type: 'text' },
          { header: 'Devices', type: 'number' },
          { header: 'Newest version', type: 'text' },
          { header: 'Last detected', type: 'date' },
          { header: 'Change', type: 'text' },
          { header: 'Site', type: 'text' },
        ],
        rows: [['Poly Blackwire 3320', 64, '8.0.9', '2026-11-18', 'New', 'HQ']],
      },
    ],
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.getWorksheet('Firmware')!;
}

describe('text beside figures', () => {
  it('sits one indent in after a number or a date, header and cells alike; elsewhere as written', async () => {
    const sheet = await firmwareSheet();
    let header: ExcelJS.Row | undefined;
    let data: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Model') header = row;
      if (row.getCell(1).value === 'Poly Blackwire 3320') data = row;
    });
    const indents = (row: ExcelJS.Row | undefined) =>
      [1, 2, 3, 4, 5, 6].map((n) => row?.getCell(n).alignment?.indent ?? 0);
    expect(indents(data)).toEqual([0, 0, 1, 0, 1, 0]);
    expect(indents(header)).toEqual([0, 0, 1, 0, 1, 0]);
    expect(data?.getCell(3).value).toBe('8.0.9');
  });
});
