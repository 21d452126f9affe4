/**
 * The lifecycle figures (issue 24, TERMS.md §12): of the devices that count today, those whose model
 * reaches end of support or end of life within the next 3, 6 or 12 months, by site and model, with
 * the dates, where each comes from, the notice and the note: what a partner quotes replacements for.
 *
 * The windows are nested: the 12 months hold the 6, which hold the 3, because a replacement quote
 * covers everything ending up to a horizon. A window runs from the as-of date to the same day N
 * months on, both days included. A model whose end of support has already passed (its end of life
 * not within the window) is listed apart, "already past".
 */
import type { Catalog } from '../catalog/catalog';
import type { ModelDates, SourcedDate } from '../catalog/eol-register';
import { isCategory } from '../model/category';
import type { Device } from '../model/device';
import { addMonths, monthOf, monthRange, type CalendarDate } from '../terms/dates';
import { notCountedRule } from './count';

export const LIFECYCLE_WINDOWS = [3, 6, 12] as const;
export type LifecycleWindow = (typeof LIFECYCLE_WINDOWS)[number];

export const MILESTONES = ['endOfSupport', 'endOfLife'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** A model's dates as a lifecycle line shows them. */
export interface LineDates {
  endOfSupport: SourcedDate | null;
  endOfLife: SourcedDate | null;
  /** Which of the dates fall in the window (or, in the "already past" list, have passed). */
  reaching: Milestone[];
  /** Which of the dates lie before the as-of date. */
  passed: Milestone[];
  notice: string | null;
  note: string | null;
}

/** Devices of one model at one site reaching an end. */
export interface LifecycleLine extends LineDates {
  /** The site as Lens names it ('' when the device has none). */
  site: string;
  model: string;
  quantity: number;
}

/** One model's devices over every site: the quantity the partner quotes. */
export interface ModelTotal extends LineDates {
  model: string;
  quantity: number;
}

export interface LifecycleList {
  asOf: CalendarDate;
  months: LifecycleWindow;
  /** The window's last day (included). */
  until: CalendarDate;
  /** Reaching an end within the window, by site then model. */
  lines: LifecycleLine[];
  /** End of support already passed and nothing within the window, by site then model. */
  past: LifecycleLine[];
}

/** A customer's current inventory and the rule it was counted with. */
export interface LifecycleInventory {
  devices: readonly Device[];
  /** The inventory's as-of date: the stale rule counts back from it (TERMS.md §12). */
  inventoryAsOf: CalendarDate;
  staleDays: number | null;
}

const bySiteAndModel = (a: LifecycleLine, b: LifecycleLine) =>
  a.site.localeCompare(b.site) || a.model.localeCompare(b.model);

/** The window of `months` from `asOf`: its last day is the same day `months` months on. */
export function lifecycleWindow(
  asOf: CalendarDate,
  months: LifecycleWindow,
): Pick<LifecycleList, 'asOf' | 'months' | 'until'> {
  return { asOf, months, until: addMonths(asOf, months) };
}

/** A model's dates placed against a window: what it reaches in it, or what has passed. */
function placed(
  dates: ModelDates,
  asOf: CalendarDate,
  until: CalendarDate,
): { where: 'window' | 'past'; line: LineDates } | null {
  const at = (m: Milestone) => dates[m]?.date;
  const within = MILESTONES.filter((m) => {
    const date = at(m);
    return date !== undefined && date >= asOf && date <= until;
  });
  const passed = MILESTONES.filter((m) => {
    const date = at(m);
    return date !== undefined && date < asOf;
  });
  const reaching = within.length > 0 ? within : passed;
  if (reaching.length === 0) return null;
  return {
    where: within.length > 0 ? 'window' : 'past',
    line: {
      endOfSupport: dates.endOfSupport ?? null,
      endOfLife: dates.endOfLife ?? null,
      reaching,
      passed,
      notice: dates.notice ?? null,
      note: dates.note ?? null,
    },
  };
}

/**
 * The lifecycle list of one customer's inventory on `asOf` (today) for a window of `months`. Only
 * devices that count today are in it: not deleted, archived or stale (by the inventory's rule, from
 * its as-of date), not already end of life, of a known model in a category.
 */
export function lifecycleList(
  inventory: LifecycleInventory,
  catalog: Catalog,
  asOf: CalendarDate,
  months: LifecycleWindow,
): LifecycleList {
  const { until } = lifecycleWindow(asOf, months);
  const reasonOf = notCountedRule(inventory.inventoryAsOf, inventory.staleDays);
  const found = new Map<string, { where: 'window' | 'past'; line: LifecycleLine }>();
  for (const device of inventory.devices) {
    if (reasonOf(device) !== null || !isCategory(catalog.classify(device.model, asOf))) continue;
    const model = device.model.trim();
    const key = `${device.site}\u0000${model}`;
    const known = found.get(key);
    if (known) {
      known.line.quantity++;
      continue;
    }
    const dates = catalog.datesOf(model);
    const at = dates ? placed(dates, asOf, until) : null;
    if (at)
      found.set(key, {
        where: at.where,
        line: { site: device.site, model, quantity: 1, ...at.line },
      });
  }
  const of = (where: 'window' | 'past') =>
    [...found.values()]
      .filter((f) => f.where === where)
      .map((f) => f.line)
      .sort(bySiteAndModel);
  return { asOf, months, until, lines: of('window'), past: of('past') };
}

/** The lines' quantities per model over every site, by model. */
export function modelTotals(lines: readonly ModelTotal[]): ModelTotal[] {
  const totals = new Map<string, ModelTotal>();
  for (const line of lines) {
    const known = totals.get(line.model);
    if (known) known.quantity += line.quantity;
    else {
      const { endOfSupport, endOfLife, reaching, passed, notice, note, model, quantity } = line;
      const total = { endOfSupport, endOfLife, reaching, passed, notice, note };
      totals.set(model, { model, quantity, ...total });
    }
  }
  return [...totals.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/** The devices of the lines: how many reach an end. */
export const deviceTotal = (lines: readonly { quantity: number }[]): number =>
  lines.reduce((sum, line) => sum + line.quantity, 0);

/** Per month from the as-of month on, the devices whose end of support or end of life falls in it. */
export interface LifecycleMonth {
  month: string;
  endOfSupport: number;
  endOfLife: number;
}

/** The chart's series: each month of the window, its devices reaching each end. */
export function lifecycleByMonth(
  list: Pick<LifecycleList, 'asOf' | 'until'> & { lines: readonly ModelTotal[] },
): LifecycleMonth[] {
  const months = monthRange(monthOf(list.asOf), monthOf(list.until)).map((month) => ({
    month,
    endOfSupport: 0,
    endOfLife: 0,
  }));
  for (const line of list.lines)
    for (const milestone of line.reaching) {
      const date = line[milestone]?.date;
      const month = date && months.find((m) => m.month === monthOf(date));
      if (month) month[milestone] += line.quantity;
    }
  return months;
}

/** A customer of the portfolio with its current inventory. */
export interface PortfolioInventory extends LifecycleInventory {
  customerId: string;
  customer: string;
}

/** One customer's devices of one model reaching an end within the window (the portfolio's list). */
export interface PortfolioLifecycleRow extends ModelTotal {
  customerId: string;
  customer: string;
}

/** The portfolio's lifecycle list: per customer (in the order given) and model, the quantity. */
export function portfolioLifecycle(
  inventories: readonly PortfolioInventory[],
  catalog: Catalog,
  asOf: CalendarDate,
  months: LifecycleWindow,
): PortfolioLifecycleRow[] {
  return inventories.flatMap(({ customerId, customer, ...inventory }) =>
    modelTotals(lifecycleList(inventory, catalog, asOf, months).lines).map((total) => ({
      customerId,
      customer,
      ...total,
    })),
  );
}
