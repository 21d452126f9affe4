/** Properties of the rules that must hold for every input, not just the worked examples. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceIdentity } from '../../../../shared/inventory';
import {
  fromDayNumber,
  toDayNumber,
  baselineFraction,
  categoryStatus,
  compareFractions,
  fraction,
  monthsCharged,
  adjustmentMonth,
  termEnd,
  triggerAt,
  trueUp,
  money,
  multiplyFractions,
} from '../../../../shared/terms';

const pct = fc.integer({ min: 0, max: 10000 }).map((hundredths) => hundredths / 100);
const ordered = fc.integer({ min: 0, max: 1_000_000 });
/** Any date from 2000 to 2100, month ends included. */
const date = fc
  .integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2100-12-31') })
  .map(fromDayNumber);

describe('triggerAt', () => {
  it('is the least whole count that reaches the baseline', () => {
    fc.assert(
      fc.property(
        ordered.filter((o) => o > 0),
        pct,
        (o, p) => {
          const t = triggerAt(o, p);
          const base = baselineFraction(o, p);
          expect(compareFractions(fraction(t), base)).toBeGreaterThanOrEqual(0);
          expect(compareFractions(fraction(t - 1), base)).toBeLessThan(0);
        },
      ),
    );
  });
});

describe('category status', () => {
  it('is monotonic in the count', () => {
    const rank = { under: 0, within: 1, trueUpDue: 2 } as const;
    fc.assert(
      fc.property(
        ordered,
        pct,
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (o, p, count, more) => {
          const t = triggerAt(o, p);
          expect(rank[categoryStatus(count + more, o, t)]).toBeGreaterThanOrEqual(
            rank[categoryStatus(count, o, t)],
          );
        },
      ),
    );
  });
});

describe('months charged', () => {
  it('never exceeds the term', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (start, months) => {
        const charged = monthsCharged(
          adjustmentMonth(start, months),
          termEnd(start, months),
          start,
        );
        expect(compareFractions(charged.total, fraction(months))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('true-up amount', () => {
  it('is exact for any price and term: the rounded value is within half a minor unit of the exact one', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 100_000_00 }),
        (start, months, o, extra, priceMinor) => {
          const end = termEnd(start, months);
          const adj = adjustmentMonth(start, months);
          const count = o + extra;
          const result = trueUp({
            ordered: o,
            count,
            triggerAt: Math.min(count, triggerAt(o, 5)),
            unitPrice: money(priceMinor, 'SEK'),
            adjustmentMonth: adj,
            termEnd: end,
            termStart: start,
          });
          if (!result) throw new Error('expected a true-up');
          const charged = monthsCharged(adj, end, start).total;
          const exact = multiplyFractions(
            fraction(BigInt(extra) * BigInt(priceMinor)),
            multiplyFractions(charged, fraction(1, 12)),
          );
          const diff = fraction(BigInt(result.amount.minor) * exact.den - exact.num, exact.den);
          expect(
            compareFractions(
              fraction(diff.num < 0n ? -diff.num : diff.num, diff.den),
              fraction(1, 2),
            ),
          ).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('device identity', () => {
  it('is insensitive to case and surrounding spaces', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{1,16}$/),
        fc.stringMatching(/^[ \t]{0,3}$/),
        fc.stringMatching(/^[ \t]{0,3}$/),
        (serial, before, after) => {
          expect(deviceIdentity(`${before}${serial.toLowerCase()}${after}`, '')).toBe(
            deviceIdentity(serial.toUpperCase(), 'other'),
          );
        },
      ),
    );
  });
});
