/** The import's parsing against the bad inputs of reliability.md §5.2 and the dialects of FORMATS.md §1. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UnusableFileError } from '../../../../../main/services/inventory/errors';
import { parseCsv } from '../../../../../main/services/inventory/csv';
import { parseInventory, type ParseOptions } from '../../../../../main/services/inventory/parse';
import { readEntries, writeZip } from '../../../../../main/services/zip-entries';
import { openZip } from '../../../../../main/services/inventory/zip-scan';
import { buildZip } from './zip-builder';

const options: ParseOptions = { fileName: 'lens.csv', locale: 'sv-SE', today: '2026-11-25' };
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (bytes: Uint8Array, extra: Partial<ParseOptions> = {}) =>
  parseInventory(bytes, { ...options, ...extra });
const refusal = async (bytes: Uint8Array, extra: Partial<ParseOptions> = {}) => {
  const error = await parse(bytes, extra).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnusableFileError);
  return (error as Error).message;
};

const HEADER =
  'Device Name,Device Model,Serial Number,Software Version,Status,Last Detected,Site,Room,Account';
const ROWS = [
  'Board,Poly Studio X50,8L1000000001,4.2.0,Online,2026-07-30T08:21:07Z,Malmö HQ,Rum 1,Contoso AB',
  'Desk,Poly Voyager Focus 2 UC,2M0000000004,1.2.3,Offline,2026-07-29T10:00:00Z,Malmö HQ,-,Contoso AB',
  'Phone,Poly CCX 400,0004F2000003,8.1,,2026-07-31T17:45:00Z,Göteborg,,Contoso AB',
];

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('encodings and separators (B01–B06)', () => {
  it('B01: strips the UTF-8 BOM from the first header', async () => {
    const parsed = await parse(utf8(`\uFEFF${HEADER}\r\n${ROWS.join('\r\n')}\r\n`));
    expect(parsed.headers[0]).toBe('Device Name');
    expect(parsed).toMatchObject({
      format: 'csv',
      encoding: 'utf-8-bom',
      delimiter: ',',
      rows: 3,
      asOf: '2026-07-31',
    });
    expect(parsed.summary.counts).toEqual({ headsets: 1, video: 1, voice: 1 });
  });

  it('B02: reads Windows-1252 with å ä ö and € intact', async () => {
    const text = `Enhetsmodell;Serienummer;Plats;Enhetsnamn\r\nPoly Studio X50;A1;Malmö Åsgatan;Möte € Ö\r\n`;
    const parsed = await parse(iconv.encode(text, 'win1252'));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.devices[0]).toMatchObject({ site: 'Malmö Åsgatan', name: 'Möte € Ö' });
    expect(JSON.stringify(parsed.devices)).not.toContain('\uFFFD');
  });

  it('B03: reads UTF-16LE with BOM, tab-separated', async () => {
    const text = `device_model\tserial_number\tsite_name\r\nPoly CCX 600\tS1\tÖrebro\r\n`;
    const parsed = await parse(iconv.encode(text, 'utf16le', { addBOM: true }));
    expect(parsed).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(parsed.devices[0]?.site).toBe('Örebro');
  });

  it('B04/B05: takes `sep=;` and quoted values holding the separator; the sep line is not a row', async () => {
    const text = `sep=;\r\nModell;Serienummer;Enhetsnamn\r\nPoly Trio C60;T1;"Rum; stora"\r\nPoly Trio C60;;x\r\n`;
    const parsed = await parse(utf8(text));
    expect(parsed.delimiter).toBe(';');
    expect(parsed.devices[0]?.name).toBe('Rum; stora');
    expect(parsed.rejected).toEqual([{ row: 3, reason: 'no serial number or device ID' }]);
  });

  it('B06: gives the same devices for CRLF, LF, CR and no final newline', async () => {
    const variants = ['\r\n', '\n', '\r'].map((eol) => [HEADER, ...ROWS].join(eol));
    const results = await Promise.all(variants.map((v) => parse(utf8(v))));
    for (const r of results) expect(r.devices).toEqual(results[0]?.devices);
  });
});

describe('quoting, ragged rows and headers (B07–B11)', () => {
  it('B07: keeps embedded newlines and doubled quotes; numbers rows as a spreadsheet does', async () => {
    const text = `Model,Serial,Device Name\n"Poly Studio X50",A1,"Line 1\nLine 2 ""quoted"""\nPoly Studio X50,,no id\n`;
    const parsed = await parse(utf8(text));
    expect(parsed.devices[0]?.name).toBe('Line 1\nLine 2 "quoted"');
    expect(parsed.rejected).toEqual([{ row: 3, reason: 'no serial number or device ID' }]);
  });

  it('B07: refuses an unbalanced quote at the end with its row', async () => {
    expect(await refusal(utf8(`Model,Serial\nPoly Studio X50,A1\nPoly Studio X50,"A2\n`))).toMatch(
      /row 3: a quoted value is never closed/,
    );
  });

  it('B08: ignores Excel’s trailing separators and rejects rows with real extra values', async () => {
    const text = `Modell;Serienummer;Plats\r\nPoly CCX 400;A1;Kista;;;\r\nPoly CCX 400;A2;Kista;;extra\r\nPoly CCX 400;A3\r\n`;
    const parsed = await parse(utf8(text));
    expect(parsed.devices.map((d) => d.serial)).toEqual(['A1', 'A3']);
    expect(parsed.rejected).toEqual([
      { row: 3, reason: "the row has a value beyond the header's 3 columns" },
    ]);
  });

  it('B09: maps headers with spaces, NBSP and Swedish names; the first of two same headers wins', async () => {
    const text = `Device\u00a0Model ,SERIAL NUMBER,Serienummer,Plats\nPoly G7500,G1,ignored,Luleå\n`;
    const parsed = await parse(utf8(text));
    expect(parsed.mapping).toMatchObject({ model: 0, serial: 1, site: 3 });
    expect(parsed.devices[0]?.serial).toBe('G1');
  });

  it('B09: refuses a file without the needed columns, naming what is missing and the headers found', async () => {
    expect(await refusal(utf8(`Laite,Sarjanumero\nPoly G7500,G1\n`))).toBe(
      'the file has no model column and neither a serial number nor a device ID column, so nothing can be imported. Headers found: Laite, Sarjanumero',
    );
    expect(await refusal(utf8(`Model,Site\nPoly G7500,X\n`))).toMatch(
      /^the file has neither a serial number nor a device ID column.*Headers found: Model, Site$/,
    );
  });

  it('B10: keeps formula-like text verbatim', async () => {
    const names = ["=cmd|' /c calc'!A1", '+1+1', '-1+1', '@SUM(1)', '\t=1', '＝1+1'];
    const text = `Model,Serial,Device Name\n${names.map((n, i) => `Poly CCX 400,F${i},"${n}"`).join('\n')}\n`;
    expect((await parse(utf8(text))).devices.map((d) => d.name)).toEqual(
      names.map((n) => n.trim()),
    );
  });

  it('B11: keeps IDs exactly as written', async () => {
    const serials = ['000123', '1E10', '356938035643809', '89460800000000000001', 'AB 12 CD'];
    const text = `Model,Serial\n${serials.map((s) => `Poly CCX 400,${s}`).join('\n')}\n`;
    expect((await parse(utf8(text))).devices.map((d) => d.serial)).toEqual(serials);
  });
});

describe('dates (B12, B26)', () => {
  const file = (values: string[]) =>
    utf8(
      `Model,Serial,Last Detected\n${values.map((v, i) => `Poly CCX 400,D${i},${v}`).join('\n')}\n`,
    );

  it('B12: reads every format FORMATS.md lists', async () => {
    const parsed = await parse(
      file([
        '2026-04-03',
        '2026-04-03 14:05',
        '03.04.2026 14:05',
        '2026-04-03T14:05:00+02:00',
        '2026-04-03T12:05:00Z',
      ]),
    );
    expect(parsed.devices.map((d) => d.lastDetected)).toEqual([
      '2026-04-03T00:00:00Z',
      '2026-04-03T14:05:00Z',
      '2026-04-03T14:05:00Z',
      '2026-04-03T12:05:00Z',
      '2026-04-03T12:05:00Z',
    ]);
  });

  it('B12: decides day/month order for the whole file: a day above 12, else AM/PM, else the locale', async () => {
    expect(
      (await parse(file(['04/03/2026 09:00', '25/03/2026 09:00']))).devices[0]?.lastDetected,
    ).toBe('2026-03-04T09:00:00Z');
    expect(
      (await parse(file(['04/03/2026 09:00 PM', '03/25/2026 09:00 AM']))).devices[0]?.lastDetected,
    ).toBe('2026-04-03T21:00:00Z');
    expect((await parse(file(['04/03/2026 12:30 AM']))).devices[0]?.lastDetected).toBe(
      '2026-04-03T00:30:00Z',
    );
    expect((await parse(file(['04/03/2026']), { locale: 'sv-SE' })).dateOrder).toBe('dmy');
    expect((await parse(file(['04/03/2026']), { locale: 'en-US' })).dateOrder).toBe('mdy');
    expect(await refusal(file(['25/03/2026', '03/25/2026']))).toMatch(
      /mixes day-first and month-first/,
    );
  });

  it('B12: rejects rows whose date is not one (two-digit years, serial numbers, impossible dates)', async () => {
    const parsed = await parse(file(['03.04.26', '45750', '2026-02-30', '13:00', '']));
    expect(parsed.rejected.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(parsed.rejected[0]?.reason).toBe('Last Detected "03.04.26" is not a date');
    expect(parsed.devices).toHaveLength(1);
  });

  it('lists every rejection in row order, each with the first reason its row meets', async () => {
    // Dates are read once the file's day/month order is known, after the other checks of each row.
    const parsed = await parse(
      utf8(
        [
          'Model,Serial,Last Detected',
          'Poly CCX 400,A1,2026-02-30',
          ',A2,2026-02-30',
          'Poly CCX 400,A3,2026-03-01,surplus',
          'Poly CCX 400,A4,31/03/2026',
          'Poly CCX 400,A5,not a date',
        ].join('\n'),
      ),
    );
    expect(parsed.rejected).toEqual([
      { row: 2, reason: 'Last Detected "2026-02-30" is not a date' },
      { row: 3, reason: 'no model' },
      { row: 4, reason: "the row has a value beyond the header's 3 columns" },
      { row: 6, reason: 'Last Detected "not a date" is not a date' },
    ]);
    expect(parsed.devices.map((d) => [d.serial, d.lastDetected])).toEqual([
      ['A4', '2026-03-31T00:00:00Z'],
    ]);
  });

  it('B26: gives the same dates in every time zone, for text dates and Excel date cells', async () => {
    const workbook = await xlsx((wb) => {
      const sheet = wb.addWorksheet('Devices');
      sheet.addRow(['Model', 'Serial', 'Last Detected']);
      sheet.addRow(['Poly CCX 400', 'X1', new Date(Date.UTC(2026, 6, 31, 23, 30))]);
      sheet.getCell('C2').numFmt = 'yyyy-mm-dd hh:mm';
    });
    const results = [];
    const original = process.env['TZ'];
    for (const tz of ['Europe/Helsinki', 'Europe/Stockholm', 'UTC', 'America/Los_Angeles']) {
      process.env['TZ'] = tz;
      results.push([
        (await parse(file(['2026-07-31 23:30']))).asOf,
        (await parse(workbook)).devices[0]?.lastDetected,
      ]);
    }
    process.env['TZ'] = original;
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify(['2026-07-31', '2026-07-31T23:30:00Z'])]),
    );
  });
});

describe('empty, huge and binary files (B13–B17)', () => {
  it.each([
    [new Uint8Array(), /empty: no data/],
    [utf8('\uFEFF'), /no rows: no data/],
    [utf8('Model,Serial\r\n'), /header but no data rows: no data/],
    [utf8('\r\n\r\n'), /no rows: no data/],
  ])('B13: says there is no data (%#)', async (bytes, message) => {
    expect(await refusal(bytes)).toMatch(message);
  });

  it('B14: refuses a value longer than Excel’s cell limit, with its row', async () => {
    expect(
      await refusal(utf8(`Model,Serial\nPoly CCX 400,A1\nPoly CCX 400,${'x'.repeat(40_000)}\n`)),
    ).toMatch(/^row 3: a value is longer than 32,767 characters/);
    expect(await refusal(utf8(`Model,Serial\nPoly CCX 400,"${'x'.repeat(40_000)}"\n`))).toMatch(
      /^row 2: a value is longer/,
    );
  });

  it('B15: refuses more rows than one import takes, before reading them all', () => {
    const text = `Model,Serial\n${Array.from({ length: 11 }, (_, i) => `Poly CCX 400,S${i}`).join('\n')}`;
    expect(() => parseCsv(text, 10)).toThrow(/more than 10 rows/);
  });

  it('B16: rejects NUL-byte files; strips invisible characters from identities and matches NFC/NFD', async () => {
    expect(await refusal(utf8('Model,Serial\nPoly\u0000 X,A\n'))).toMatch(/NUL bytes/);
    const text = `Model,Serial,Device Name\nPoly CCX 400,\u200bAB\u202e12,rtl\nPoly CCX 400,AB12,plain\nPoly CCX 400,S\u0007X,bell\nPoly CCX 400,Å1,nfc\nPoly CCX 400,A\u030a1,nfd\n`;
    const parsed = await parse(utf8(text));
    expect(parsed.duplicates.map((d) => [d.id, d.rows])).toEqual([
      ['AB12', [2, 3]],
      ['Å1', [5, 6]],
    ]);
    expect(parsed.rejected).toEqual([
      { row: 4, reason: 'the serial number or device ID contains control characters' },
    ]);
  });

  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG image, not a spreadsheet/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], /PDF document, not a spreadsheet/],
  ])('B17: refuses a renamed binary by its first bytes (%#)', async (head, message) => {
    expect(
      await refusal(new Uint8Array([...head, 1, 2, 3]), { fileName: 'inventory.xlsx' }),
    ).toMatch(message);
  });
});

describe('duplicates (B18, B33)', () => {
  it('B18: one device per serial, case and spaces ignored, the latest Last Detected kept', async () => {
    const text = `Model,Serial,Last Detected,Site\nPoly CCX 400,ab1,2026-07-01,Old\nPoly CCX 400, AB1 ,2026-07-30,New\nPoly CCX 400,AB1,,Never\n`;
    const parsed = await parse(utf8(text));
    expect(parsed.devices).toHaveLength(1);
    expect(parsed.devices[0]?.site).toBe('New');
    expect(parsed.duplicates).toEqual([{ id: 'AB1', rows: [2, 3, 4], keptRow: 3 }]);
  });

  it('B33: the same file gives the same hash; reordered rows give the same devices', async () => {
    const a = await parse(utf8([HEADER, ...ROWS].join('\n')));
    const b = await parse(utf8([HEADER, ...ROWS].join('\n')));
    const c = await parse(utf8([HEADER, ...[...ROWS].reverse()].join('\n')));
    expect(a.contentHash).toBe(b.contentHash);
    expect(c.contentHash).not.toBe(a.contentHash);
    const byId = (p: typeof a) => [...p.devices].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(c)).toEqual(byId(a));
  });
});

describe('XLSX and the zip pre-scan (B19–B23, B27, B30)', () => {
  it('names the sheet even when the workbook part comes after the sheets and shared strings', async () => {
    const written = await xlsx((wb) => {
      wb.addWorksheet('Read me').addRow(['Notes']);
      wb.addWorksheet('Enheter').addRows([
        ['Device Model', 'Serial Number'],
        ['Poly Studio X52', 'S1'],
      ]);
    });
    // Shared strings and the relationships first, then the sheets, the workbook part last.
    const rank = (name: string) =>
      name === 'xl/workbook.xml'
        ? 3
        : name.startsWith('xl/worksheets/')
          ? 2
          : name.includes('sharedStrings') || name.includes('_rels')
            ? 1
            : 0;
    const entries = (await readEntries(written)).sort((a, b) => rank(a.name) - rank(b.name));
    const parsed = await parse(writeZip(entries), { fileName: 'ordered.xlsx' });
    expect(parsed).toMatchObject({ sheet: 'Enheter', rows: 1 });
  });

  it('reads the first sheet with a model header, below title rows, with typed cells', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Read me').addRow(['This export was made by Poly Lens']);
      const sheet = wb.addWorksheet('Devices');
      sheet.addRow(['Poly Lens – Device inventory']);
      sheet.addRow([]);
      sheet.addRow(['Device Model', 'Serial Number', 'Site', 'Status', 'Last Detected']);
      sheet.addRow([
        'Poly Studio X52',
        123456789012,
        { richText: [{ text: 'Kista ' }, { text: 'Gård' }] },
        true,
        new Date(Date.UTC(2026, 10, 2, 8)),
      ]);
      sheet.addRow([
        'Poly Studio X52',
        'S2',
        { formula: 'A1', result: 'Cached site' },
        'Offline',
        null,
      ]);
    });
    const parsed = await parse(bytes, { fileName: 'lens.xlsx' });
    expect(parsed).toMatchObject({
      format: 'xlsx',
      sheet: 'Devices',
      headerRow: 3,
      rows: 2,
      asOf: '2026-11-02',
    });
    expect(parsed.devices.map((d) => [d.serial, d.site, d.online])).toEqual([
      ['123456789012', 'Kista Gård', true],
      ['S2', 'Cached site', false],
    ]);
  });

  it('refuses a workbook whose sheets have no model header, listing what it found', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('Data').addRow(['Name', 'Colour']));
    expect(await refusal(bytes)).toMatch(
      /no sheet has a model column.*Headers found: Name, Colour/,
    );
  });

  const xml = Buffer.from('<x/>');
  it.each([
    [
      'B19: a part that inflates 1,000:1',
      [
        {
          name: 'xl/sharedStrings.xml',
          data: Buffer.alloc(400 * 1024),
          declaredSize: 400 * 2 ** 20,
        },
      ],
      /zip bomb/,
    ],
    [
      'B20: a 700 MB part',
      [
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.alloc(8 * 2 ** 20),
          declaredSize: 700 * 2 ** 20,
        },
      ],
      /inflate to 700 MB/,
    ],
    [
      'B30: a path outside the archive',
      [{ name: '../../evil.xml', data: xml }],
      /points outside the archive/,
    ],
    ['B30: an absolute path', [{ name: '/etc/evil.xml', data: xml }], /points outside the archive/],
    [
      'B30: a backslash path',
      [{ name: 'xl\\..\\..\\evil.xml', data: xml }],
      /points outside the archive/,
    ],
    [
      'B30: a duplicate name',
      [
        { name: 'xl/workbook.xml', data: xml },
        { name: 'xl/workbook.xml', data: xml },
      ],
      /twice/,
    ],
    [
      'B30: more than 10,000 entries',
      Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}.xml`, data: xml })),
      /10,001 parts/,
    ],
    ['a zip that is no workbook', [{ name: 'readme.txt', data: xml }], /not an Excel workbook/],
  ])(
    '%s is refused by the directory check, before anything is inflated',
    async (_name, entries, message) => {
      const bytes = new Uint8Array(buildZip(entries));
      await expect(openZip(bytes)).rejects.toThrow(message);
      expect(await refusal(bytes)).toMatch(message);
    },
  );

  it('B22: refuses a truncated or corrupt zip cleanly', async () => {
    const good = await xlsx((wb) => wb.addWorksheet('D').addRow(['Model', 'Serial']));
    expect(await refusal(good.subarray(0, good.length / 2))).toMatch(
      /not a readable Excel workbook/,
    );
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]))).toMatch(
      /not a readable Excel workbook/,
    );
  });

  it('B23: refuses encrypted and legacy .xls files with what to do instead', async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(
      /encrypted.*legacy \.xls.*Excel Workbook \(\.xlsx\)/,
    );
  });

  it('B27: a __proto__ sheet, header and values pollute nothing', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('__proto__');
      sheet.addRow(['Model', 'Serial', '__proto__', 'constructor']);
      sheet.addRow(['Poly CCX 400', '__proto__', '{"polluted":true}', 'x']);
    });
    const parsed = await parse(bytes);
    expect(parsed.devices[0]?.serial).toBe('__proto__');
    const csv = await parse(
      utf8('Model,Serial,__proto__\nPoly CCX 400,constructor,{"polluted":1}\n'),
    );
    expect(csv.devices[0]?.id).toBe('CONSTRUCTOR');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
