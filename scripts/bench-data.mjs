// Generated Lens exports for the benchmarks: realistic columns (the Lens UI dialect), distinct serials,
// a mix of models, sites and dates. Written once per size into bench-results/data.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

const MODELS = [
  'Poly Studio X50',
  'Poly Voyager Focus 2 UC',
  'Poly CCX 400',
  'Poly Blackwire 3320',
  'Poly Trio C60',
  'Poly Savi 8220',
  'Polycom VVX 310',
  'Poly Mystery 9',
];
const HEADER = [
  'Device Name',
  'Device Model',
  'Serial Number',
  'MAC Address',
  'Software Version',
  'Status',
  'Last Detected',
  'Site',
  'Room',
  'Account',
  'Account ID',
  'Device ID',
];

function row(i) {
  const model = MODELS[i % MODELS.length];
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [
    `Device ${i}`,
    model,
    `SN${String(i).padStart(10, '0')}`,
    `00:04:f2:${(i >> 16) & 255}:${(i >> 8) & 255}:${i & 255}`,
    `4.${i % 7}.0`,
    i % 9 ? 'Online' : 'Offline',
    `2026-10-${day}T08:00:00Z`,
    `Site ${i % 40}`,
    i % 3 ? `Room ${i % 100}` : '-',
    'Bench AB',
    'acc-1',
    `dev${i}`,
  ];
}

export async function benchCsv(rows) {
  const path = `bench-results/data/lens-${rows}.csv`;
  if (!existsSync(path)) {
    await mkdir('bench-results/data', { recursive: true });
    const lines = [HEADER.join(',')];
    for (let i = 0; i < rows; i++) lines.push(row(i).join(','));
    await writeFile(path, `\uFEFF${lines.join('\r\n')}\r\n`);
  }
  return path;
}

export async function benchXlsx(rows) {
  const path = `bench-results/data/lens-${rows}.xlsx`;
  if (!existsSync(path)) {
    await mkdir('bench-results/data', { recursive: true });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Devices');
    sheet.addRow(['Poly Lens – Device inventory']).commit();
    sheet.addRow(HEADER).commit();
    for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
    sheet.commit();
    await workbook.commit();
  }
  return path;
}

/** A contract register with one contract for the generated exports' account (Bench AB). */
export async function benchRegister() {
  const path = 'bench-results/data/register.csv';
  await mkdir('bench-results/data', { recursive: true });
  await writeFile(
    path,
    [
      'Contract ID,Customer,Master Account ID,Lens Account,Term Start,Term Months,Currency,Category,Installed At Start,Agreed Growth,Unit Price',
      'PE-9001,Bench AB,MA-9001,Bench AB,2026-01-01,36,SEK,video,20000,0,4900.00',
      'PE-9001,Bench AB,MA-9001,Bench AB,2026-01-01,36,SEK,headsets,30000,0,490.00',
      'PE-9001,Bench AB,MA-9001,Bench AB,2026-01-01,36,SEK,voice,25000,0,990.00',
    ].join('\r\n'),
  );
  return path;
}
