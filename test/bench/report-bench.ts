/**
 * Benchmark child for the monthly report (run by scripts/bench.mjs in its own process, for its time and
 * peak memory): `one` builds one customer's report with 100,000 devices and writes its full workbook;
 * `floor` writes the same sheets' cells (prepared before the clock starts) with a bare exceljs streaming
 * writer, the same column widths and one shared style per column; `batch` writes 200 customers of 1,000
 * devices each and the portfolio workbook into a folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../main/services/atomic-write';
import { buildWorkbook } from '../../main/services/workbook';
import { shippedCatalog } from '../../shared/catalog';
import { summarizeInventory } from '../../shared/inventory/summary';
import type { Device } from '../../shared/model/device';
import type { Customer, InventorySnapshot } from '../../shared/model/entities';
import { monthlyReport, type MonthlyReport } from '../../shared/reports/monthly';
import { monthlyWorkbook } from '../../shared/reports/monthly-layout';
import { portfolioWorkbook } from '../../shared/reports/portfolio-layout';
import { contractSettings } from '../../shared/terms/settings';
import type { WorkbookSpec } from '../../shared/workbook-spec';

const MODELS = [
  'Poly Studio X50',
  'Poly Voyager Focus 2 UC',
  'Poly CCX 400',
  'Poly Trio 8800',
  'Poly Mystery 9',
];
const catalog = shippedCatalog();

function devices(prefix: string, count: number): Device[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i).padStart(7, '0')}`,
    serial: `${prefix}${String(i).padStart(7, '0')}`,
    deviceId: `dev-${i}`,
    model: MODELS[i % MODELS.length] ?? '',
    name: `Room ${i % 300}`,
    site: `Site ${i % 40}`,
    room: `R${i % 500}`,
    softwareVersion: `4.${i % 3}.0`,
    online: i % 7 !== 0,
    lastDetected: '2026-07-30T10:00:00Z',
    account: prefix,
    accountId: '',
    mac: '',
    hardwareFamily: '',
  }));
}

/** What the database holds for one customer: its devices, its snapshot (with its summary), its contract. */
function stored(n: number, count: number): Parameters<typeof monthlyReport>[0] {
  const id = `c${n}`;
  const list = devices(`B${n}X`, count);
  const customer: Customer = {
    id,
    name: `Customer ${n} AB`,
    masterAccountId: `MA-${n}`,
    country: 'SE',
    lensAccounts: [],
    csm: 'Karin',
    accountManager: '',
    isArchived: false,
  };
  const snapshot: InventorySnapshot = {
    id: `${id}:2026-07-31`,
    customerId: id,
    importId: null,
    asOf: '2026-07-31',
    month: '2026-07',
    summary: summarizeInventory(list, catalog, '2026-07-31'),
    added: 0,
    removed: 0,
  };
  return {
    month: '2026-07',
    generatedAt: new Date().toISOString(),
    brand: { name: 'Partner AB', primaryColor: '#1c4e80' },
    customer,
    contract: {
      id,
      customerId: id,
      number: `PE-${n}`,
      termStart: '2026-01-01',
      currency: 'SEK',
      categories: [
        {
          category: 'video',
          installedAtStart: Math.round(count * 0.18),
          agreedGrowth: 0,
          unitPriceMinor: 490000,
        },
        {
          category: 'headsets',
          installedAtStart: Math.round(count * 0.18),
          agreedGrowth: 0,
          unitPriceMinor: 49000,
        },
        {
          category: 'voice',
          installedAtStart: Math.round(count * 0.36),
          agreedGrowth: 0,
          unitPriceMinor: 99000,
        },
      ],
      adjustmentMonth: null,
      settings: contractSettings({ blocksPerMonth: 1 }),
      tam: false,
      professionalServicesDiscountPct: 0,
      isEcps: false,
      isArchived: false,
    },
    trueUps: [],
    snapshots: [snapshot],
    devices: list,
    previousDevices: null,
    catalog,
    rmas: [],
    timeEntries: [],
    cases: [],
    incidents: [],
    note: '',
    today: '2026-07-31',
  };
}

const FLOOR_FORMATS: Record<string, string> = {
  text: '@',
  number: '#,##0',
  decimal: '#,##0.##',
  money: '#,##0.00',
  percent: '0.0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  duration: '[h]:mm',
};

/** The floor's input: every sheet's cells as exceljs takes them, made before timing starts. */
function floorSheets(spec: WorkbookSpec) {
  return spec.sheets.map((sheet) => ({
    name: sheet.name.slice(0, 31),
    columns: sheet.columns,
    rows: sheet.rows.map((row) =>
      row.map((cell) => {
        const value = cell !== null && typeof cell === 'object' ? cell.value : cell;
        return typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value)
          ? new Date(value)
          : value;
      }),
    ),
  }));
}

async function bareExcelJs(sheets: ReturnType<typeof floorSheets>): Promise<number> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => output.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const bold = { font: { bold: true } };
  const rowStyle = {};
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    const styles = sheet.columns.map((c) => ({ numFmt: FLOOR_FORMATS[c.type] ?? 'General' }));
    worksheet.columns = sheet.columns.map((c, i) => ({
      key: String(i),
      width: c.width ?? 12,
      style: styles[i],
    }));
    const header = worksheet.addRow(sheet.columns.map((c) => c.header));
    header.eachCell((cell) => (cell.style = bold));
    header.commit();
    for (const values of sheet.rows) {
      const row = worksheet.addRow(values);
      (row as ExcelJS.Row & { style: object }).style = rowStyle;
      row.eachCell((cell, n) => (cell.style = styles[n - 1] ?? bold));
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
  await done;
  const bytes = Buffer.concat(chunks);
  await writeFile(join(dir, 'floor.xlsx'), bytes);
  return bytes.byteLength;
}

const mode = process.argv[2];
const dir = await mkdtemp(join(tmpdir(), 'csm-report-bench-'));
// The customer's stored data is made before the clock starts: the figure is what a report costs.
const one = mode === 'batch' ? null : stored(1, 100_000);
const many = mode === 'batch' ? Array.from({ length: 200 }, (_, n) => stored(n, 1000)) : [];
const floorInput =
  one && mode === 'floor' ? floorSheets(monthlyWorkbook(monthlyReport(one), 'en')) : [];
const started = performance.now();
let bytes = 0;
if (mode === 'floor') {
  bytes = await bareExcelJs(floorInput);
} else if (mode === 'one') {
  const workbook = await buildWorkbook(monthlyWorkbook(monthlyReport(one!), 'en'));
  await writeFileAtomic(join(dir, 'one.xlsx'), workbook);
  bytes = workbook.byteLength;
} else {
  const reports: MonthlyReport[] = [];
  for (let n = 0; n < 200; n++) {
    const r = monthlyReport(many[n]!);
    reports.push(r);
    const workbook = await buildWorkbook(monthlyWorkbook(r, 'en'));
    await writeFileAtomic(join(dir, `${n}.xlsx`), workbook);
    bytes += workbook.byteLength;
  }
  await writeFileAtomic(
    join(dir, 'portfolio.xlsx'),
    await buildWorkbook(portfolioWorkbook(reports, '2026-07', 'en', 'Partner AB')),
  );
}
const ms = performance.now() - started;
await rm(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
