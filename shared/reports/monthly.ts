/**
 * The monthly report model (what each customer receives through the partner): computed once from the
 * entities by shared/ rules, frozen into the archive when exported, and laid out as a workbook by
 * monthly-layout.ts. The app and `csm report` build it with this one function.
 *
 * Everything in it is as of the month's last day (TERMS.md §10): the latest inventory on or before
 * that day and its device list, the contract as it stood then, true-ups in the state they had reached,
 * records dated on or before it. So a month's report gives the same figures whatever comes later.
 */
import { changedFields, type FieldChange } from '../contracts/history';
import { serviceRecordsAsOf, termCovering, trueUpsAsOf } from '../contracts/as-of';
import {
  contractStandings,
  contractTerm,
  latestOnOrBefore,
  type CategoryStanding,
} from '../contracts/standing';
import { CATEGORIES, isCategory, perExcludedClass } from '../model/category';
import type { Device } from '../model/device';
import { deviceClassifier } from '../inventory/count';
import type { InventorySnapshot } from '../model/entities';
import { escalationLevel, minutesToResolve } from '../service/cases';
import { growthPct } from '../terms/baseline';
import {
  addMonthsToMonth,
  compareDates,
  lastDayOfMonth,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';
import { fractionToDecimal } from '../terms/fraction';
import { moneyToDecimal } from '../terms/money';
import { monthsChargedText } from '../terms/term';
import { monthlyTrend } from './trend';
import { growthSummary } from './plan';
import { DEFAULT_PARTNER_SETTINGS } from '../terms/settings';
import { serviceSummary } from './service';
import type {
  MonthlyReport,
  MonthlyReportInput,
  ReportCategory,
  ReportDevice,
} from './monthly-model';

export { contractInForce } from '../contracts/as-of';
export type {
  MonthlyReport,
  MonthlyReportInput,
  ReportBrand,
  ReportCategory,
  ReportDevice,
  ReportLanguage,
} from './monthly-model';

/** The inventories a month's report lists: the month's, and the previous month's for what changed. */
export function reportInventories<T extends InventorySnapshot>(
  snapshots: readonly T[],
  month: CalendarMonth,
): { current: T | undefined; previous: T | undefined } {
  return {
    current: latestOnOrBefore(snapshots, lastDayOfMonth(month)),
    previous: latestOnOrBefore(snapshots, lastDayOfMonth(addMonthsToMonth(month, -1))),
  };
}

function reportCategory(standing: CategoryStanding): ReportCategory {
  const { figures, record, action } = standing;
  const months = figures?.monthsCharged;
  const whole = months ? months.num / months.den : 0n;
  return {
    category: standing.category,
    ordered: standing.ordered,
    baseline: standing.baseline,
    triggerAt: standing.triggerAt,
    count: standing.count,
    growthPct: standing.count === null ? null : growthPct(standing.count, standing.ordered),
    status: standing.status,
    action,
    isOverdue: standing.isOverdue,
    unitsAtRenewal: standing.unitsAtRenewal,
    trueUp:
      figures && months
        ? {
            state: record?.state ?? (action === 'projected' ? 'projected' : 'due'),
            added: figures.added,
            unitPrice: moneyToDecimal(figures.unitPrice),
            months: monthsChargedText(Number(whole), months.num - whole * months.den, months.den),
            monthsCharged: Number(fractionToDecimal(months)),
            amount: moneyToDecimal(figures.amount),
            quoteNumber: record?.quoteNumber ?? '',
            poNumber: record?.poNumber ?? '',
          }
        : null,
  };
}

/** The counts of a customer without a contract: every category, no ordered units. */
function uncontractedCategory(
  category: ReportCategory['category'],
  count: number | null,
): ReportCategory {
  return {
    category,
    ordered: null,
    baseline: null,
    triggerAt: null,
    count,
    growthPct: null,
    status: null,
    action: null,
    isOverdue: false,
    unitsAtRenewal: null,
    trueUp: null,
  };
}

/**
 * Every device of the month's inventory, marked new or removed against the previous month's, stale
 * ones by the rule the month was counted with (TERMS.md §12).
 */
function reportDevices(
  input: MonthlyReportInput,
  asOf: CalendarDate,
  staleDays: number | null,
): ReportDevice[] {
  const devices = input.devices ?? [];
  const previous = input.previousDevices;
  const before = new Set(previous?.map((d) => d.id));
  const now = previous ? new Set(devices.map((d) => d.id)) : before;
  const classOf = deviceClassifier(input.catalog, asOf, staleDays);
  const row = (device: Device, change: ReportDevice['change']): ReportDevice => ({
    serial: device.serial,
    deviceId: device.deviceId,
    model: device.model,
    cls: classOf(device),
    site: device.site,
    room: device.room,
    softwareVersion: device.softwareVersion,
    online: device.online,
    lastDetected: device.lastDetected,
    change,
  });
  return [
    ...devices.map((d) => row(d, previous && !before.has(d.id) ? 'new' : null)),
    ...(previous ?? []).filter((d) => !now.has(d.id)).map((d) => row(d, 'removed')),
  ];
}

export function monthlyReport(input: MonthlyReportInput): MonthlyReport {
  const { month, customer } = input;
  const end = lastDayOfMonth(month);
  const snapshots = [...input.snapshots]
    .filter((s) => s.customerId === customer.id && compareDates(s.asOf, end) <= 0)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
  const snapshot = snapshots.at(-1);
  const contract = input.contract ? termCovering(input.contract, end) : undefined;
  const trueUps = trueUpsAsOf(input.trueUps, end);
  const records = serviceRecordsAsOf(input, end);
  const service = serviceSummary(month, {
    contract,
    trueUps,
    ...records,
    catalog: input.catalog,
    asOf: end < input.today ? end : input.today,
  });
  const term = contract ? contractTerm(contract) : null;
  const rma = service.rmas.headsets;
  const summary = snapshot?.summary;
  return {
    version: 2,
    month,
    generatedAt: input.generatedAt,
    brand: input.brand,
    customer: {
      name: customer.name,
      masterAccountId: customer.masterAccountId,
      csm: customer.csm,
      accountManager: customer.accountManager,
    },
    contract:
      contract && term
        ? {
            number: contract.number,
            currency: contract.currency,
            termStart: term.start,
            termEnd: term.end,
            adjustmentMonth: term.adjustmentMonth,
            renewalDate: term.renewal,
          }
        : null,
    asOf: snapshot?.asOf ?? null,
    categories: contract
      ? contractStandings(contract, snapshots, trueUps, month).map(reportCategory)
      : CATEGORIES.map((k) => uncontractedCategory(k, summary ? summary.counts[k] : null)),
    excluded: summary?.excluded ?? perExcludedClass(() => 0),
    unknownModels: summary?.unknownModels ?? [],
    rma: rma
      ? {
          year: rma.year,
          base: rma.threshold.base,
          allowed: rma.threshold.allowed,
          used: rma.threshold.rmaCount,
          exceeded: rma.threshold.exceeded,
          excess: rma.threshold.excess,
          exposure: moneyToDecimal(rma.exposure.amount),
          unpriced: rma.exposure.unpriced,
          isWarning: rma.threshold.isWarning,
        }
      : null,
    hours: service.hours.ledger,
    cases: {
      opened: service.cases.opened,
      resolved: service.cases.resolved,
      openAtMonthEnd: service.cases.openAtMonthEnd,
      escalated: service.cases.escalated,
    },
    incidents: {
      opened: service.incidents.opened,
      resolved: service.incidents.resolved,
      openAtMonthEnd: service.incidents.openAtMonthEnd,
      jointCalls: service.incidents.jointCalls,
    },
    note: input.note,
    ...(contract
      ? {
          growth: growthSummary(
            contract,
            snapshots,
            month,
            input.acceptedAdjustmentRisk ?? DEFAULT_PARTNER_SETTINGS.acceptedAdjustmentRisk,
          ),
        }
      : {}),
    trend: monthlyTrend(snapshots).slice(-24),
    firmware: (summary?.models ?? []).filter((m) => isCategory(m.cls)).map((m) => ({ ...m })),
    isDeviceListKept: snapshot ? input.devices !== null : true,
    devices: snapshot ? reportDevices(input, snapshot.asOf, summary?.staleDays ?? null) : [],
    rmaRows: records.rmas
      .filter(
        (r) =>
          r.returnedOn === null || r.requestedOn.startsWith(month) || r.returnedOn >= `${month}-01`,
      )
      .map(({ id: _id, customerId: _customerId, caseId: _caseId, ...row }) => row),
    timeRows: service.hours.entries.map(({ id: _id, customerId: _customerId, ...row }) => row),
    caseRows: service.cases.active.map((c) => ({
      siteId: c.siteId,
      title: c.title,
      priority: c.priority,
      openedAt: c.openedAt,
      resolvedAt: c.resolvedAt,
      minutesToResolve: minutesToResolve(c),
      polyCaseNumber: c.polyCaseNumber,
      escalationLevel: escalationLevel(c),
      escalations: c.escalations
        .map((e) => `${e.level}: ${e.engaged} ${e.at.slice(0, 16).replace('T', ' ')}`)
        .join('; '),
      status: c.status,
    })),
    incidentRows: service.incidents.active.map((i) => ({
      cloudPartner: i.cloudPartner,
      trackingNumber: i.trackingNumber,
      title: i.title,
      status: i.status,
      openedAt: i.openedAt,
      resolvedAt: i.resolvedAt,
      updates: i.updates.length,
      jointCalls: i.jointCalls.length,
      rooms: i.rooms.join(', '),
      devices: i.devices.join(', '),
      override: i.override ? `${i.override.user}: ${i.override.reason}` : '',
    })),
  };
}

/**
 * What changed between a report as sent and the same month's report from today's data: the figures
 * (categories, counts, RMAs, hours, cases, incidents, inventory date, device count), not the time it
 * was made.
 */
export function reportChanges(sent: MonthlyReport, now: MonthlyReport): FieldChange[] {
  const figures = (r: MonthlyReport) => ({
    asOf: r.asOf,
    contract: r.contract,
    categories: r.categories,
    excluded: r.excluded,
    rma: r.rma,
    hours: r.hours,
    cases: r.cases,
    incidents: r.incidents,
    devices: r.devices.length,
    rmaRows: r.rmaRows.length,
    timeRows: r.timeRows.length,
  });
  return changedFields(figures(sent), figures(now));
}
