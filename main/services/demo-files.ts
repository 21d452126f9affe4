/**
 * The demo book as the files users bring (`csm demo`): each customer's Lens inventory in one of the
 * dialects real exports come in (FORMATS.md §1), and the contract register (FORMATS.md §2).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DemoPortfolio } from '../../shared/demo/generate';
import type { Device, DeviceField } from '../../shared/model/device';
import { registerRows } from '../../shared/contracts/register';
import { writeFileAtomic } from './atomic-write';
import { csvFile, csvLine } from '../../shared/csv';

type Dialect = 'lens-ui' | 'excel-sv' | 'unicode-text' | 'api' | 'us' | 'xlsx';
export const DIALECTS: readonly Dialect[] = [
  'lens-ui',
  'excel-sv',
  'unicode-text',
  'api',
  'us',
  'xlsx',
];

/** Each dialect's columns: the header as that export writes it, and the device field it holds. */
const COLUMNS: Record<Exclude<Dialect, 'xlsx'>, [string, DeviceField][]> = {
  'lens-ui': [
    ['Device Name', 'name'],
    ['Device Model', 'model'],
    ['Serial Number', 'serial'],
    ['MAC Address', 'mac'],
    ['Software Version', 'softwareVersion'],
    ['Status', 'status'],
    ['Last Detected', 'lastDetected'],
    ['Site', 'site'],
    ['Room', 'room'],
    ['Account', 'account'],
    ['Account ID', 'accountId'],
    ['Device ID', 'deviceId'],
  ],
  'excel-sv': [
    ['Enhetsnamn', 'name'],
    ['Enhetsmodell', 'model'],
    ['Serienummer', 'serial'],
    ['Programvaruversion', 'softwareVersion'],
    ['Status', 'status'],
    ['Senast upptäckt', 'lastDetected'],
    ['Plats', 'site'],
    ['Rum', 'room'],
    ['Konto', 'account'],
  ],
  'unicode-text': [
    ['name', 'name'],
    ['device_model', 'model'],
    ['serial_number', 'serial'],
    ['mac_address', 'mac'],
    ['softwareVersion', 'softwareVersion'],
    ['Status', 'status'],
    ['lastDetected', 'lastDetected'],
    ['site_name', 'site'],
    ['room_name', 'room'],
    ['tenant', 'account'],
    ['lens_device_id', 'deviceId'],
  ],
  api: [
    ['displayName', 'name'],
    ['hardwareModel', 'model'],
    ['serialNumber', 'serial'],
    ['macAddress', 'mac'],
    ['softwareVersion', 'softwareVersion'],
    ['connected', 'status'],
    ['lastDetected', 'lastDetected'],
    ['site.name', 'site'],
    ['room.name', 'room'],
    ['tenant', 'account'],
    ['tenantId', 'accountId'],
    ['id', 'deviceId'],
  ],
  us: [
    ['Device Name', 'name'],
    ['Model', 'model'],
    ['Serial', 'serial'],
    ['Firmware', 'softwareVersion'],
    ['Status', 'status'],
    ['Last Detected', 'lastDetected'],
    ['Site', 'site'],
    ['Room', 'room'],
    ['Account', 'account'],
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

function timestamp(iso: string | null, dialect: Dialect): string {
  if (!iso) return '';
  const d = new Date(iso);
  const [y, mo, da, h, mi] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
  if (dialect === 'excel-sv') return `${pad(da)}.${pad(mo)}.${y} ${pad(h)}:${pad(mi)}`;
  if (dialect === 'unicode-text') return `${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)}`;
  if (dialect === 'us')
    return `${pad(mo)}/${pad(da)}/${y} ${pad(h % 12 || 12)}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`;
  if (dialect === 'api')
    return `${y}-${pad(mo)}-${pad(da)}T${pad(h + 1 > 23 ? h : h + 1)}:${pad(mi)}:00${h + 1 > 23 ? 'Z' : '+01:00'}`;
  return iso;
}

function status(online: boolean | null, dialect: Dialect): string {
  if (online === null) return '';
  if (dialect === 'api') return String(online);
  if (dialect === 'excel-sv') return online ? 'Ansluten' : 'Frånkopplad';
  return online ? 'Online' : 'Offline';
}

function cell(device: Device, field: DeviceField, dialect: Dialect): string {
  if (field === 'status') return status(device.online, dialect);
  if (field === 'lastDetected') return timestamp(device.lastDetected, dialect);
  if (field === 'room')
    return device.room || (dialect === 'lens-ui' || dialect === 'xlsx' ? '-' : '');
  if (field === 'deleted' || field === 'archived') return String(device.lensState === field);
  if (field === 'state') return device.lensState ?? 'active';
  return device[field];
}

/** One inventory as CSV bytes in a dialect: separator, line ends, encoding and BOM as real exports have them. */
export function lensCsv(devices: readonly Device[], dialect: Exclude<Dialect, 'xlsx'>): Uint8Array {
  const separator = dialect === 'excel-sv' ? ';' : dialect === 'unicode-text' ? '\t' : ',';
  const newline = dialect === 'api' || dialect === 'us' ? '\n' : '\r\n';
  const columns = COLUMNS[dialect];
  const lines = [
    csvLine(
      columns.map(([header]) => header),
      separator,
    ),
    ...devices.map((d) =>
      csvLine(
        columns.map(([, field]) => cell(d, field, dialect)),
        separator,
      ),
    ),
  ];
  if (dialect === 'excel-sv') lines.unshift('sep=;');
  const text = lines.join(newline) + newline;
  if (dialect === 'excel-sv') return iconv.encode(text, 'win1252');
  if (dialect === 'unicode-text') return iconv.encode(text, 'utf16le', { addBOM: true });
  return new TextEncoder().encode(dialect === 'lens-ui' ? `\uFEFF${text}` : text);
}

/** The inventory as an Excel workbook with title rows above the header and real date cells. */
export async function writeLensXlsx(
  path: string,
  devices: readonly Device[],
  asOf: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet('Devices');
  sheet.addRow(['Poly Lens – Device inventory']).commit();
  sheet.addRow([`Exported ${asOf}`]).commit();
  sheet.addRow([]).commit();
  const columns = COLUMNS['lens-ui'];
  sheet.addRow(columns.map(([header]) => header)).commit();
  const dateColumn = columns.findIndex(([, field]) => field === 'lastDetected') + 1;
  for (const d of devices) {
    const added = sheet.addRow(
      columns.map(([, field]) =>
        field === 'lastDetected'
          ? d.lastDetected
            ? new Date(d.lastDetected)
            : null
          : cell(d, field, 'xlsx'),
      ),
    );
    added.getCell(dateColumn).numFmt = 'yyyy-mm-dd hh:mm';
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The contract register (FORMATS.md §2), one row per contract and category; SEK amounts Swedish-style. */
export function contractRegisterCsv(portfolio: DemoPortfolio): Uint8Array {
  const [header = [], ...rows] = registerRows(portfolio.contracts, portfolio.customers);
  const currency = header.indexOf('Currency');
  const price = header.indexOf('Unit Price');
  const swedish = (amount: string) =>
    amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return csvFile(
    [header, ...rows].map((row) =>
      row.map((cell, i) => (i === price && row[currency] === 'SEK' ? swedish(cell) : cell)),
    ),
  );
}

const fileSlug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** Writes every file of the demo book into `dir`; returns the paths written. */
export async function writeDemoFiles(dir: string, portfolio: DemoPortfolio): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const register = join(dir, 'contract-register.csv');
  await writeFileAtomic(register, contractRegisterCsv(portfolio));
  written.push(register);
  for (const [i, inventory] of portfolio.inventories.entries()) {
    const customer = portfolio.customers.find((c) => c.id === inventory.customerId);
    const dialect =
      inventory.devices.length > 20000 ? 'lens-ui' : (DIALECTS[i % DIALECTS.length] ?? 'lens-ui');
    const base = join(dir, `lens-${fileSlug(customer?.name ?? inventory.customerId)}-${dialect}`);
    if (dialect === 'xlsx') await writeLensXlsx(`${base}.xlsx`, inventory.devices, inventory.asOf);
    else
      await writeFileAtomic(
        `${base}.${dialect === 'unicode-text' ? 'txt' : 'csv'}`,
        lensCsv(inventory.devices, dialect),
      );
    written.push(
      `${base}.${dialect === 'xlsx' ? 'xlsx' : dialect === 'unicode-text' ? 'txt' : 'csv'}`,
    );
  }
  return written;
}
