/**
 * The partner's end-of-life register: per model the dates Poly's bulletins announce (end of sale,
 * end of support, end of life), the notice and a note. Merged with the catalog: where the register
 * has the model, its dates win (TERMS.md §12), and the dates say where they come from.
 */
import type { CalendarDate } from '../terms/dates';
import { lastDayOfMonth, monthOf } from '../terms/dates';
import type { CatalogEntry } from './schema';

/** One model's line of the register. `model` is matched as a catalog pattern (catalog.ts). */
export interface EolRecord {
  id: string;
  model: string;
  endOfSale?: CalendarDate;
  endOfSupport?: CalendarDate;
  endOfLife?: CalendarDate;
  /** The bulletin's address (http or https). */
  notice?: string;
  note?: string;
  /** Where the line comes from: the imported file's name, or the person who typed it. */
  source: string;
}

/** A lifecycle date and where it comes from. */
export interface SourcedDate {
  date: CalendarDate;
  from: 'register' | 'catalog';
}

/**
 * A model's lifecycle dates: each from the register where its line gives it, else from the catalog
 * (whose end of service is the model's end of life, TERMS.md §1).
 */
export interface ModelDates {
  endOfSale?: SourcedDate;
  endOfSupport?: SourcedDate;
  endOfLife?: SourcedDate;
  notice?: string;
  note?: string;
  /** The register line's source where the model has one, else the catalog entry's. */
  source: string;
}

const sourced = (date: CalendarDate | undefined, from: SourcedDate['from']) =>
  date === undefined ? undefined : { date, from };

/** The register line's dates over the catalog entry's, date by date. */
export function mergeDates(
  record: EolRecord | null,
  entry: CatalogEntry | null,
): ModelDates | null {
  if (!record && !entry) return null;
  const pick = (own: CalendarDate | undefined, catalog: CalendarDate | undefined) =>
    sourced(own, 'register') ?? sourced(catalog, 'catalog');
  const endOfSale = pick(record?.endOfSale, entry?.endOfSale);
  const endOfSupport = pick(record?.endOfSupport, undefined);
  const endOfLife = pick(record?.endOfLife, entry?.endOfService);
  return {
    ...(endOfSale ? { endOfSale } : {}),
    ...(endOfSupport ? { endOfSupport } : {}),
    ...(endOfLife ? { endOfLife } : {}),
    ...(record?.notice ? { notice: record.notice } : {}),
    ...(record?.note ? { note: record.note } : {}),
    source: record?.source ?? entry?.source ?? '',
  };
}

/**
 * True when the model is end of life on the as-of date. The register's date decides for the whole
 * month it falls in: end of life in month M when M's last day is on or after it (§12). The catalog's
 * end of service decides from the day after it (§1).
 */
export function isPastEndOfLife(dates: ModelDates, asOf: CalendarDate): boolean {
  const { endOfLife } = dates;
  if (endOfLife === undefined) return false;
  return endOfLife.from === 'register'
    ? endOfLife.date <= lastDayOfMonth(monthOf(asOf))
    : endOfLife.date < asOf;
}
