import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csm } from './run-csm';
import { buildWorkbook } from '../../../../main/services/workbook';
import { shippedCatalog } from '../../../../shared/catalog';
import { isSafeFileName, safeFileName } from '../../../../shared/files';
import type { Device } from '../../../../shared/model/device';
import { monthlyReport } from '../../../../shared/reports/monthly';
import { monthlyWorkbook } from '../../../../shared/reports/monthly-layout';
import { summarizeInventory } from '../../../../shared/inventory/summary';
import { contractSettings } from '../../../../shared/terms';

let dir = '';
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csm-report-'));
});

async function readBack(path: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = typeof path === 'string' ? await readFile(path) : Buffer.from(path);
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell of every sheet: none is a formula, a shared formula or a hyperlink. */
function assertNoFormulaOrLink(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect([ExcelJS.ValueType.Formula, ExcelJS.ValueType.Hyperlink]).not.toContain(cell.type);
        expect(cell.formula).toBeFalsy();
        expect(cell.hyperlink).toBeFalsy();
      }),
    ),
  );
}

/** How many rows of a sheet start with each first-cell text (a device sheet's rows per class). */
function rowsByFirstCell(sheet: ExcelJS.Worksheet): Record<string, number> {
  const counts: Record<string, number> = {};
  sheet.eachRow((row) => {
    const first = row.getCell(1).text;
    counts[first] = (counts[first] ?? 0) + 1;
  });
  return counts;
}

/** The row whose first cell is `text`, in a sheet. */
function rowStarting(sheet: ExcelJS.Worksheet, text: string | Date): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  const same = (value: ExcelJS.CellValue) =>
    text instanceof Date
      ? value instanceof Date && value.getTime() === text.getTime()
      : value === text;
  sheet.eachRow((row) => {
    if (!found && same(row.getCell(1).value)) found = row;
  });
  if (!found) throw new Error(`no row starting with ${String(text)} in ${sheet.name}`);
  return found;
}

