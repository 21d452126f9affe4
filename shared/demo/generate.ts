/**
 * The demo portfolio: a realistic partner book generated from DEMO_BOOK with a seeded PRNG. The same
 * as-of date gives the same portfolio, device for device, in the app, the tests and `csm demo`.
 */
import { shippedCatalog, type Catalog } from '../catalog/catalog';
import { deviceIdentity } from '../inventory/identity';
import { summarizeInventory } from '../inventory/summary';
import { CATEGORIES, type Category } from '../model/category';
import type { Device } from '../model/device';
import type {
  Contract,
  Customer,
  InventorySnapshot,
  Rma,
  Site,
  SupportCase,
  TimeEntry,
} from '../model/entities';
import { snapshotId, TIME_ACTIVITIES, type TrueUp } from '../model/entities';
import { dueTrueUps } from '../contracts/standing';
import { quoteTrueUp } from '../contracts/true-up-flow';
import { deviceListRecord, type BaseList, type DeviceListRecord } from '../inventory/device-list';
import {
  addDays,
  addMonthsToMonth,
  lastDayOfMonth,
  monthOf,
  type CalendarDate,
} from '../terms/dates';
import { nextBusinessDay, addBusinessDays } from '../terms/business-days';
import { orderedUnits } from '../terms/baseline';
import { blockLedger } from '../terms/csm-blocks';
import { rmaThreshold } from '../terms/rma';
import { parseMoney } from '../terms/money';
import { contractSettings } from '../terms/settings';
import { DEMO_ACCOUNT_MANAGER, DEMO_BOOK, DEMO_CSM, type DemoCustomerPlan } from './book';
import { seededRandom, type Random } from './random';

export const DEMO_MODELS: Readonly<Record<Category | 'eol', readonly string[]>> = {
  headsets: [
    'Poly Voyager Focus 2 UC',
    'Poly Voyager 4320 UC',
    'Poly Blackwire 3320',
    'Poly Savi 8220',
    'Poly EncorePro 320',
    'Poly Sync 20',
    'Poly Voyager Free 60 UC',
    'Poly Studio P15',
  ],
  video: [
    'Poly Studio X50',
    'Poly Studio X30',
    'Poly Studio X52',
    'Poly G7500',
    'Poly Studio USB',
    'Poly TC10',
    'Poly Studio R30',
    'Poly EagleEye Cube USB',
  ],
  voice: [
    'Poly CCX 400',
    'Poly CCX 600',
    'Poly Edge E400',
    'Poly VVX 450',
    'Poly Trio C60',
    'Poly Trio 8800',
    'Poly Rove 30',
  ],
  eol: [
    'Polycom VVX 310',
    'Polycom VVX 410',
    'Polycom RealPresence Group 500',
    'Polycom SoundStation IP 6000',
  ],
};

export interface DemoInventory {
  customerId: string;
  asOf: CalendarDate;
  devices: Device[];
}

export interface DemoPortfolio {
  asOf: CalendarDate;
  customers: Customer[];
  sites: Site[];
  contracts: Contract[];
  inventories: DemoInventory[];
  snapshots: InventorySnapshot[];
  /** Every snapshot's device list (shared/inventory/device-list.ts). */
  deviceLists: DeviceListRecord[];
  /** The true-ups the demo's CSM has already quoted. */
  trueUps: TrueUp[];
  rmas: Rma[];
  timeEntries: TimeEntry[];
  cases: SupportCase[];
}

const slug = (name: string) =>
  name.normalize('NFD').replace(/[^\w]/g, '').slice(0, 4).toUpperCase();
const versionsOf = (model: string) => {
  const seed = [...model].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  const major = 1 + (seed % 9);
  return [
    `${major}.${seed % 5}.2`,
    `${major}.${seed % 5}.1`,
    `${major}.${(seed % 5) - 1 < 0 ? 0 : (seed % 5) - 1}.9`,
  ];
};

interface PooledDevice {
  device: Device;
  /** Month index from which the device is in the inventory. */
  from: number;
}

