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
import { readXmlPart } from './xml-part';
import { openZip, type CheckedZip } from './zip-scan';

/** How far down a sheet the header row may be. */
const HEADER_SEARCH_ROWS = 30;
/** The widest header row looked for; cells further right are ignored while searching. */
const MAX_HEADER_COLUMNS = 1024;
/** The most bytes the small parts (workbook, relationships, styles) may inflate to. */
const SMALL_PART_BYTES = 16 * 2 ** 20;

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

interface Book {
  sheets: { name: string; path: string }[];
  is1904: boolean;
}

const attribute = (attributes: Record<string, string>, name: string): string | undefined =>
  attributes[name] ?? Object.entries(attributes).find(([key]) => key.endsWith(`:${name}`))?.[1];

function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

async function readBook(zip: CheckedZip): Promise<Book> {
  const targets = new Map<string, string>();
  await readXmlPart(zip, 'xl/_rels/workbook.xml.rels', SMALL_PART_BYTES, {
    open(name, attributes) {
      const id = attributes['Id'];
      const target = attributes['Target'];
      if (name === 'Relationship' && id && target) targets.set(id, partPath(target));
    },
  });
  const book: Book = { sheets: [], is1904: false };
  await readXmlPart(zip, 'xl/workbook.xml', SMALL_PART_BYTES, {
    open(name, attributes) {
      if (name === 'workbookPr') book.is1904 = ['1', 'true'].includes(attributes['date1904'] ?? '');
      if (name !== 'sheet') return;
      const path = targets.get(attribute(attributes, 'id') ?? '');
      if (path && zip.names.has(path)) book.sheets.push({ name: attributes['name'] ?? '', path });
    },
  });
  return book;
}

/** Excel's built-in number formats that show a date or time. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Per cell style index: does it show a date? */
async function readDateStyles(zip: CheckedZip): Promise<boolean[]> {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let depth = 0;
  await readXmlPart(zip, 'xl/styles.xml', SMALL_PART_BYTES, {
    open(name, attributes) {
      if (name === 'numFmt')
        custom.set(Number(attributes['numFmtId']), isDateFormat(attributes['formatCode'] ?? ''));
      else if (name === 'cellXfs') depth++;
      else if (name === 'xf' && depth > 0) {
        const id = Number(attributes['numFmtId'] ?? 0);
        styles.push(custom.get(id) ?? DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') depth--;
    },
  });
  return styles;
}

/** Excel writes characters XML cannot hold as _xHHHH_. */
const unescapeOoxml = (text: string) =>
  text.includes('_x')
    ? text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      )
    : text;

async function readSharedStrings(zip: CheckedZip): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let isText = false;
  let phonetic = 0;
  await readXmlPart(zip, 'xl/sharedStrings.xml', undefined, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') isText = phonetic === 0;
    },
    text(value) {
      if (isText) current?.push(value);
    },
    close(name) {
      if (name === 't') isText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = null;
      }
    },
  });
  return strings;
}

/** "XFD12" → 16383 (0-based column). */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

const DAY_MS = 86_400_000;

/** An Excel date serial as the UTC instant it shows (1900 or 1904 date system). */
function serialDate(serial: number, is1904: boolean): Date {
  const days = is1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * DAY_MS));
}

interface CellContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  is1904: boolean;
}

function cellValue(
  type: string,
  style: number,
  raw: string,
  inline: string,
  context: CellContext,
): CellValue {
  switch (type) {
    case 's':
      return context.strings[Number(raw)] ?? null;
    case 'inlineStr':
      return unescapeOoxml(inline);
    case 'str':
      return unescapeOoxml(raw);
    case 'b':
      return raw === '1' ? 'true' : raw === '0' ? 'false' : null;
    case 'e':
      return null;
    case 'd': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? raw : date;
    }
    default: {
      if (raw.trim() === '') return null;
      const value = Number(raw);
      if (Number.isNaN(value)) return raw;
      if (context.dateStyles[style]) return serialDate(value, context.is1904);
      return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
    }
  }
}

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
