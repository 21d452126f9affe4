/** TERMS.md §11's arithmetic: the worked example to the unit, P(adjustment) and the expected amount. */
import { describe, expect, it } from 'vitest';
import {
  expectedAdditions,
  growthOutcome,
  normalCdf,
  recommendedGrowth,
  type PlanTerms,
} from '../../../../shared/forecast';
import { money } from '../../../../shared/terms';

const example = { latestCount: 400, central: 440, sd: 15 };
const terms: PlanTerms = {
  baselinePct: 5,
  nextUnitPrice: money(4900, 'EUR'),
  monthsCharged: { num: 6n, den: 1n },
};

describe('the standard normal cdf', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1.2815515655446004, 0.1],
    [0.8, 0.7881446014166034],
    [-3, 0.0013498980316301],
  ])('Φ(%d) = %d', (z, p) => expect(normalCdf(z)).toBeCloseTo(p, 6));
});

describe('TERMS.md §11 worked example: latest 400, central 440, sd 15', () => {
  it.each([
    [0, 400, 420, 0.9088],
    [30, 430, 452, 0.2119],
    [31, 431, 453, 0.1931],
    [40, 440, 462, 0.0712],
  ])('g = %d: next ordered %d, triggerAt %d, P ≈ %d', (g, ordered, trigger, p) => {
    const outcome = growthOutcome(example, terms, g);
    expect(outcome.nextOrdered).toBe(ordered);
    expect(outcome.triggerAt).toBe(trigger);
    expect(outcome.pAdjustment).toBeCloseTo(p, 4);
  });

  it('recommends 31 (7.75 %) at the default 20 % risk, without continuity correction', () => {
    const g = recommendedGrowth(example, terms, 20);
    expect(g).toBe(31);
    expect(growthOutcome(example, terms, g).growthPct).toBe(7.75);
    expect(growthOutcome(example, terms, 30).pAdjustment).toBeGreaterThan(0.2);
  });

  it('expected additions = 440 − 400 = 40; up-front value g × price', () => {
    expect(expectedAdditions(example)).toBe(40);
    expect(expectedAdditions({ latestCount: 50, central: 41.2, sd: 3 })).toBe(0);
    expect(growthOutcome(example, terms, 31).upFront).toEqual(money(151900, 'EUR'));
  });

  it('the expected mid-term amount sums P(count = k) × the §4 amount: 140.95 for g = 31', () => {
    // Σ_{k≥453} P(⌊X⌋ = k) × (k − 431) × 49.00 × 6/12, with X ~ N(440, 15²): 14 095.09 minor (checked
    // with an exact erf).
    expect(growthOutcome(example, terms, 31).expectedMidTerm).toEqual(money(14095, 'EUR'));
  });

  it('with a continuity correction the probabilities move by under 0.02 and 31 is just too few', () => {
    const corrected = { ...terms, continuityCorrection: true };
    for (const g of [0, 30, 31, 40]) {
      const shift =
        growthOutcome(example, corrected, g).pAdjustment -
        growthOutcome(example, terms, g).pAdjustment;
      expect(shift).toBeGreaterThan(0);
      expect(shift).toBeLessThan(0.02);
    }
    expect(growthOutcome(example, corrected, 31).pAdjustment).toBeCloseTo(0.2023, 4);
    expect(recommendedGrowth(example, corrected, 20)).toBe(32);
  });
});

describe('the expected amount is §4 exactly when the count is certain', () => {
  it('count 112 on ordered 100 at 49.00 for 6 months: 294.00', () => {
    const certain = { latestCount: 100, central: 112, sd: 0 };
    expect(growthOutcome(certain, terms, 0).expectedMidTerm).toEqual(money(29400, 'EUR'));
    expect(growthOutcome(certain, terms, 0).pAdjustment).toBe(1);
  });

  it('count 45 on ordered 40 at 120.00 for 6 + 14/31 months: 322.58 (half away from zero)', () => {
    const certain = { latestCount: 40, central: 45, sd: 0 };
    const row3: PlanTerms = {
      baselinePct: 5,
      nextUnitPrice: money(12000, 'EUR'),
      monthsCharged: { num: 200n, den: 31n },
    };
    expect(growthOutcome(certain, row3, 0).expectedMidTerm).toEqual(money(32258, 'EUR'));
  });

  it('below triggerAt nothing is expected', () => {
    const certain = { latestCount: 100, central: 104, sd: 0 };
    expect(growthOutcome(certain, terms, 0).expectedMidTerm).toEqual(money(0, 'EUR'));
    expect(growthOutcome(certain, terms, 0).pAdjustment).toBe(0);
  });
});

describe('bad input says what', () => {
  it('rejects a growth that is not a whole count and a risk outside 0…100 %', () => {
    expect(() => growthOutcome(example, terms, 2.5)).toThrow(
      'growth must be a whole number of devices ≥ 0: 2.5',
    );
    expect(() => growthOutcome(example, terms, -1)).toThrow('growth must be');
    expect(() => recommendedGrowth(example, terms, 0)).toThrow(
      'accepted adjustment risk must be between 0 and 100 %: 0',
    );
  });
});