function makeDevice(
  random: Random,
  sites: Site[],
  model: string,
  account: string,
  accountId: string,
  asOf: CalendarDate,
): Device {
  const serial = `${random.alnum(2)}${random.int(1000000000, 9999999999)}`;
  const deviceId = random.hex(12);
  const versions = versionsOf(model);
  const site = random.pick(sites);
  const online = random.chance(0.06) ? null : random.chance(0.87);
  const detected = addDays(asOf, -random.int(0, online === false ? 40 : 3));
  return {
    id: deviceIdentity(serial, deviceId) ?? deviceId,
    serial,
    deviceId,
    model,
    name: `${site.name.split(' ')[0]}-${model.split(' ').slice(-1)[0]}-${random.int(100, 999)}`,
    site: site.name,
    room: random.chance(0.5) ? `Rum ${random.int(1, 40)}` : '',
    softwareVersion: random.chance(0.72) ? (versions[0] ?? '') : random.pick(versions),
    online,
    lastDetected: `${detected}T${String(random.int(6, 18)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
    account,
    accountId,
    mac: random.chance(0.5) ? `00:04:f2:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}` : '',
    hardwareFamily: '',
  };
}

/** Growth curve: the count at month t of H, rising from the start level to ordered × endRatio. */
function countAt(
  ordered: number,
  installed: number,
  endRatio: number,
  t: number,
  months: number,
): number {
  const start = Math.min(installed / Math.max(1, ordered), endRatio) * 0.96;
  const progress = months <= 1 ? 1 : (t / (months - 1)) ** 1.3;
  return Math.round(ordered * (start + (endRatio - start) * progress));
}

function devicePool(
  random: Random,
  plan: DemoCustomerPlan,
  sites: Site[],
  account: string,
  accountId: string,
  asOf: CalendarDate,
): PooledDevice[] {
  const months = plan.historyMonths;
  const pool: PooledDevice[] = [];
  const add = (model: string, from: number) =>
    pool.push({ device: makeDevice(random, sites, model, account, accountId, asOf), from });
  for (const line of plan.categories) {
    const ordered = line.installedAtStart + line.agreedGrowth;
    let placed = 0;
    for (let t = 0; t < months; t++) {
      const target = countAt(ordered, line.installedAtStart, line.endRatio, t, months);
      for (; placed < target; placed++) add(random.pick(DEMO_MODELS[line.category]), t);
    }
  }
  for (let i = 0; i < (plan.eolDevices ?? 0); i++) add(random.pick(DEMO_MODELS.eol), 0);
  for (const unknown of plan.unknownModels ?? [])
    for (let i = 0; i < unknown.devices; i++) add(unknown.model, Math.max(0, months - 3));
  if (plan.sites > 2) {
    add('Lens Desktop', 0);
    add('Polycom RMX 2000', 0);
  }
  return pool.sort((a, b) => a.from - b.from);
}

/** The months of history whose device lists the demo keeps (older demo months read "not kept"). */
const LISTED_MONTHS = 6;

/**
 * A month-end snapshot per month of history, the last LISTED_MONTHS with their device list: the
 * devices in the inventory by then, last detected that day (the current month's as generated).
 */
function snapshotsFor(
  customerId: string,
  plan: DemoCustomerPlan,
  pool: PooledDevice[],
  catalog: Catalog,
  asOf: CalendarDate,
): { snapshots: InventorySnapshot[]; lists: DeviceListRecord[] } {
  const lastMonth = monthOf(asOf);
  const snapshots: InventorySnapshot[] = [];
  const lists: DeviceListRecord[] = [];
  let base: BaseList | null = null;
  let previous = 0;
  // In identity order once, so each month's list needs no sorting.
  const byIdentity = [...pool].sort((a, b) => (a.device.id < b.device.id ? -1 : 1));
  for (let t = 0; t < plan.historyMonths; t++) {
    const month = addMonthsToMonth(lastMonth, t - plan.historyMonths + 1);
    const isLast = t === plan.historyMonths - 1;
    const date = isLast ? asOf : lastDayOfMonth(month);
    const isListed = t >= plan.historyMonths - LISTED_MONTHS;
    const present = byIdentity.filter((p) => p.from <= t).map((p) => p.device);
    // A listed past month's devices were last detected that month.
    const devices =
      isLast || !isListed
        ? present
        : present.map((d) =>
            d.lastDetected ? { ...d, lastDetected: `${date}${d.lastDetected.slice(10)}` } : d,
          );
    const list: DeviceListRecord | null = isListed
      ? deviceListRecord(customerId, devices, base)
      : null;
    if (list) lists.push(list);
    snapshots.push({
      id: snapshotId(customerId, date),
      customerId,
      importId: null,
      asOf: date,
      month,
      summary: summarizeInventory(devices, catalog, date),
      added: devices.length - previous,
      removed: 0,
      ...(list ? { deviceList: list.hash } : {}),
    });
    previous = devices.length;
    base = list ? { hash: list.hash, depth: list.depth, devices } : null;
  }
  return { snapshots, lists };
}

function serviceRecords(
  random: Random,
  customer: Customer,
  contract: Contract,
  sites: Site[],
  devices: Device[],
  asOf: CalendarDate,
) {
  const { settings } = contract;
  const rmas: Rma[] = [];
  const headsets = contract.categories.find((c) => c.category === 'headsets');
  if (headsets) {
    const base = orderedUnits(headsets.installedAtStart, headsets.agreedGrowth);
    const { allowed } = rmaThreshold(base, 0, settings.rmaPct, settings.rmaWarnPct);
    const count = customer.name.startsWith('Aurora')
      ? Math.ceil(allowed * 0.85)
      : random.int(0, Math.max(1, Math.floor(allowed / 3)));
    const year = asOf.slice(0, 4);
    const candidates = devices.filter((d) => DEMO_MODELS.headsets.includes(d.model));
    for (let i = 0; i < count && candidates.length > 0; i++) {
      const device = random.pick(candidates);
      const approvedOn = `${year}-${String(random.int(1, Number(asOf.slice(5, 7)))).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const date = approvedOn > asOf ? asOf : approvedOn;
      const shipBy = nextBusinessDay(date, customer.country);
      const shipped = shipBy <= asOf;
      rmas.push({
        id: `${customer.id}-rma-${i + 1}`,
        customerId: customer.id,
        serial: device.serial,
        model: device.model,
        category: 'headsets',
        siteId: sites.find((s) => s.name === device.site)?.siteId ?? '',
        requestedOn: date,
        approvedOn: date,
        shipBy,
        shippedOn: shipped ? shipBy : null,
        trackingNumber: shipped ? `1Z${random.alnum(16)}` : '',
        returnBy: shipped
          ? addBusinessDays(shipBy, settings.returnBusinessDays, customer.country)
          : null,
        returnedOn:
          shipped && random.chance(0.8)
            ? addBusinessDays(shipBy, random.int(2, 9), customer.country)
            : null,
        reason: random.pick([
          'No audio in left ear',
          'Does not charge',
          'Microphone crackles',
          'Broken headband',
          'Base does not pair',
        ]),
        caseId: null,
      });
    }
  }
  const timeEntries: TimeEntry[] = [];
  const { allowedMinutes } = blockLedger({
    blocksPerMonth: settings.blocksPerMonth,
    blockHours: settings.blockHours,
    usedMinutes: 0,
  });
  if (allowedMinutes > 0) {
    for (let back = 0; back < 6; back++) {
      const month = addMonthsToMonth(monthOf(asOf), -back);
      // One customer overspends this month; the others use 55–95 % of their blocks.
      const budget =
        allowedMinutes *
        (customer.name.startsWith('Vasa') && back === 0 ? 1.15 : random.int(55, 95) / 100);
      let used = 0;
      for (let n = 0; used < budget; n++) {
        const minutes = random.int(2, 12) * 15;
        const date = `${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
        if (date > asOf) break;
        timeEntries.push({
          id: `${customer.id}-time-${month}-${n}`,
          customerId: customer.id,
          date,
          minutes,
          activity: n === 0 ? 'monthlyReport' : random.pick(TIME_ACTIVITIES),
          note:
            n === 0
              ? 'Månadsrapport'
              : random.pick([
                  'Genomgång av inventering',
                  'QBR-förberedelse',
                  'Eskalering av ärende',
                  'Firmware-plan',
                  'Onboarding av ny site',
                ]),
          isBillable: true,
          user: DEMO_CSM,
        });
        used += minutes;
      }
    }
  }
  const cases: SupportCase[] = Array.from({ length: random.int(1, 4) }, (_, i) => {
    const opened = addDays(asOf, -random.int(1, 90));
    const isResolved = random.chance(0.6);
    return {
      id: `${customer.id}-case-${i + 1}`,
      customerId: customer.id,
      siteId: random.pick(sites).siteId,
      title: random.pick([
        'Video call drops after 30 minutes',
        'Room system does not join Teams meetings',
        'Echo in boardroom',
        'Phones lose registration',
        'Firmware update fails',
      ]),
      priority: random.pick(['P2', 'P3', 'P3', 'P4'] as const),
      openedAt: `${opened}T09:00:00Z`,
      resolvedAt: isResolved ? `${addDays(opened, random.int(0, 5))}T15:00:00Z` : null,
      polyCaseNumber: String(random.int(10000000, 99999999)),
      escalations: Array.from({ length: random.int(0, 2) }, (_, k) => ({
        level: k + 1,
        engaged: k === 0 ? 'Poly TAC' : 'Poly engineering',
        at: `${opened}T${String(11 + k)}:00:00Z`,
      })),
      status: isResolved ? 'resolved' : random.pick(['open', 'waiting'] as const),
    };
  });
  return { rmas, timeEntries, cases };
}

/** The demo portfolio as of a date (its latest inventory date). */
export function generateDemoPortfolio(asOf: CalendarDate, seed = 20261125): DemoPortfolio {
  const random = seededRandom(seed);
  const catalog = shippedCatalog();
  const portfolio: DemoPortfolio = {
    asOf,
    customers: [],
    sites: [],
    contracts: [],
    inventories: [],
    snapshots: [],
    deviceLists: [],
    trueUps: [],
    rmas: [],
    timeEntries: [],
    cases: [],
  };
  DEMO_BOOK.forEach((plan, index) => {
    const id = `demo-${String(index + 1).padStart(2, '0')}`;
    const customer: Customer = {
      id,
      name: plan.name,
      masterAccountId: `MA-${random.int(1000000, 9999999)}`,
      country: plan.country,
      lensAccounts: [plan.name],
      csm: DEMO_CSM,
      accountManager: DEMO_ACCOUNT_MANAGER,
      isArchived: false,
      // Every third customer has not signed the ECPS authorisation yet: opening an incident warns.
      ecpsAuthorisation:
        index % 3 === 2
          ? null
          : { signedOn: addDays(asOf, -300), signer: 'IT-chef', documentRef: `AUTH-${index + 1}` },
      cloudAgreements: [
        { partner: 'teams', validUntil: addDays(asOf, 200) },
        { partner: 'zoom', validUntil: addDays(asOf, index % 2 === 0 ? -20 : 120) },
      ],
    };
    const sites: Site[] = Array.from({ length: plan.sites }, (_, i) => ({
      id: `${id}-site-${i + 1}`,
      customerId: id,
      name:
        i === 0
          ? `${plan.city} HQ`
          : `${plan.city} ${['Nord', 'Syd', 'Väst', 'Öst', 'City', 'Hamn', 'Park'][i - 1] ?? i}`,
      siteId: `${plan.country}-${slug(plan.name)}-${String(i + 1).padStart(3, '0')}`,
      city: plan.city,
    }));
    const contract: Contract = {
      id: `${id}-contract`,
      customerId: id,
      number: `PE-${1001 + index}`,
      termStart: `${addMonthsToMonth(monthOf(asOf), -plan.termStart.monthsBefore)}-${String(plan.termStart.day).padStart(2, '0')}`,
      currency: plan.currency,
      categories: CATEGORIES.flatMap((category) => {
        const line = plan.categories.find((c) => c.category === category);
        return line
          ? [
              {
                category,
                installedAtStart: line.installedAtStart,
                agreedGrowth: line.agreedGrowth,
                unitPriceMinor: parseMoney(line.unitPrice.toFixed(2), plan.currency).minor,
              },
            ]
          : [];
      }),
      adjustmentMonth: null,
      settings: contractSettings({ blocksPerMonth: plan.blocksPerMonth }),
      tam: plan.blocksPerMonth >= 2,
      professionalServicesDiscountPct: 0,
      isEcps: plan.categories.some((c) => c.category === 'video'),
      isArchived: false,
    };
    const pool = devicePool(
      random,
      plan,
      sites,
      plan.name,
      `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-8${random.hex(3)}-${random.hex(12)}`,
      asOf,
    );
    const devices = pool.map((p) => p.device);
    const records = serviceRecords(random, customer, contract, sites, devices, asOf);
    portfolio.customers.push(customer);
    portfolio.sites.push(...sites);
    portfolio.contracts.push(contract);
    portfolio.inventories.push({ customerId: id, asOf, devices });
    const history = snapshotsFor(id, plan, pool, catalog, asOf);
    portfolio.snapshots.push(...history.snapshots);
    portfolio.deviceLists.push(...history.lists);
    const due = dueTrueUps(contract, history.snapshots, [], asOf).find(
      (d) => d.category === plan.quotedTrueUp,
    );
    if (due) {
      const at = `${addDays(`${addMonthsToMonth(due.adjustmentMonth, 1)}-01`, 3)}T09:00:00Z`;
      portfolio.trueUps.push(
        quoteTrueUp(
          contract,
          due,
          [],
          `Q-${contract.number}-${due.category}`,
          { at, user: DEMO_CSM },
          `${id}-true-up-${due.category}`,
        ),
      );
    }
    portfolio.rmas.push(...records.rmas);
    portfolio.timeEntries.push(...records.timeEntries);
    portfolio.cases.push(...records.cases);
  });
  return portfolio;
}
