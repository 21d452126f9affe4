/**
 * The parts of an XLSX package a sheet is read with: the workbook's sheets (in workbook order) and
 * date system, which cell styles show dates, the shared strings, and a cell's value as the user sees
 * it (a date as a date, a number as its digits, never scientific notation).
 */
import type { CellValue } from '../../../shared/inventory/normalise';
import { readXmlPart } from './xml-part';
import type { CheckedZip } from './zip-scan';

/** The most bytes the small parts (workbook, relationships, styles) may inflate to. */
const SMALL_PART_BYTES = 16 * 2 ** 20;

export interface Book {
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

export async function readBook(zip: CheckedZip): Promise<Book> {
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
export async function readDateStyles(zip: CheckedZip): Promise<boolean[]> {
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

export async function readSharedStrings(zip: CheckedZip): Promise<string[]> {
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
export function columnOf(reference: string): number {
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

export interface CellContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  is1904: boolean;
}

export function cellValue(
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
