/** The headset RMA threshold per calendar year (TERMS.md §6). */
import { compareFractions, fraction, floorFraction, multiplyFractions } from './fraction';
import { sumMoney, type CurrencyCode, type Money } from './money';
import { percentFraction } from './percent';
import type { CalendarDate } from './dates';

export interface RmaThreshold {
  base: number;
  rmaCount: number;
  /** ⌊base × rmaPct / 100⌋ */
  allowed: number;
  /** rmaCount × 100 > base × rmaPct */
  exceeded: boolean;
  /** rmaCount − allowed when exceeded, else 0. */
  excess: number;
  /** Reached rmaWarnPct % of the allowed count (or any RMA when none is allowed). */
  isWarning: boolean;
  /** rmaCount as % of allowed; null when none is allowed. */
  usedPct: number | null;
}

export function rmaThreshold(
  base: number,
  rmaCount: number,
  rmaPct: number,
  rmaWarnPct: number,
): RmaThreshold {
  const limit = multiplyFractions(fraction(base), percentFraction(rmaPct));
  const allowed = Number(floorFraction(limit));
  const exceeded = compareFractions(fraction(rmaCount), limit) > 0;
  const excess = exceeded ? rmaCount - allowed : 0;
  const warnAt = multiplyFractions(fraction(allowed), percentFraction(rmaWarnPct));
  const isWarning =
    allowed === 0 ? rmaCount > 0 : compareFractions(fraction(rmaCount), warnAt) >= 0;
  return {
    base,
    rmaCount,
    allowed,
    exceeded,
    excess,
    isWarning,
    usedPct: allowed === 0 ? null : (rmaCount * 100) / allowed,
  };
}

export interface PricedRma {
  approvedOn: CalendarDate;
  /** List price in force for the replaced model; null when the catalog has none. */
  listPrice: Money | null;
}

export interface RmaExposure {
  /** Sum of the known list prices of the last `excess` RMAs of the year in date order. */
  amount: Money;
  /** How many of those RMAs have no list price (the amount is then a lower bound). */
  unpriced: number;
}

/** What Poly may invoice for the excess: the list prices of the year's last `excess` RMAs. */
export function rmaExposure(
  rmas: readonly PricedRma[],
  excess: number,
  currency: CurrencyCode,
): RmaExposure {
  const ordered = [...rmas].sort((a, b) =>
    a.approvedOn < b.approvedOn ? -1 : a.approvedOn > b.approvedOn ? 1 : 0,
  );
  const last = excess > 0 ? ordered.slice(-excess) : [];
  const priced = last.flatMap((rma) =>
    rma.listPrice && rma.listPrice.currency === currency ? [rma.listPrice] : [],
  );
  return { amount: sumMoney(priced, currency), unpriced: last.length - priced.length };
}
