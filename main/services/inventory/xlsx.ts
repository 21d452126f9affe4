/**
 * XLSX as users bring it, read straight from the package through the checked zip reader (zip-scan.ts)
 * and a streaming XML parser: no temporary files, every part's inflated bytes counted. The first sheet
 * in workbook order whose first rows hold the wanted header is read; title rows above the header are
 * allowed. Formula cells give their cached result and are never evaluated; rich text gives its text.
 * Rows keep only the header's columns, so a sparse sheet (one cell in column XFD) costs one cell, not
 * 16,384.
 */
import { analyseHeaders } from '../../../shared/inventory/aliases';
import type { CellValue } from '../../../shared/inventory/normalise';
import { UnusableFileError } from './errors';
import {
  cellValue,
  columnOf,
  readBook,
  readDateStyles,
  readSharedStrings,
  type CellContext,
} from './workbook-parts';
import { readXmlPart } from './xml-part';
import { openZip, type CheckedZip } from './zip-scan';

/** How far down a sheet the header row may be. */
const HEADER_SEARCH_ROWS = 30;
/** The widest header row looked for; cells further right are ignored while searching. */
const MAX_HEADER_COLUMNS = 1024;

export interface TableRow {
  row: number;
  cells: CellValue[];
  /** Values in columns beyond the header's: such a row is rejected, not read. */
  extra?: number;
}

export interface XlsxTable {
  sheet: string;
  headerRow: number;
  headers: string[];
  rows: TableRow[];
}

/** What a header row must hold: an inventory's by default (model and serial or device ID columns). */
export interface HeaderRule {
  isHeaderRow(texts: readonly string[]): boolean;
  /** "a model column together with a serial number or device ID column" */
  description: string;
}

export const INVENTORY_HEADER: HeaderRule = {
  isHeaderRow: (texts) => analyseHeaders(texts).missing.length === 0,
  description: 'a model column together with a serial number or device ID column',
};

const asText = (cells: readonly CellValue[]) =>
  Array.from(cells, (c) => (c instanceof Date ? c.toISOString() : (c ?? '')).trim());

const isEmpty = (cell: CellValue | undefined) => cell === null || cell === undefined || cell === '';

interface SheetSearch {
  maxRows: number;
  onRow?: ((count: number) => void) | undefined;
  rule: HeaderRule;
  /** The first non-empty row seen in any sheet, for the message when no header is found. */
  firstRow: string[] | null;
}

/** Reads one sheet: its header and rows, or null when its first rows hold no header. */
async function readSheet(
  zip: CheckedZip,
  path: string,
  context: CellContext,
  search: SheetSearch,
): Promise<Omit<XlsxTable, 'sheet'> | null> {
  const found: { header: { row: number; headers: string[] } | null } = { header: null };
  const rows: TableRow[] = [];
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let extra = 0;
  let column = -1;
  let cell = { type: '', style: 0 };
  let raw = '';
  let inline = '';
  let capture: 'v' | 't' | null = null;
  let isInline = false;
  let phonetic = 0;
  let hasGivenUp = false;

  const endRow = () => {
    if (!found.header) {
      const texts = asText(cells);
      if (search.firstRow === null && texts.some(Boolean)) search.firstRow = texts.filter(Boolean);
      if (search.rule.isHeaderRow(texts)) found.header = { row: rowNumber, headers: texts };
      else if (rowNumber >= HEADER_SEARCH_ROWS) hasGivenUp = true;
      return;
    }
    if (extra === 0 && cells.every(isEmpty)) return;
    if (rows.length >= search.maxRows)
      throw new UnusableFileError(
        `the sheet has more than ${search.maxRows.toLocaleString('en')} rows, the most one import takes`,
      );
    rows.push(extra > 0 ? { row: rowNumber, cells, extra } : { row: rowNumber, cells });
    if (rows.length % 10_000 === 0) search.onRow?.(rows.length);
  };

  await readXmlPart(
    zip,
    path,
    undefined,
    {
      open(name, attributes) {
        if (name === 'row') {
          const r = Number(attributes['r']);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          extra = 0;
          column = -1;
        } else if (name === 'c') {
          const reference = attributes['r'];
          column = reference ? columnOf(reference) : column + 1;
          cell = { type: attributes['t'] ?? 'n', style: Number(attributes['s'] ?? 0) };
          raw = '';
          inline = '';
        } else if (name === 'v') capture = 'v';
        else if (name === 'is') isInline = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && isInline && phonetic === 0) capture = 't';
      },
      text(value) {
        if (capture === 'v') raw += value;
        else if (capture === 't') inline += value;
      },
      close(name) {
        if (name === 'v' || name === 't') capture = null;
        else if (name === 'is') isInline = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'c') {
          const width = found.header ? found.header.headers.length : MAX_HEADER_COLUMNS;
          const value = cellValue(cell.type, cell.style, raw, inline, context);
          if (column < width) {
            while (cells.length < column) cells.push(null);
            cells[column] = value;
          } else if (found.header && !isEmpty(value)) extra++;
        } else if (name === 'row') endRow();
      },
    },
    () => hasGivenUp,
  );
  const { header } = found;
  return header ? { headerRow: header.row, headers: header.headers, rows } : null;
}

export async function readXlsx(
  bytes: Uint8Array,
  maxRows: number,
  onRow?: (count: number) => void,
  rule: HeaderRule = INVENTORY_HEADER,
): Promise<XlsxTable> {
  const zip = await openZip(bytes);
  try {
    const book = await readBook(zip);
    const context: CellContext = {
      strings: await readSharedStrings(zip),
      dateStyles: await readDateStyles(zip),
      is1904: book.is1904,
    };
    const search: SheetSearch = { maxRows, onRow, rule, firstRow: null };
    for (const sheet of book.sheets) {
      const table = await readSheet(zip, sheet.path, context, search);
      if (table) return { sheet: sheet.name, ...table };
    }
    const found = search.firstRow ?? [];
    throw new UnusableFileError(
      `no sheet has ${rule.description} in its first ${HEADER_SEARCH_ROWS} rows. Headers found: ${found.length ? found.join(', ') : 'none'}`,
    );
  } finally {
    zip.close();
  }
}
