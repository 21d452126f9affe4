import { fraction, type Fraction } from './fraction';

/**
 * A percentage as an exact fraction of one: 5 → 5/100, 7.25 → 725/10000. Percentages carry at most
 * two decimals; anything else is refused rather than rounded.
 */
export function percentFraction(pct: number): Fraction {
  const hundredths = Math.round(pct * 100);
  if (!Number.isFinite(pct) || pct < 0 || Math.abs(hundredths - pct * 100) > 1e-6) {
    throw new RangeError(`a percentage needs at most two decimals and no sign: ${pct}`);
  }
  return fraction(hundredths, 10000);
}
