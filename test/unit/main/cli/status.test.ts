import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { csm } from './run-csm';
import type { StatusDocument } from '../../../../shared/reports/status';

type StatusJson = StatusDocument & {
  problems: { row: number; column: string | null; message: string }[];
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csm-status-'));
});

/** Lens UI export rows: `n` video devices (Studio X50) and `m` voice devices (CCX 400) of an account. */
function lensRows(
  prefix: string,
  account: string,
  accountId: string,
  video: number,
  voice: number,
): string[] {
  const rows: string[] = [];
  for (let i = 0; i < video; i++)
    rows.push(`Poly Studio X50,${prefix}V${i},${account},${accountId},2026-07-30T10:00:00Z`);
  for (let i = 0; i < voice; i++)
    rows.push(`Poly CCX 400,${prefix}C${i},${account},${accountId},2026-07-30T10:00:00Z`);
  return rows;
}

/** A register as Swedish Excel saves it: semicolons, Windows-1252, Swedish column names and numbers. */
const SWEDISH_REGISTER = [
  'Avtals-ID;Kund;Huvudkonto-ID;Lens-konto;Avtalsstart;Löptid;Valuta;Kategori;Installerade vid start;Avtalad tillväxt;Enhetspris;Baslinje %;Justeringsmånad;CSM-block per månad;RMA %',
  'PE-1001;Contoso AB;MA-1;Contoso AB;2026-01-01;12;SEK;Video;90;10;49,00;5;;2;5',
  'PE-1001;Contoso AB;MA-1;Contoso AB;2026-01-01;12;SEK;Röst;20;0;1 234,50;5;;2;5',
  'PE-2002;Skärgårdens Vård AB;MA-2;tenant-7781;2026-03-15;12;SEK;video;40;0;120,00;5;2026-09;0;5',
  'PE-3003;Fabrikam;MA-3;Fabrikam;2026-13-01;12;SEK;video;-4;0;1;5;;0;5',
];

