/**
 * CSV as real exports write it: RFC 4180 quoting, CRLF, LF or CR, a `sep=;` first line, and the
 * separator (comma, semicolon or tab) detected from the header. Rows carry their number as a
 * spreadsheet shows it: the header is row 1 (a `sep=` line is not shown by Excel, so not counted).
 */
import { UnusableFileError } from './errors';

export type Separator = ',' | ';' | '\t';

/** Excel's limit for one cell; a longer value means a broken file, not data. */
export const MAX_CELL_CHARS = 32_767;

/** The longest line split at once; a Lens export's lines are a few hundred characters. */
const SPLIT_LINE_CHARS = 2048;

/** The widest header taken; an inventory or register has a few dozen columns. */
export const MAX_COLUMNS = 1024;

export interface CsvRow {
  row: number;
  cells: string[];
  /** Values in columns beyond the header's (only data rows keep the header's width). */
  extra?: number;
}

export interface CsvTable {
  separator: Separator;
  /** Rows with their spreadsheet row numbers; blank lines are skipped but keep their numbers. */
  rows: CsvRow[];
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let isQuoted = false;
  for (const c of line) {
    if (c === '"') isQuoted = !isQuoted;
    else if (c === char && !isQuoted) count++;
  }
  return count;
}

/** The separator that splits the header line most; comma when none does. */
export function detectSeparator(headerLine: string): Separator {
  const candidates: Separator[] = [',', ';', '\t'];
  const counts = candidates.map((c) => countOutsideQuotes(headerLine, c));
  const best = Math.max(...counts);
  return best === 0 ? ',' : (candidates[counts.indexOf(best)] ?? ',');
}

/** The whole table at once (a contract register, a test); an import reads rows as they come. */
export function parseCsv(text: string, maxRows: number): CsvTable {
  const rows: CsvRow[] = [];
  const separator = readCsvRows(text, maxRows, (row) => rows.push(row));
  return { separator, rows };
}

/**
 * Reads the rows one by one: `onRow` gets each non-blank row as it is read, the header first, and
 * nothing is kept, so a large export is never held as a table. Answers the separator.
 */
export function readCsvRows(
  text: string,
  maxRows: number,
  onRow: (row: CsvRow, separator: Separator) => void,
): Separator {
  let start = 0;
  let separator: Separator | null = null;
  const sepLine = /^sep=(.)\r?\n?/i.exec(text.slice(0, 8));
  if (sepLine) {
    const char = sepLine[1];
    if (char !== ',' && char !== ';' && char !== '\t')
      throw new UnusableFileError(
        `line 1: "sep=${char}" names a separator other than comma, semicolon or tab`,
      );
    separator = char;
    start = sepLine[0].length;
  }
  if (separator === null) {
    const end = text.slice(start).search(/\r|\n/);
    separator = detectSeparator(text.slice(start, end === -1 ? undefined : start + end));
  }
  const sep = separator.charCodeAt(0);
  let count = 0;
  let row = 1;
  let cells: string[] = [];
  let extra = 0;
  let field = '';
  // Until the header is read, as wide as MAX_COLUMNS; then as wide as the header's named columns, so
  // thousands of empty trailing columns cost nothing.
  let width = MAX_COLUMNS;
  let i = start;
  const n = text.length;
  const addCell = (value: string) => {
    if (cells.length < width) cells.push(value);
    else if (value !== '') {
      if (count === 0)
        throw new UnusableFileError(
          `row ${row}: the header has more than ${MAX_COLUMNS.toLocaleString('en')} columns, more than a table of devices or contracts has`,
        );
      extra++;
    }
  };
  const endField = () => {
    addCell(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (extra > 0 || cells.some((cell) => cell !== '')) {
      if (count >= maxRows)
        throw new UnusableFileError(
          `the file has more than ${maxRows.toLocaleString('en')} rows, the most one import takes`,
        );
      if (count === 0) {
        while (cells.length > 1 && cells.at(-1)?.trim() === '') cells.pop();
        width = cells.length;
      }
      count++;
      onRow(extra > 0 ? { row, cells, extra } : { row, cells }, separator);
    }
    cells = [];
    extra = 0;
    row++;
  };
  /**
   * At a row's start: a line with no quote (nearly every line of an export) is split at once, natively;
   * a line with a quote or a lone CR, or a very long one, goes the careful way, character by character.
   */
  let newline = -1;
  const splitLine = (): boolean => {
    // The next LF, found once per line (a file of CR line ends has none: it is looked for once).
    if (newline < i) {
      const at = text.indexOf('\n', i);
      newline = at === -1 ? n : at;
    }
    const end = newline;
    // A line longer than an export's (thousands of empty columns) is not split into as many values.
    if (end - i > SPLIT_LINE_CHARS) return false;
    const line = text.slice(i, end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line.includes('"') || line.includes('\r')) return false;
    const parts = line.split(separator);
    field = parts.pop() ?? '';
    // A row no wider than the header is its cells as they are; a wider one is taken cell by cell.
    if (parts.length <= width) cells = parts;
    else for (const part of parts) addCell(part);
    endRow();
    i = end + 1;
    return true;
  };
  while (i < n) {
    if (cells.length === 0 && field === '' && splitLine()) continue;
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && field === '') {
      const opened = row;
      let value = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1)
          throw new UnusableFileError(
            `row ${opened}: a quoted value is never closed (unbalanced " at the end of the file)`,
          );
        value += text.slice(i, close);
        if (text.charCodeAt(close + 1) === 34) {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
        if (value.length > MAX_CELL_CHARS) break;
      }
      if (value.length > MAX_CELL_CHARS)
        throw new UnusableFileError(
          `row ${opened}: a value is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters, Excel's limit for a cell`,
        );
      field = value;
      // Text between a closing quote and the next separator is kept, as Excel does.
      while (
        i < n &&
        text.charCodeAt(i) !== sep &&
        text.charCodeAt(i) !== 10 &&
        text.charCodeAt(i) !== 13
      )
        field += text[i++];
      continue;
    }
    if (c === sep) {
      endField();
      i++;
    } else if (c === 10 || c === 13) {
      endRow();
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      let next = i;
      while (next < n) {
        const d = text.charCodeAt(next);
        if (d === sep || d === 10 || d === 13) break;
        next++;
      }
      field += text.slice(i, next);
      if (field.length > MAX_CELL_CHARS)
        throw new UnusableFileError(
          `row ${row}: a value is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters, Excel's limit for a cell`,
        );
      i = next;
    }
  }
  if (field !== '' || cells.length > 0) endRow();
  return separator;
}
