// The CSV reader splits a plain line at once and reads a line with quotes character by character:
// both ways must give the same rows.
import { describe, expect, it } from 'vitest';
import { readCsvRows, type CsvRow } from '../../../../../main/services/inventory/csv';

const rowsOf = (text: string) => {
  const rows: CsvRow[] = [];
  readCsvRows(text, 1_000, (row) => rows.push({ ...row, cells: [...row.cells] }));
  return rows;
};

/** A small deterministic generator of messy CSV lines. */
function lines(seed: number, count: number, sep: string): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
  const values = ['', 'Poly Trio 8800', ' spaced ', 'a,b', 'x;y', 'quote "q"', '=1+1', 'Ö-site'];
  return Array.from({ length: count }, () => {
    const width = 3 + next(4);
    return Array.from({ length: width }, () => {
      const value = values[next(values.length)]!;
      const needsQuotes = value.includes(sep) || value.includes('"') || next(5) === 0;
      return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
    }).join(sep);
  });
}

describe('reading CSV lines', () => {
  it.each([',', ';', '\t'])(
    'gives the same rows split at once as read one character at a time (%j)',
    (sep) => {
      const header = ['Model', 'Serial', 'Site', 'Room', 'Account'].join(sep);
      const body = lines(7, 300, sep);
      // The same lines made longer than a line split at once may be: empty columns beyond the header.
      const long = sep.repeat(2100);
      for (const eol of ['\n', '\r\n']) {
        const quick = rowsOf([header, ...body, ''].join(eol));
        const careful = rowsOf([header + long, ...body.map((l) => l + long), ''].join(eol));
        // A short line read with the empty columns after it has them as empty values: the same row.
        const padded = (rows: CsvRow[]) =>
          rows.map((r) => ({ ...r, cells: [...r.cells, '', '', '', '', ''].slice(0, 5) }));
        expect(padded(quick)).toEqual(padded(careful));
        expect(quick.length).toBeGreaterThan(250);
      }
    },
  );

  it('counts values beyond the header and skips blank lines, keeping their numbers', () => {
    const rows = rowsOf('Model,Serial\nTrio,1\n\nTrio,2,extra,\nTrio,3,,\n');
    expect(rows).toEqual([
      { row: 1, cells: ['Model', 'Serial'] },
      { row: 2, cells: ['Trio', '1'] },
      { row: 4, cells: ['Trio', '2'], extra: 1 },
      { row: 5, cells: ['Trio', '3'] },
    ]);
  });

  it('refuses a header wider than it takes, however the line is read', () => {
    const wide = Array.from({ length: 1100 }, (_, k) => `c${k}`).join(',');
    expect(() => rowsOf(`${wide}\nx\n`)).toThrow(/more than 1,024 columns/);
  });
});
