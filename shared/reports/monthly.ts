/**
 * The monthly report model (what each customer receives through the partner): computed once from the
 * entities by shared/ rules, frozen into the archive when exported, and laid out as a workbook by
 * monthly-layout.ts. The app and `csm report` build it with this one function.
 */
import { changedFields, type FieldChange } from '../contracts/history';
import {
  categoryStanding,
  contractTerm,
  currentTrueUps,
  dueTrueUps,
  orderedInForce,
} from '../contracts/standing';
import { isCategory } from '../model/category';
import type { Device } from '../model/device';
import type { InventorySnapshot } from '../model/entities';
import { escalationLevel, minutesToResolve } from '../service/cases';
import { growthPct } from '../terms/baseline';
import { lastDayOfMonth } from '../terms/dates';
import { fraction, fractionToDecimal, type Fraction } from '../terms/fraction';
import { money, moneyToDecimal, type Money } from '../terms/money';
import { monthlyTrend } from './trend';
import { serviceSummary } from './service';
import type {
  MonthlyReport,
  MonthlyReportInput,
  ReportCategory,
  ReportDevice,
} from './monthly-model';

export type {
  MonthlyReport,
  MonthlyReportInput,
  ReportBrand,
  ReportCategory,
  ReportDevice,
  ReportLanguage,
} from './monthly-model';
import { monthsChargedText } from '../terms/term';

/** A true-up as the report shows it: money as decimal text, months charged as text and as a number. */
function reportTrueUp(
  state: NonNullable<ReportCategory['trueUp']>['state'],
  added: number,
  unitPrice: Money,
  months: Fraction,
  amount: Money,
): ReportCategory['trueUp'] {
  const whole = months.num / months.den;
  return {
    state,
    added,
    unitPrice: moneyToDecimal(unitPrice),
    months: monthsChargedText(Number(whole), months.num - whole * months.den, months.den),
    monthsCharged: Number(fractionToDecimal(months)),
    amount: moneyToDecimal(amount),
  };
}

function reportCategories(
  input: MonthlyReportInput,
  snapshot: InventorySnapshot | undefined,
): ReportCategory[] {
  const { contract, month } = input;
  if (!contract) return [];
  const term = contractTerm(contract);
  const recorded = currentTrueUps(contract, input.trueUps);
  const dueNow = dueTrueUps(contract, input.snapshots, input.trueUps, lastDayOfMonth(month));
  return contract.categories.map((line) => {
    const record = recorded.get(line.category);
    const ordered = orderedInForce(line, record);
    const count = snapshot ? snapshot.summary.counts[line.category] : null;
    const standing = categoryStanding(contract, line, ordered, count, month);
    const due = dueNow.find((d) => d.category === line.category);
    // Recorded; else projected before the adjustment month; else due only as the adjustment month's
    // count decided (units added later are charged at renewal, TERMS.md §4).
    const trueUp = record
      ? reportTrueUp(
          record.state,
          record.added,
          money(record.unitPriceMinor, record.currency),
          fraction(
            record.monthsWhole * record.monthsPartial[1] + record.monthsPartial[0],
            record.monthsPartial[1],
          ),
          money(record.amountMinor, record.currency),
        )
      : month < term.adjustmentMonth && standing.trueUp
        ? reportTrueUp(
            'projected',
            standing.trueUp.added,
            money(line.unitPriceMinor, contract.currency),
            standing.trueUp.monthsCharged.total,
            standing.trueUp.amount,
          )
        : due
          ? reportTrueUp('due', due.added, due.unitPrice, due.monthsCharged.total, due.amount)
          : null;
    return {
      category: line.category,
      ordered,
      baseline: standing.baseline,
      triggerAt: standing.triggerAt,
      count,
      growthPct: count === null ? null : growthPct(count, ordered),
      status: standing.status,
      trueUp,
    };
  });
}

function reportDevices(
  input: MonthlyReportInput,
  snapshot: InventorySnapshot | undefined,
): ReportDevice[] {
  const inMonth = input.snapshots.filter((s) => s.month === input.month);
  const added = new Set(inMonth.flatMap((s) => s.changes?.addedIds ?? []));
  const asOf = snapshot?.asOf ?? input.today;
  const row = (device: Device, change: ReportDevice['change']): ReportDevice => ({
    serial: device.serial,
    deviceId: device.deviceId,
    model: device.model,
    cls: input.catalog.classify(device.model, asOf),
    site: device.site,
    room: device.room,
    softwareVersion: device.softwareVersion,
    online: device.online,
    lastDetected: device.lastDetected,
    change,
  });
  const current = new Set(input.devices.map((d) => d.id));
  return [
    ...input.devices.map((d) => row(d, added.has(d.id) ? 'new' : null)),
    ...inMonth
      .flatMap((s) => s.changes?.removed ?? [])
      .filter((d) => !current.has(d.id))
      .map((d) => row(d, 'removed')),
  ];
}

export function monthlyReport(input: MonthlyReportInput): MonthlyReport {
  const { month, contract, customer } = input;
  const end = lastDayOfMonth(month);
  const snapshots = [...input.snapshots]
    .filter((s) => s.customerId === customer.id)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
  const snapshot = snapshots.filter((s) => s.asOf <= end).at(-1);
  const service = serviceSummary(month, {
    contract,
    trueUps: input.trueUps,
    rmas: input.rmas,
    timeEntries: input.timeEntries,
    cases: input.cases,
    incidents: input.incidents,
    catalog: input.catalog,
    asOf: end < input.today ? end : input.today,
  });
  const term = contract ? contractTerm(contract) : null;
  const rma = service.rmas.headsets;
  const summary = snapshot?.summary;
  return {
    version: 1,
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
    categories: reportCategories(input, snapshot),
    excluded: summary?.excluded ?? { eol: 0, quote: 0, software: 0, unknown: 0 },
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
    trend: monthlyTrend(snapshots.filter((s) => s.asOf <= end)).slice(-24),
    firmware: (summary?.models ?? []).filter((m) => isCategory(m.cls)).map((m) => ({ ...m })),
    devices: snapshot && snapshot === snapshots.at(-1) ? reportDevices(input, snapshot) : [],
    rmaRows: input.rmas
      .filter(
        (r) =>
          r.requestedOn <= end &&
          (r.returnedOn === null ||
            r.requestedOn.startsWith(month) ||
            r.returnedOn >= `${month}-01`),
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