describe('csm report', () => {
  it('counts by the register’s stale rule: the stale devices are listed as not seen in Lens', async () => {
    const register = join(dir, 'stale-register.csv');
    await writeFile(
      register,
      [
        'Contract ID,Customer,Lens Account,Term Start,Category,Installed At Start,Unit Price,Stale Days',
        'PE-24,Contoso AB,Contoso AB,2026-01-01,video,3,49.00,30',
      ].join('\n'),
    );
    const inventory = join(dir, 'stale-lens.csv');
    await writeFile(
      inventory,
      [
        'Device Model,Serial Number,Account,Last Detected',
        'Poly Studio X50,V30,Contoso AB,2026-07-01T10:00:00Z',
        'Poly Studio X50,V31,Contoso AB,2026-06-30T10:00:00Z',
        'Poly Studio X50,V0,Contoso AB,2026-07-31T10:00:00Z',
      ].join('\n'),
    );
    const out = join(dir, 'stale-out');
    const args = ['--contracts', register, '--inventory', inventory, '--month', '2026-07'];
    const result = await csm('report', ...args, '--out', out, '--json');
    const { files } = JSON.parse(result.stdout) as { files: string[] };
    const devices = (await readBack(files[0]!)).getWorksheet('Devices')!;
    expect(rowsByFirstCell(devices)).toMatchObject({ Video: 2, 'Not seen in Lens': 1 });
    expect(rowStarting(devices, 'Not seen in Lens').getCell(3).text).toBe('V31');
  });

  it('writes each customer’s monthly workbook and the portfolio workbook, typed and formula-free', async () => {
    const register = join(dir, 'register.csv');
    await writeFile(
      register,
      [
        'Contract ID,Customer,Master Account ID,Lens Account,Term Start,Term Months,Currency,Category,Installed At Start,Agreed Growth,Unit Price',
        'PE-1001,Contoso AB,MA-1,Contoso AB,2026-01-01,12,SEK,video,90,10,49.00',
        'PE-1002,=HYPERLINK("http://evil")  ../../etc,MA-2,Evil,2026-01-01,12,SEK,voice,1,0,1',
      ].join('\n'),
    );
    const inventory = join(dir, 'lens.csv');
    const rows = ['Device Model,Serial Number,Site,Account,Software Version,Last Detected'];
    for (let i = 0; i < 112; i++)
      rows.push(`Poly Studio X50,00${1000 + i},Stockholm HQ,Contoso AB,4.1.0,2026-07-30T10:00:00Z`);
    rows.push('Poly CCX 400,=1+1,@SUM(A1),Evil,-2,2026-07-30T10:00:00Z');
    await writeFile(inventory, `${rows.join('\n')}\n`);
    const out = join(dir, 'out');
    const result = await csm(
      'report',
      '--contracts',
      register,
      '--inventory',
      inventory,
      '--month',
      '2026-07',
      '--out',
      out,
      '--json',
    );
    expect(result.stderr).toBe('');
    const { files } = JSON.parse(result.stdout) as { files: string[] };
    expect(files.map((f) => f.slice(out.length + 1))).toEqual([
      'Contoso AB PE-1001 2026-07.xlsx',
      '=HYPERLINK(-http---evil-) .-.-etc PE-1002 2026-07.xlsx',
      'portfolio 2026-07.xlsx',
    ]);
    const contoso = await readBack(files[0]!);
    expect(contoso.worksheets.map((s) => s.name)).toEqual([
      'Overview',
      'Summary',
      'Trend',
      'Devices',
      'Firmware',
      'RMAs',
      'CSM time',
      'Cases',
      'ECPS incidents',
    ]);
    assertNoFormulaOrLink(contoso);
    // Contoso's 112 Studio X50 and nothing of the other account; a title row and a header row.
    expect(rowsByFirstCell(contoso.getWorksheet('Devices')!)).toEqual({
      'Devices · Contoso AB · July 2026': 1,
      Class: 1,
      Video: 112,
    });
    // No RMA recorded: the sheet says so under its title, above its header row.
    expect(rowsByFirstCell(contoso.getWorksheet('RMAs')!)).toEqual({
      'RMAs · Contoso AB · July 2026': 1,
      'Nothing recorded this month.': 1,
      'Serial number': 1,
    });
    const summary = contoso.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe('Monthly report July 2026');
    const video = rowStarting(summary, 'Video');
    expect(video.values).toEqual([
      undefined,
      'Video',
      100,
      105,
      105,
      112,
      12,
      'True-up due',
      'Next step: a quote for SEK\u00a0294.00',
      12,
      49,
      6,
      294,
      '12 × 49.00 × 6 / 12 = 294.00 SEK',
    ]);
    expect(video.getCell(12).numFmt).toBe('#,##0.00');
    expect(summary.pageSetup.orientation).toBe('landscape');
    expect(summary.pageSetup.fitToWidth).toBe(1);
    expect(summary.headerFooter).toMatchObject({
      oddHeader: '&LContoso AB · Monthly report July 2026',
      oddFooter: '&LContoso AB · July 2026&RPage &P of &N',
    });
    // Every sheet prints: its area, its header row on every page, as wide as its columns need.
    expect(summary.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    expect(summary.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    for (const sheet of contoso.worksheets) expect(sheet.pageSetup.fitToWidth, sheet.name).toBe(1);
    expect(summary.views[0]).toMatchObject({ state: 'frozen' });
    const devices = contoso.getWorksheet('Devices')!;
    const first = rowStarting(devices, 'Video');
    expect(first.getCell(3).value).toBe('001000');
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(9).value).toEqual(new Date('2026-07-30T10:00:00Z'));
    // A header that wraps gets a row tall enough for its lines ("Next adjustment month": three).
    let planHeader: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === 'Next adjustment month') planHeader = row;
      });
    });
    expect(planHeader?.height).toBe(45);
    expect(planHeader?.getCell(3).alignment).toMatchObject({ wrapText: true });
    const hours = rowStarting(summary, 'Cases opened');
    expect(hours.getCell(2).value).toBe(0);

    const evil = await readBack(files[1]!);
    assertNoFormulaOrLink(evil);
    expect(evil.getWorksheet('Summary')!.getCell('A2').value).toBe(
      'Customer: =HYPERLINK("http://evil")  ../../etc   Master account ID: MA-2',
    );
    const evilDevice = rowStarting(evil.getWorksheet('Devices')!, 'Voice');
    expect([
      evilDevice.getCell(3).value,
      evilDevice.getCell(5).value,
      evilDevice.getCell(7).value,
    ]).toEqual(['=1+1', '@SUM(A1)', '-2']);

    const portfolio = await readBack(files[2]!);
    assertNoFormulaOrLink(portfolio);
    expect(rowStarting(portfolio.getWorksheet('Portfolio')!, 'Contoso AB').values).toEqual([
      undefined,
      'Contoso AB',
      'PE-1001',
      'SEK',
      'Video',
      100,
      105,
      105,
      112,
      'Over the trigger',
      'True-up due',
      294,
      '2026-07',
      new Date('2027-01-01T00:00:00Z'),
      undefined,
      undefined,
      new Date(Date.UTC(1899, 11, 30)),
      new Date(Date.UTC(1899, 11, 30)),
    ]);

    const again = await csm(
      'report',
      '--contracts',
      register,
      '--inventory',
      inventory,
      '--month',
      '2026-07',
      '--out',
      out,
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already; use --force to replace it/);
  });

  it('writes the demo portfolio’s batch', async () => {
    const demo = join(dir, 'demo');
    const made = await csm('demo', '--out', demo, '--as-of', '2026-11-20', '--json');
    const [register, ...inventories] = (JSON.parse(made.stdout) as { files: string[] }).files;
    const out = join(dir, 'demo-reports');
    const result = await csm(
      'report',
      '--contracts',
      register!,
      ...inventories.flatMap((f) => ['--inventory', f]),
      '--month',
      '2026-11',
      '--out',
      out,
      '--language',
      'sv',
      '--json',
    );
    expect(result.stderr).toBe('');
    const { files } = JSON.parse(result.stdout) as { files: string[] };
    // One workbook per contract of the register (PE-1001 to PE-1012), then the portfolio's.
    expect(files.map((f) => f.slice(out.length + 1).replace(/^.* (PE-\d+ )/, '$1'))).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `PE-${1001 + i} 2026-11.xlsx`),
      'portfolio 2026-11.xlsx',
    ]);
    const portfolio = await readBack(files.at(-1)!);
    expect(portfolio.getWorksheet('Portfölj')!.getCell('A1').value).toBe('Portföljrapport 2026-11');
    const contoso = await readBack(files[0]!);
    expect(contoso.worksheets.map((s) => s.name)).toEqual([
      'Översikt',
      'Sammanfattning',
      'Trend',
      'Enheter',
      'Firmware',
      'RMA',
      'CSM-tid',
      'Ärenden',
      'ECPS-incidenter',
    ]);
    // The summary's counts are the device list's rows per category; the rest from the register:
    // headsets 380 + 20 ordered, trigger ⌈400 × 1.05⌉ = 420; video 90 + 10, trigger 105.
    const listed = rowsByFirstCell(contoso.getWorksheet('Enheter')!);
    expect([listed['Hörlurar'], listed['Video']]).toEqual([404, 112]);
    const summary = contoso.getWorksheet('Sammanfattning')!;
    // The page number in the report's language.
    expect(summary.headerFooter.oddFooter).toMatch(/&RSida &P av &N$/);
    expect(rowStarting(summary, 'Hörlurar & personliga enheter').values).toEqual([
      undefined,
      'Hörlurar & personliga enheter',
      400,
      420,
      420,
      404,
      1,
      'Inom',
    ]);
    // Over the trigger after the adjustment month (July) with no inventory on or before its end:
    // nothing is owed mid-term, the 12 added units come at the renewal (TERMS.md §4).
    expect(rowStarting(summary, 'Video').values).toEqual([
      undefined,
      'Video',
      100,
      105,
      105,
      112,
      12,
      'Vid förnyelse',
      '12 enheter tillkommer vid förnyelsen; inget debiteras under perioden',
    ]);
  }, 60_000);

  it.skipIf(!hasPoppler)(
    'writes each customer’s PDF beside its workbook with --pdf, the same figures (needs pdftotext)',
    async () => {
      const demo = join(dir, 'demo-pdf');
      const made = await csm('demo', '--out', demo, '--as-of', '2026-11-20', '--json');
      const [register, ...inventories] = (JSON.parse(made.stdout) as { files: string[] }).files;
      const out = join(dir, 'demo-pdfs');
      const args = ['--contracts', register!, ...inventories.flatMap((f) => ['--inventory', f])];
      const result = await csm(
        'report',
        ...args,
        ...['--month', '2026-11', '--out', out, '--language', 'sv', '--pdf', '--json'],
      );
      expect(result.stderr).toBe('');
      const { files } = JSON.parse(result.stdout) as { files: string[] };
      expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(12);
      const contoso = files.find((f) => /Contoso AB PE-1001 2026-11\.pdf$/.test(f))!;
      expect(files).toContain(contoso.replace(/\.pdf$/, '.xlsx'));
      const text = execFileSync('pdftotext', ['-layout', contoso, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/Sida 1 av \d/);
      expect(text).toMatch(/Hörlurar &\s+400\s+420\s+420\s+404/);
      // One status: at renewal, not "Över gränsen" beside it.
      expect(text).toMatch(/Video\s+100\s+105\s+105\s+112\s+12,0\s%\s+Vid\b/);
      expect(text).not.toMatch(/Över gränsen/);
    },
    120_000,
  );
});

