/**
 * The demo's service records: headset RMAs up to the year's threshold (one customer close to it), CSM
 * time for the last six months (one customer over its blocks this month) and a few support cases.
 */
import type { Contract, Customer, Rma, Site, SupportCase, TimeEntry } from '../model/entities';
import { TIME_ACTIVITIES } from '../model/entities';
import type { Device } from '../model/device';
import { orderedUnits } from '../terms/baseline';
import { addBusinessDays, nextBusinessDay } from '../terms/business-days';
import { blockLedger } from '../terms/csm-blocks';
import { addDays, addMonthsToMonth, monthOf, type CalendarDate } from '../terms/dates';
import { rmaThreshold } from '../terms/rma';
import type { Messages } from '../i18n';
import { DEMO_CSM } from './book';
import { DEMO_MODELS } from './devices';
import type { Random } from './random';

/** One demo customer, as its service records are drawn for it. */
export interface DemoCustomer {
  random: Random;
  customer: Customer;
  contract: Contract;
  sites: Site[];
  devices: Device[];
  asOf: CalendarDate;
  /** The records' words, in the language the demo is loaded in. */
  words: Messages['demo'];
}

function demoRmas({
  random,
  customer,
  contract,
  sites,
  devices,
  asOf,
  words,
}: DemoCustomer): Rma[] {
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
        reason: random.pick(words.rmaReasons),
        caseId: null,
      });
    }
  }
  return rmas;
}

function demoTimeEntries({ random, customer, contract, asOf, words }: DemoCustomer): TimeEntry[] {
  const { settings } = contract;
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
          note: n === 0 ? words.monthlyReport : random.pick(words.timeNotes),
          isBillable: true,
          user: DEMO_CSM,
        });
        used += minutes;
      }
    }
  }
  return timeEntries;
}

function demoCases({ random, customer, sites, asOf, words }: DemoCustomer): SupportCase[] {
  return Array.from({ length: random.int(1, 4) }, (_, i) => {
    const opened = addDays(asOf, -random.int(1, 90));
    const isResolved = random.chance(0.6);
    return {
      id: `${customer.id}-case-${i + 1}`,
      customerId: customer.id,
      siteId: random.pick(sites).siteId,
      title: random.pick(words.caseTitles),
      priority: random.pick(['P2', 'P3', 'P3', 'P4'] as const),
      openedAt: `${opened}T09:00:00Z`,
      resolvedAt: isResolved ? `${addDays(opened, random.int(0, 5))}T15:00:00Z` : null,
      polyCaseNumber: String(random.int(10000000, 99999999)),
      escalations: Array.from({ length: random.int(0, 2) }, (_, k) => ({
        level: k + 1,
        engaged: k === 0 ? 'Poly TAC' : words.engineering,
        at: `${opened}T${String(11 + k)}:00:00Z`,
      })),
      status: isResolved ? 'resolved' : random.pick(['open', 'waiting'] as const),
    };
  });
}

/** A customer's RMAs, time entries and cases, drawn in that order from the demo's random stream. */
export function serviceRecords(demo: DemoCustomer) {
  const rmas = demoRmas(demo);
  const timeEntries = demoTimeEntries(demo);
  const cases = demoCases(demo);
  return { rmas, timeEntries, cases };
}