describe('csm status', () => {
  it('counts by the register’s stale rule (Swedish column) and lists the stale devices with their last detection', async () => {
    const register = join(dir, 'inaktiv.csv');
    await writeFile(
      register,
      [
        'Avtals-ID;Kund;Lens-konto;Avtalsstart;Kategori;Installerade vid start;Enhetspris;Inaktiv efter dagar',
        'PE-1;Contoso AB;Contoso AB;2026-01-01;Video;3;49,00;30',
      ].join('\r\n'),
    );
    const inventory = join(dir, 'inaktiv-lens.csv');
    await writeFile(
      inventory,
      [
        'Device Model,Serial Number,Account,Last Detected',
        'Poly Studio X50,V30,Contoso AB,2026-07-01T10:00:00Z',
        'Poly Studio X50,V31,Contoso AB,2026-06-30T10:00:00Z',
        'Poly Studio X50,V0,Contoso AB,2026-07-31T10:00:00Z',
      ].join('\n'),
    );
    const args = [
      'status',
      '--contracts',
      register,
      '--inventory',
      inventory,
      '--month',
      '2026-07',
    ];
    const result = await csm(...args, '--json');
    const doc = JSON.parse(result.stdout) as StatusJson;
    expect(doc.contracts[0]).toMatchObject({
      staleDays: 30,
      devices: 3,
      notCounted: [
        {
          id: 'V31',
          model: 'Poly Studio X50',
          reason: 'stale',
          lastDetected: '2026-06-30T10:00:00Z',
        },
      ],
      categories: [{ category: 'video', count: 2 }],
    });
    const text = (await csm(...args)).stdout;
    expect(text).toContain(
      'not counted: 1 stale (not seen for more than 30 days), 0 deleted or archived in Lens',
    );
    expect(text).toContain('stale: V31 (Poly Studio X50), last detected 2026-06-30T10:00:00Z');
  });

  it('matches accounts by name and by ID, applies TERMS.md §4, reports unmatched accounts (Swedish register)', async () => {
    const register = join(dir, 'avtal.csv');
    await writeFile(register, iconv.encode(`${SWEDISH_REGISTER.join('\r\n')}\r\n`, 'win1252'));
    const inventory = join(dir, 'lens.csv');
    await writeFile(
      inventory,
      [
        'Device Model,Serial Number,Account,Account ID,Last Detected',
        ...lensRows('A', 'Contoso AB', 'tenant-1001', 112, 21),
        ...lensRows('B', 'Skärgårdens Vård', 'tenant-7781', 45, 0),
        ...lensRows('C', 'Northwind', 'tenant-9', 3, 0),
      ].join('\n'),
    );
    const result = await csm(
      'status',
      '--contracts',
      register,
      '--inventory',
      inventory,
      '--month',
      '2026-07',
      '--json',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(result.stdout) as StatusJson;
    expect(doc.month).toBe('2026-07');
    expect(doc.contracts).toEqual([
      {
        contractId: 'PE-1001',
        customer: 'Contoso AB',
        currency: 'SEK',
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
        adjustmentMonth: '2026-07',
        renewalDate: '2027-01-01',
        devices: 133,
        staleDays: null,
        notCounted: [],
        categories: [
          {
            category: 'video',
            ordered: 100,
            baseline: '105',
            triggerAt: 105,
            count: 112,
            status: 'trueUpDue',
            action: 'due',
            trueUp: { added: 12, monthsCharged: 6, amount: '294.00', projected: false },
          },
          {
            category: 'voice',
            ordered: 20,
            baseline: '21',
            triggerAt: 21,
            count: 21,
            status: 'trueUpDue',
            action: 'due',
            trueUp: { added: 1, monthsCharged: 6, amount: '617.25', projected: false },
          },
        ],
      },
      {
        contractId: 'PE-2002',
        customer: 'Skärgårdens Vård AB',
        currency: 'SEK',
        termStart: '2026-03-15',
        termEnd: '2027-03-14',
        adjustmentMonth: '2026-09',
        renewalDate: '2027-03-15',
        devices: 45,
        staleDays: null,
        notCounted: [],
        categories: [
          {
            category: 'video',
            ordered: 40,
            baseline: '42',
            triggerAt: 42,
            count: 45,
            status: 'trueUpDue',
            action: 'projected',
            trueUp: { added: 5, monthsCharged: 6.451613, amount: '322.58', projected: true },
          },
        ],
      },
    ]);
    expect(doc.unmatched).toEqual([{ account: 'Northwind', devices: 3 }]);
    expect(doc.problems).toEqual([
      {
        row: 5,
        column: 'Avtalsstart',
        message:
          'row 5, column "Avtalsstart": Avtalsstart must be a date YYYY-MM-DD, not "2026-13-01"',
      },
      {
        row: 5,
        column: 'Installerade vid start',
        message:
          'row 5, column "Installerade vid start": Installerade vid start must be a whole number of 0 or more, not "-4"',
      },
    ]);
  });

  it('takes each month from the latest inventory of an account on or before its end (TERMS.md §10)', async () => {
    const register = join(dir, 'months.csv');
    await writeFile(
      register,
      [
        'Contract ID,Customer,Lens Account,Term Start,Category,Installed At Start,Agreed Growth,Unit Price',
        'PE-9,Contoso AB,Contoso AB,2026-01-01,video,100,0,49.00',
      ].join('\n'),
    );
    const file = async (name: string, video: number, detected: string) => {
      const path = join(dir, name);
      const rows = lensRows('M', 'Contoso AB', '', video, 0).map((r) =>
        r.replace('2026-07-30T10:00:00Z', detected),
      );
      await writeFile(
        path,
        ['Device Model,Serial Number,Account,Account ID,Last Detected', ...rows].join('\n'),
      );
      return path;
    };
    // June: 104; July: 112 (the adjustment month); August: 120; the August file imported first.
    const august = await file('aug.csv', 120, '2026-08-31T10:00:00Z');
    const june = await file('jun.csv', 104, '2026-06-30T10:00:00Z');
    const july = await file('jul.csv', 112, '2026-07-31T10:00:00Z');
    const status = async (month: string) => {
      const result = await csm(
        'status',
        '--contracts',
        register,
        ...[august, june, july].flatMap((f) => ['--inventory', f]),
        '--month',
        month,
        '--json',
      );
      expect(result.stderr).toBe('');
      return (JSON.parse(result.stdout) as StatusJson).contracts[0]?.categories[0];
    };
    expect(await status('2026-06')).toMatchObject({ count: 104, status: 'within' });
    expect((await status('2026-06'))?.action).toBeUndefined();
    expect(await status('2026-07')).toMatchObject({
      count: 112,
      action: 'due',
      trueUp: { added: 12, amount: '294.00', projected: false },
    });
    // August counts its own 120, but the true-up stays July's: 12 added, overdue until quoted.
    expect(await status('2026-08')).toMatchObject({
      count: 120,
      action: 'due',
      trueUp: { added: 12, amount: '294.00', projected: false },
    });
  });

  it('reads an XLSX register with typed cells and gives the same figures as its CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Avtal');
    sheet.addRow(['Poly+ Enterprise contracts']);
    sheet.addRow([
      'Contract ID',
      'Customer',
      'Lens Account',
      'Term Start',
      'Term Months',
      'Currency',
      'Category',
      'Installed At Start',
      'Agreed Growth',
      'Unit Price',
    ]);
    sheet.addRow([
      'PE-4',
      'Helsinki Design Oy',
      'hd-tenant',
      new Date(Date.UTC(2025, 9, 1)),
      12,
      'EUR',
      'voice',
      28,
      2,
      99.9,
    ]);
    const register = join(dir, 'register.xlsx');
    await workbook.xlsx.writeFile(register);
    const inventory = join(dir, 'hd.csv');
    await writeFile(
      inventory,
      [
        'Device Model,Serial Number,Account ID,Last Detected',
        ...lensRows('H', '', 'hd-tenant', 0, 32).map((r) => r.replace(',,', ',')),
      ].join('\n'),
    );
    const result = await csm(
      'status',
      '--contracts',
      register,
      '--inventory',
      inventory,
      '--month',
      '2026-04',
      '--as-of',
      '2026-04-30',
      '--json',
    );
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout) as StatusJson;
    expect(doc.contracts[0]).toMatchObject({
      contractId: 'PE-4',
      termEnd: '2026-09-30',
      adjustmentMonth: '2026-04',
      categories: [
        {
          category: 'voice',
          ordered: 30,
          triggerAt: 32,
          count: 32,
          trueUp: { added: 2, monthsCharged: 6, amount: '99.90', projected: false },
        },
      ],
    });
    expect(doc.unmatched).toEqual([]);
  });

  it('gives every demo contract its customer’s devices and leaves no account unmatched', async () => {
    const out = join(dir, 'demo');
    const demo = await csm('demo', '--out', out, '--as-of', '2026-07-31', '--json');
    const { files } = JSON.parse(demo.stdout) as { files: string[] };
    const [register, ...inventories] = files;
    const result = await csm(
      'status',
      '--contracts',
      register!,
      ...inventories.flatMap((f) => ['--inventory', f]),
      '--month',
      '2026-07',
      '--json',
    );
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout) as StatusJson;
    expect(doc.contracts).toHaveLength(12);
    expect(doc.unmatched).toEqual([]);
    expect(doc.problems).toEqual([]);
    expect(doc.contracts.every((c) => c.devices > 0)).toBe(true);
  }, 60_000);

  it.each([
    [
      ['status', '--inventory', 'x.csv', '--month', '2026-07'],
      /^csm: status needs --contracts REGISTER$/,
    ],
    [
      ['status', '--contracts', 'r.csv', '--month', '2026-07'],
      /^csm: status needs at least one --inventory FILE$/,
    ],
    [
      ['status', '--contracts', 'r.csv', '--inventory', 'x.csv', '--month', '2026-7'],
      /^csm: status needs --month YYYY-MM, not 2026-7$/,
    ],
    [
      ['status', '--contracts', '/nonexistent/r.csv', '--inventory', 'x.csv', '--month', '2026-07'],
      /^csm: \/nonexistent\/r\.csv: no such file$/,
    ],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const result = await csm(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(message);
  });

  it('refuses a file that is not a register, naming the missing columns and the headers found', async () => {
    const path = join(dir, 'not-a-register.csv');
    await writeFile(path, 'Device Model,Serial Number\nPoly Studio X50,A1\n');
    const result = await csm(
      'status',
      '--contracts',
      path,
      '--inventory',
      path,
      '--month',
      '2026-07',
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'csm: not-a-register.csv is not a contract register: it has no "Contract ID", "Customer", "Term Start", "Category", "Installed At Start", "Unit Price" column. Headers found: Device Model, Serial Number',
    );
  });
});

