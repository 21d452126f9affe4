/**
 * What needs the CSM's or account manager's action for one customer, from its contract, latest snapshot
 * and this year's RMAs and this month's CSM time. Every figure comes from shared/terms.
 */
import type { Category } from '../model/category';
import type { Contract, InventorySnapshot, TrueUpState } from '../model/entities';
import { orderedUnits, triggerAt, type DashboardStatus } from '../terms/baseline';
import { monthLedger, type MinutesByMonth } from '../service/hours';
import {
  compareDates,
  firstDayOfMonth,
  monthOf,
  toDayNumber,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';
import { money, sumMoney, type Money } from '../terms/money';
import { rmaThreshold } from '../terms/rma';
import type { PartnerSettings } from '../terms/settings';
import { adjustmentMonth, renewalDate, termEnd } from '../terms/term';
import { trueUp } from '../terms/true-up';
import type { TrueUpAction } from '../contracts/standing';

/** How far ahead the portfolio looks for adjustments and renewals. */
export const ALERT_HORIZONS = { adjustmentDays: 60, renewalSoonDays: 90, renewalDays: 180 };

export type Alert =
  | {
      kind: 'trueUp';
      category: Category;
      /** Only what needs action: a true-up due (to quote), or in progress (to order, to apply). */
      action: 'due' | 'inProgress';
      isOverdue: boolean;
      state: TrueUpState | null;
      amount: Money | null;
      /** The adjustment month the true-up belongs to. */
      month: CalendarMonth | null;
    }
  | { kind: 'approaching'; category: Category }
  /** The adjustment month ahead, or this month (isNow) while it runs. */
  | { kind: 'adjustmentSoon'; month: CalendarMonth; projected: Money; isNow: boolean }
  | { kind: 'renewalSoon' | 'renewal'; date: CalendarDate; days: number }
  | { kind: 'rmaWarning'; used: number; allowed: number; exceeded: boolean }
  | { kind: 'unknownModels'; devices: number; models: number }
  | { kind: 'staleInventory'; asOf: CalendarDate | null; days: number | null }
  | { kind: 'hoursOverspent'; overageMinutes: number }
  | { kind: 'rmaOverdue'; late: number; unreturned: number };

/** What alerts read of a category's standing (the portfolio's row cell, PortfolioCategory, is one). */
export interface AlertCategory {
  category: Category;
  /** Null without a contract: the counts are shown alone. */
  ordered: number | null;
  status: DashboardStatus | null;
  /** What the status means (TERMS.md §4), with its month, amount and next step. */
  action: TrueUpAction | null;
  isOverdue: boolean;
  amount: Money | null;
  state: TrueUpState | null;
  adjustmentMonth: CalendarMonth | null;
}

export interface AlertInput {
  contract: Contract | undefined;
  latest: InventorySnapshot | undefined;
  categories: readonly AlertCategory[];
  /** Headset RMAs approved this calendar year. */
  headsetRmasThisYear: number;
  /** CSM minutes logged per month. */
  usedMinutesByMonth: MinutesByMonth;
  lateRmas: number;
  unreturnedRmas: number;
  today: CalendarDate;
  partner: PartnerSettings;
}

const daysBetween = (from: CalendarDate, to: CalendarDate) => toDayNumber(to) - toDayNumber(from);

function contractAlerts(contract: Contract, input: AlertInput): Alert[] {
  const { today, latest } = input;
  const alerts: Alert[] = [];
  const { termMonths } = contract.settings;
  const end = termEnd(contract.termStart, termMonths);
  const month = adjustmentMonth(contract.termStart, termMonths, contract.adjustmentMonth);
  const adjustmentStart = firstDayOfMonth(month);
  const isNow = monthOf(today) === month;
  if (
    isNow ||
    (compareDates(adjustmentStart, today) >= 0 &&
      daysBetween(today, adjustmentStart) <= ALERT_HORIZONS.adjustmentDays)
  ) {
    const amounts = contract.categories.flatMap((line) => {
      const ordered = orderedUnits(line.installedAtStart, line.agreedGrowth);
      const count = latest?.summary.counts[line.category] ?? 0;
      const result = trueUp({
        ordered,
        count,
        triggerAt: triggerAt(ordered, contract.settings.baselinePct),
        unitPrice: money(line.unitPriceMinor, contract.currency),
        adjustmentMonth: month,
        termEnd: end,
        termStart: contract.termStart,
      });
      return result ? [result.amount] : [];
    });
    alerts.push({
      kind: 'adjustmentSoon',
      month,
      projected: sumMoney(amounts, contract.currency),
      isNow,
    });
  }
  const renewal = renewalDate(contract.termStart, termMonths);
  const days = daysBetween(today, renewal);
  if (days >= 0 && days <= ALERT_HORIZONS.renewalDays)
    alerts.push({
      kind: days <= ALERT_HORIZONS.renewalSoonDays ? 'renewalSoon' : 'renewal',
      date: renewal,
      days,
    });
  const headsets = contract.categories.find((c) => c.category === 'headsets');
  if (headsets) {
    // The base is the headset ordered units in force (after an applied true-up).
    const threshold = rmaThreshold(
      input.categories.find((c) => c.category === 'headsets')?.ordered ??
        orderedUnits(headsets.installedAtStart, headsets.agreedGrowth),
      input.headsetRmasThisYear,
      contract.settings.rmaPct,
      contract.settings.rmaWarnPct,
    );
    if (threshold.isWarning)
      alerts.push({
        kind: 'rmaWarning',
        used: input.headsetRmasThisYear,
        allowed: threshold.allowed,
        exceeded: threshold.exceeded,
      });
  }
  const ledger = monthLedger(contract, input.usedMinutesByMonth, monthOf(today));
  if (ledger.overageMinutes > 0 && ledger.allowedMinutes > 0)
    alerts.push({ kind: 'hoursOverspent', overageMinutes: ledger.overageMinutes });
  return alerts;
}

/** When an alert is due: its adjustment month (YYYY-MM) or renewal date; null for what has none. */
export function alertDate(alert: Alert): string | null {
  switch (alert.kind) {
    case 'trueUp':
    case 'adjustmentSoon':
      return alert.month;
    case 'renewal':
    case 'renewalSoon':
      return alert.date;
    default:
      return null;
  }
}

/** Alerts by date, the earliest first (a month sorts before the days in it); undated ones after. */
export function byDate(alerts: readonly Alert[]): Alert[] {
  const dated = alerts.flatMap((alert) => {
    const date = alertDate(alert);
    return date === null ? [] : [{ alert, date }];
  });
  dated.sort((a, b) => a.date.localeCompare(b.date));
  return [...dated.map((d) => d.alert), ...alerts.filter((a) => alertDate(a) === null)];
}

/** What needs action for one customer, sorted by date (byDate). */
export function customerAlerts(input: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  for (const category of input.categories) {
    if (category.action === 'due' || category.action === 'inProgress')
      alerts.push({
        kind: 'trueUp',
        category: category.category,
        action: category.action,
        isOverdue: category.isOverdue,
        state: category.state,
        amount: category.amount,
        month: category.adjustmentMonth,
      });
    else if (category.status === 'approaching')
      alerts.push({ kind: 'approaching', category: category.category });
  }
  if (input.contract) alerts.push(...contractAlerts(input.contract, input));
  if (input.lateRmas > 0 || input.unreturnedRmas > 0)
    alerts.push({ kind: 'rmaOverdue', late: input.lateRmas, unreturned: input.unreturnedRmas });
  const unknown = input.latest?.summary.excluded.unknown ?? 0;
  if (unknown > 0)
    alerts.push({
      kind: 'unknownModels',
      devices: unknown,
      models: input.latest?.summary.unknownModels.length ?? 0,
    });
  const age = input.latest ? daysBetween(input.latest.asOf, input.today) : null;
  if (age === null || age > input.partner.staleInventoryDays)
    alerts.push({ kind: 'staleInventory', asOf: input.latest?.asOf ?? null, days: age });
  return byDate(alerts);
}
