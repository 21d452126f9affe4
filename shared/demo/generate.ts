/**
 * The demo portfolio: a realistic partner book generated from DEMO_BOOK with a seeded PRNG. The same
 * as-of date gives the same portfolio, device for device, in the app, the tests and `csm demo`.
 */
import { shippedCatalog } from '../catalog/catalog';
import type { EolRecord } from '../catalog/eol-register';
import { dueTrueUps } from '../contracts/standing';
import { quoteTrueUp, suggestedQuoteNumber } from '../contracts/true-up-flow';
import type { DeviceListRecord } from '../inventory/device-list';
import { CATEGORIES } from '../model/category';
import type { Device } from '../model/device';
import type {
  Contract,
  Customer,
  InventorySnapshot,
  Rma,
  Site,
  SupportCase,
  TimeEntry,
  TrueUp,
} from '../model/entities';
import { addDays, addMonthsToMonth, monthOf, type CalendarDate } from '../terms/dates';
import { parseMoney } from '../terms/money';
import { contractSettings } from '../terms/settings';
import { DEMO_ACCOUNT_MANAGER, DEMO_BOOK, DEMO_CSM, type DemoCustomerPlan } from './book';
import { devicePool, snapshotsFor } from './devices';
import { seededRandom, type Random } from './random';
import { serviceRecords } from './service-records';
import { dictionary, type Language } from '../i18n';
import { demoEolRegister } from './eol-register';

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
  /** The demo partner's end-of-life register (eol-register.ts). */
  eolRegister: EolRecord[];
}

const slug = (name: string) =>
  name.normalize('NFD').replace(/[^\w]/g, '').slice(0, 4).toUpperCase();
/** A plan's customer: every third has not signed the ECPS authorisation yet (opening an incident warns). */
function demoCustomer(
  random: Random,
  plan: DemoCustomerPlan,
  index: number,
  id: string,
  asOf: CalendarDate,
): Customer {
  return {
    id,
    name: plan.name,
    masterAccountId: `MA-${random.int(1000000, 9999999)}`,
    country: plan.country,
    lensAccounts: [plan.name],
    csm: DEMO_CSM,
    accountManager: DEMO_ACCOUNT_MANAGER,
    isArchived: false,
    ecpsAuthorisation:
      index % 3 === 2
        ? null
        : { signedOn: addDays(asOf, -300), signer: 'IT-chef', documentRef: `AUTH-${index + 1}` },
    cloudAgreements: [
      { partner: 'teams', validUntil: addDays(asOf, 200) },
      { partner: 'zoom', validUntil: addDays(asOf, index % 2 === 0 ? -20 : 120) },
    ],
  };
}

function demoSites(plan: DemoCustomerPlan, id: string): Site[] {
  return Array.from({ length: plan.sites }, (_, i) => ({
    id: `${id}-site-${i + 1}`,
    customerId: id,
    name:
      i === 0
        ? `${plan.city} HQ`
        : `${plan.city} ${['Nord', 'Syd', 'Väst', 'Öst', 'City', 'Hamn', 'Park'][i - 1] ?? i}`,
    siteId: `${plan.country}-${slug(plan.name)}-${String(i + 1).padStart(3, '0')}`,
    city: plan.city,
  }));
}

function demoContract(
  plan: DemoCustomerPlan,
  index: number,
  id: string,
  asOf: CalendarDate,
): Contract {
  return {
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
    staleDays: null,
    tam: plan.blocksPerMonth >= 2,
    professionalServicesDiscountPct: 0,
    isEcps: plan.categories.some((c) => c.category === 'video'),
    isArchived: false,
  };
}

/** The true-up the plan says the demo's CSM has quoted, when it is due. */
function quotedTrueUp(
  plan: DemoCustomerPlan,
  id: string,
  contract: Contract,
  snapshots: InventorySnapshot[],
  asOf: CalendarDate,
): TrueUp | null {
  const due = dueTrueUps(contract, snapshots, [], asOf).find(
    (d) => d.category === plan.quotedTrueUp,
  );
  if (!due) return null;
  const at = `${addDays(`${addMonthsToMonth(due.adjustmentMonth, 1)}-01`, 3)}T09:00:00Z`;
  return quoteTrueUp(
    contract,
    due,
    [],
    suggestedQuoteNumber(contract, []),
    { at, user: DEMO_CSM },
    `${id}-true-up-${due.category}`,
  );
}

/**
 * The demo portfolio as of a date (its latest inventory date), its notes and titles in the language it
 * is loaded in; the same figures in either.
 */
export function generateDemoPortfolio(
  asOf: CalendarDate,
  language: Language = 'en',
  seed = 20261125,
): DemoPortfolio {
  const random = seededRandom(seed);
  const words = dictionary(language).demo;
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
    eolRegister: demoEolRegister(asOf, language),
  };
  // Each draw from `random` in the same order, so a date always gives the same portfolio.
  DEMO_BOOK.forEach((plan, index) => {
    const id = `demo-${String(index + 1).padStart(2, '0')}`;
    const customer = demoCustomer(random, plan, index, id, asOf);
    const sites = demoSites(plan, id);
    const contract = demoContract(plan, index, id, asOf);
    const accountId = `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-8${random.hex(3)}-${random.hex(12)}`;
    const pool = devicePool(random, plan, sites, plan.name, accountId, asOf);
    const devices = pool.map((p) => p.device);
    const records = serviceRecords({ random, customer, contract, sites, devices, asOf, words });
    portfolio.customers.push(customer);
    portfolio.sites.push(...sites);
    portfolio.contracts.push(contract);
    portfolio.inventories.push({ customerId: id, asOf, devices });
    const history = snapshotsFor(id, plan, pool, catalog, asOf);
    portfolio.snapshots.push(...history.snapshots);
    portfolio.deviceLists.push(...history.lists);
    const quoted = quotedTrueUp(plan, id, contract, history.snapshots, asOf);
    if (quoted) portfolio.trueUps.push(quoted);
    portfolio.rmas.push(...records.rmas);
    portfolio.timeEntries.push(...records.timeEntries);
    portfolio.cases.push(...records.cases);
  });
  return portfolio;
}
