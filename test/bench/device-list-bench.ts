/**
 * What keeping every import's device list costs (TERMS.md §10): 200 customers × 1,000 devices, one
 * import a month for five years, each month 1 % of devices replaced, 5 % on new firmware, every Last
 * Detected moved on. Prints the bytes stored (the lists' JSON, and gzipped as they travel between
 * workstations), against a complete list every month, and the time to read the deepest month back.
 */
import { gzipSync } from 'node:zlib';
import {
  deviceListRecord,
  listOf,
  readDeviceList,
  type BaseList,
  type DeviceListRecord,
} from '../../shared/inventory/device-list';
import type { Device } from '../../shared/model/device';

const CUSTOMERS = Number(process.argv[2] ?? 200);
const DEVICES = 1000;
const MONTHS = 60;
const MODELS = ['Poly Studio X50', 'Poly CCX 400', 'Poly Voyager Focus 2 UC', 'Poly Trio C60'];

function device(customer: number, n: number, month: number): Device {
  const serial = `C${customer}SN${String(n).padStart(7, '0')}`;
  const day = 1 + ((n * 7 + month) % 27);
  const monthText = String(1 + (month % 12)).padStart(2, '0');
  return {
    id: serial,
    serial,
    deviceId: `lens-${customer}-${n}`,
    model: MODELS[n % MODELS.length] ?? '',
    name: `Room ${n}`,
    site: `Site ${n % 9}`,
    room: n % 3 === 0 ? '' : `R${n % 40}`,
    softwareVersion: `4.${Math.floor((month + (n % 20)) / 20)}.0`,
    online: n % 11 === 0 ? null : n % 4 !== 0,
    lastDetected: `${2026 + Math.floor(month / 12)}-${monthText}-${String(day).padStart(2, '0')}T${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00Z`,
    account: `Customer ${customer}`,
    accountId: `tenant-${customer}`,
    mac: `00:04:f2:${(n >> 8) & 255}:${n & 255}:${customer & 255}`,
    hardwareFamily: '',
  };
}

let listBytes = 0;
let gzipBytes = 0;
let completeBytes = 0;
let deepestRead = 0;
const started = performance.now();
for (let c = 0; c < CUSTOMERS; c++) {
  let members = Array.from({ length: DEVICES }, (_, n) => n);
  let next = DEVICES;
  let base: BaseList | null = null;
  const chain: DeviceListRecord[] = [];
  for (let m = 0; m < MONTHS; m++) {
    // 1 % of the devices replaced by new ones each month.
    if (m > 0)
      members = [
        ...members.slice(DEVICES / 100),
        ...Array.from({ length: DEVICES / 100 }, () => next++),
      ];
    const devices = members.map((n) => device(c, n, m));
    const record = deviceListRecord(`c${c}`, devices, base);
    const json = record.json;
    listBytes += json.length;
    gzipBytes += gzipSync(json).length;
    if (c === 0) completeBytes += deviceListRecord(`c${c}`, devices, null).json.length;
    if (record.base === null) chain.length = 0;
    chain.push(record);
    base = { hash: record.hash, depth: record.depth, devices };
    if (c === 0 && record.depth === 11) {
      const read = performance.now();
      let listed: Device[] | null = null;
      for (const r of chain) listed = readDeviceList(listOf(r), listed);
      deepestRead = performance.now() - read;
    }
  }
}
console.log(
  JSON.stringify({
    customers: CUSTOMERS,
    months: MONTHS,
    devices: DEVICES,
    storedMb: listBytes / 2 ** 20,
    gzipMb: gzipBytes / 2 ** 20,
    completeEveryMonthMb: (completeBytes * CUSTOMERS) / 2 ** 20,
    deepestReadMs: deepestRead,
    ms: performance.now() - started,
  }),
);