describe('user text in workbooks', () => {
  it('stays text, never a formula, for every character a spreadsheet treats as a formula start', async () => {
    const starts = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
    const devices: Device[] = starts.map((s, i) => ({
      id: `D${i}`,
      serial: `${s}SERIAL${i}`,
      deviceId: '',
      model: `${s}cmd|' /C calc'!A0`,
      name: '',
      site: `${s}1+1`,
      room: `${s}HYPERLINK("http://x","y")`,
      softwareVersion: `${s}2`,
      online: true,
      lastDetected: '2026-07-30T10:00:00Z',
      account: 'A',
      accountId: '',
      mac: '',
      hardwareFamily: '',
    }));
    const catalog = shippedCatalog();
    const report = monthlyReport({
      month: '2026-07',
      generatedAt: '2026-07-31T10:00:00Z',
      brand: { name: '=Partner', primaryColor: '#000000' },
      customer: {
        id: 'c',
        name: '+Customer',
        masterAccountId: '@MA',
        country: 'SE',
        lensAccounts: [],
        csm: '-CSM',
        accountManager: '',
        isArchived: false,
      },
      contract: {
        id: 'k',
        customerId: 'c',
        number: '=PE-1',
        termStart: '2026-01-01',
        currency: 'SEK',
        categories: [
          { category: 'video', installedAtStart: 1, agreedGrowth: 0, unitPriceMinor: 100 },
        ],
        adjustmentMonth: null,
        settings: contractSettings(),
        tam: false,
        professionalServicesDiscountPct: 0,
        isEcps: false,
        isArchived: false,
      },
      trueUps: [],
      snapshots: [
        {
          id: 'c:2026-07-31',
          customerId: 'c',
          importId: null,
          asOf: '2026-07-31',
          month: '2026-07',
          summary: summarizeInventory(devices, catalog, '2026-07-31'),
          added: 0,
          removed: 0,
        },
      ],
      devices,
      previousDevices: null,
      catalog,
      rmas: [],
      timeEntries: [
        {
          id: 't',
          customerId: 'c',
          date: '2026-07-02',
          minutes: 90,
          activity: 'meeting',
          note: '=1+2',
          isBillable: true,
          user: '@me',
        },
      ],
      cases: [],
      incidents: [],
      note: '=WEBSERVICE("http://x")\n+line two',
      today: '2026-07-31',
    });
    const workbook = await readBack(await buildWorkbook(monthlyWorkbook(report, 'en')));
    assertNoFormulaOrLink(workbook);
    const sheet = workbook.getWorksheet('Devices')!;
    const written: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3)
        written.push(
          row.getCell(2).text,
          row.getCell(3).text,
          row.getCell(5).text,
          row.getCell(6).text,
        );
    });
    // One device per formula start, four user-text cells each, every one read back.
    expect(written).toHaveLength(starts.length * 4);
    for (const [i, start] of starts.entries()) {
      // XML reads a bare carriage return back as a line feed; the text stays text either way.
      const s = start === '\r' ? '\n' : start;
      expect(written).toContain(`${s}cmd|' /C calc'!A0`);
      expect(written).toContain(`${s}SERIAL${i}`);
      expect(written).toContain(`${s}1+1`);
      expect(written).toContain(`${s}HYPERLINK("http://x","y")`);
    }
    const time = workbook.getWorksheet('CSM time')!;
    const entry = rowStarting(time, new Date('2026-07-02T00:00:00Z'));
    // 90 minutes as the fraction of a day Excel keeps; exceljs reads a [h]:mm cell back as a time.
    expect(entry.getCell(2).value).toEqual(new Date(Date.UTC(1899, 11, 30, 1, 30)));
    expect(entry.getCell(2).numFmt).toBe('[h]:mm');
    expect(entry.getCell(4).value).toBe('=1+2');
    const summary = workbook.getWorksheet('Summary')!;
    expect(rowStarting(summary, '=WEBSERVICE("http://x")').getCell(1).type).toBe(
      ExcelJS.ValueType.String,
    );
  });
});