describe('csm status --eol-register', () => {
  it('counts a model as end of life in the month of its register date, and refuses a bad register whole', async () => {
    const register = join(dir, 'eol-avtal.csv');
    await writeFile(
      register,
      [
        'Contract ID,Customer,Lens Account,Term Start,Category,Installed At Start,Unit Price',
        'PE-9,Contoso AB,Contoso AB,2026-01-01,Video,2,49.00',
      ].join('\n'),
    );
    const inventory = join(dir, 'eol-lens.csv');
    await writeFile(
      inventory,
      [
        'Device Model,Serial Number,Account,Last Detected',
        'Poly Studio X50,E1,Contoso AB,2026-07-30T10:00:00Z',
        'Poly Studio X50,E2,Contoso AB,2026-07-30T10:00:00Z',
      ].join('\n'),
    );
    const eol = join(dir, 'livscykel.csv');
    await writeFile(eol, 'Modell;Slut på livslängd\nPoly Studio X50;2026-07-20\n');
    const args = ['status', '--contracts', register, '--inventory', inventory, '--month'];
    const count = async (month: string, ...more: string[]) => {
      const result = await csm(...args, month, '--as-of', `${month}-31`, ...more, '--json');
      return (JSON.parse(result.stdout) as StatusJson).contracts[0]?.categories[0]?.count;
    };
    expect(await count('2026-07')).toBe(2);
    // The whole month of the date, also with the devices seen before the 20th.
    expect(await count('2026-07', '--eol-register', eol)).toBe(0);

    const bad = join(dir, 'bad-eol.csv');
    await writeFile(
      bad,
      'Model,End of support,End of life\nPoly Studio X50,2027-01-31,2026-07-20\n',
    );
    const refused = await csm(...args, '2026-07', '--eol-register', bad, '--json');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Row 2, column End of life: Comes before the end of support');
  });
});
