/**
 * Benchmark child for the monthly report (run by scripts/bench.mjs in its own process, for its time and
 * peak memory): `one` writes one customer's full workbook with 100,000 devices; `batch` writes 200
 * customers of 1,000 devices each and the portfolio workbook into a folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
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

function report(n: number, count: number): MonthlyReport {
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
  return monthlyReport({
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
  });
}

const mode = process.argv[2];
const dir = await mkdtemp(join(tmpdir(), 'csm-report-bench-'));
const started = performance.now();
let bytes = 0;
if (mode === 'one') {
  const workbook = await buildWorkbook(monthlyWorkbook(report(1, 100_000), 'en'));
  await writeFileAtomic(join(dir, 'one.xlsx'), workbook);
  bytes = workbook.byteLength;
} else {
  const reports: MonthlyReport[] = [];
  for (let n = 0; n < 200; n++) {
    const r = report(n, 1000);
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
