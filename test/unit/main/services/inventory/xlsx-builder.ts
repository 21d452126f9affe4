/**
 * Workbooks written part by part, so tests can make the ones Excel never would: sparse rows in column
 * XFD, lying sizes, parts that are not what they claim.
 */
import { buildZip, type ZipEntry } from './zip-builder';

export const xmlText = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A row of inline-string cells at the given columns ("A", "XFD"…). */
export function sheetRow(row: number, cells: Record<string, string>): string {
  const xml = Object.entries(cells)
    .map(
      ([column, value]) =>
        `<c r="${column}${row}" t="inlineStr"><is><t>${xmlText(value)}</t></is></c>`,
    )
    .join('');
  return `<row r="${row}">${xml}</row>`;
}

export function sheetXml(rows: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** A one-sheet workbook around `sheet` (its XML, or its entry when its sizes should lie). */
export function workbookZip(sheet: string | Omit<ZipEntry, 'name'>): Buffer {
  const sheetEntry = typeof sheet === 'string' ? { data: Buffer.from(sheet) } : sheet;
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Devices" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', ...sheetEntry },
  ]);
}