describe('file names from user text', () => {
  it.each([
    ['../../etc/passwd.xlsx', 'etc-passwd.xlsx'],
    ['CON.xlsx', '_CON.xlsx'],
    ['aux', '_aux'],
    ['Lpt1.report.xlsx', '_Lpt1.report.xlsx'],
    ['a\u0000b\u001fc<d>e:f"g|h?i*j.xlsx', 'a-b-c-d-e-f-g-h-i-j.xlsx'],
    ['  ..  ', 'export'],
    ['Skärgårdens Vård AB 2026-07.xlsx', 'Skärgårdens Vård AB 2026-07.xlsx'],
    ['CON .x', '_CON.x'],
    ['con .. .xlsx', '_con.xlsx'],
    ['CONIN$', '_CONIN$'],
    ['conout$.txt', '_conout$.txt'],
    ['invoice\u202efdp.xlsx', 'invoicefdp.xlsx'],
    ['a\u2066b\u2069c\u200f.xlsx', 'abc.xlsx'],
    ['report.xlsx:hidden', 'report.xlsx-hidden'],
    ['..\\..\\x.xlsx', 'x.xlsx'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
    expect(isSafeFileName(name)).toBe(name === safe);
    expect(isSafeFileName(safe)).toBe(true);
  });

  it('keeps names within 150 characters and the extension', () => {
    const long = safeFileName(`${'Å'.repeat(400)}.xlsx`);
    expect([...long]).toHaveLength(150);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});

describe('the partner on the first page', () => {
  it('refuses a --logo that is no picture, with the reason, before anything is written', async () => {
    const notAPicture = join(dir, 'logo.png');
    await writeFile(notAPicture, 'text named as a picture');
    const out = join(dir, 'never-written');
    const result = await csm(
      'report',
      '--contracts',
      join(dir, 'no-register.csv'),
      '--inventory',
      join(dir, 'no-inventory.csv'),
      '--month',
      '2026-11',
      '--out',
      out,
      '--partner',
      'Nordic AV Partner AB',
      '--logo',
      notAPicture,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--logo .*logo\.png: That file is not a PNG or JPEG picture\./);
    await expect(readFile(join(out, 'portfolio 2026-11.xlsx'))).rejects.toThrow();
  });
});
