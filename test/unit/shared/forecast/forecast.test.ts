/** The three methods against hand-checked values, and the choice among them by backtest (TERMS.md §11). */
import { describe, expect, it } from 'vitest';
import {
  backtest,
  categoryPlan,
  repricedPlan,
  dampedTrendForecast,
  forecastSeries,
  naiveForecast,
  planOutcome,
  trendForecast,
} from '../../../../shared/forecast';
import { money } from '../../../../shared/terms';

describe('the methods, by hand', () => {
  it('no change: the last value, sd = √(mean squared change) × √h', () => {
    // changes 2, −1, 4: mean square 21/3 = 7.
    const [h1, h2] = naiveForecast([10, 12, 11, 15], 2);
    expect(h1).toEqual({ mean: 15, sd: Math.sqrt(7) });
    expect(h2!.sd).toBeCloseTo(Math.sqrt(14), 12);
  });

  it('least-squares trend: 1.7 + 2.2·t, s = √0.9, sd = s·√(1 + 1/4 + 2.5²/5) = 1.5', () => {
    const [h1, h2] = trendForecast([2, 4, 5, 9], 2);
    expect(h1!.mean).toBeCloseTo(10.5, 12);
    expect(h1!.sd).toBeCloseTo(1.5, 12);
    expect(h2!.mean).toBeCloseTo(12.7, 12);
    expect(h2!.sd).toBeCloseTo(Math.sqrt(0.9) * Math.sqrt(1 + 0.25 + 3.5 ** 2 / 5), 12);
  });

  it('damped trend on a flat series: level 5, sd 0.5 then 0.5·√(1 + (α + αβφ(1 − φ)/(1 − φ))²)', () => {
    // Every parameter fits exactly; the first of the grid wins: α 0.1, β 0.01, φ 0.8.
    const [h1, h2] = dampedTrendForecast([5, 5, 5, 5, 5], 2);
    expect(h1).toEqual({ mean: 5, sd: 0.5 });
    expect(h2!.mean).toBe(5);
    expect(h2!.sd).toBeCloseTo(0.5 * Math.sqrt(1 + (0.1 + 0.1 * 0.01 * 0.8) ** 2), 12);
  });
});

describe('forecastSeries', () => {
  it('fewer than 4 months: no forecast, with the reason', () => {
    expect(forecastSeries([3, 4, 5], 6)).toEqual({
      kind: 'tooLittleHistory',
      months: 3,
      reason: 'too little history: 3 months',
    });
  });

  const steps = [50, 50, 50, 50, 62, 62, 62, 62, 62, 75, 75, 75, 75, 75, 75, 60, 60, 60, 60, 60];
  const noise = [1, -1, 0, 2, -2, 1, 0, -1, 1, -1, 2, 0, -2, 1, -1, 0, 1, -1];
  const linear = noise.map((e, t) => 100 + 3 * t + e);
  const flattening = noise.map((_, t) => Math.round(100 + 60 * (1 - 0.8 ** t)));

  it.each([
    ['steps', steps, 'naive'],
    ['a noisy line', linear, 'trend'],
    ['growth that flattens', flattening, 'dampedTrend'],
  ] as const)('chooses by backtest MAE: %s → %s', (_, series, method) => {
    const f = forecastSeries(series, 6);
    if (f.kind !== 'forecast') throw new Error('expected a forecast');
    expect(f.method).toBe(method);
    const chosen = f.scores.find((s) => s.method === method)!;
    expect(f.mae).toBe(chosen.mae);
    for (const other of f.scores) expect(chosen.mae).toBeLessThanOrEqual(other.mae);
  });

  it('backtest MAE by hand: no change on 1, 2, 3, 5 forecasts 3 for the 4th month: MAE 2', () => {
    expect(backtest([1, 2, 3, 5], 'naive')).toMatchObject({ mae: 2, forecasts: 1 });
  });

  it('intervals and centrals never go below 0, bounds are whole devices and nested', () => {
    const f = forecastSeries([20, 15, 10, 6, 3, 1, 0], 12);
    if (f.kind !== 'forecast') throw new Error('expected a forecast');
    for (const p of f.points) {
      expect(p.central).toBeGreaterThanOrEqual(0);
      expect(p.lower95).toBeGreaterThanOrEqual(0);
      expect(p.lower95).toBeLessThanOrEqual(p.lower80);
      expect(p.upper80).toBeLessThanOrEqual(p.upper95);
      for (const bound of [p.lower80, p.upper80, p.lower95, p.upper95])
        expect(Number.isInteger(bound)).toBe(true);
    }
  });

  it('says what is wrong with bad input', () => {
    expect(() => forecastSeries([1, 2, -3, 4], 3)).toThrow(
      'count 3 of the series must be a number ≥ 0: -3',
    );
    expect(() => forecastSeries([1, 2, 3, 4], 25)).toThrow('horizon must be 1…24 months: 25');
  });
});

describe('categoryPlan: history to the next term', () => {
  const history = [100, 103, 106, 109, 112, 115, 118, 121, 124, 127, 130, 133].map((count, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    count,
  }));
  const input = {
    history,
    nextTermStart: '2027-01-01',
    termMonths: 12,
    baselinePct: 5,
    nextUnitPrice: money(4900, 'SEK'),
    acceptedRiskPct: 20,
  };

  it('forecasts to the next term’s last month and plans at its adjustment month', () => {
    const plan = categoryPlan(input);
    expect(plan.adjustmentMonth).toBe('2027-07');
    expect(plan.months[0]).toBe('2027-01');
    expect(plan.months.at(-1)).toBe('2027-12');
    expect(plan.forecast.kind === 'forecast' && plan.forecast.method).toBe('trend');
    // An exact line: 133 + 3 × 7 = 154 at July 2027.
    expect(plan.atAdjustment!.central).toBeCloseTo(154, 9);
    expect(plan.expectedAdditions).toBe(21);
    const recommended = plan.recommended!;
    expect(recommended.pAdjustment).toBeLessThanOrEqual(0.2);
    expect(planOutcome(plan, recommended.growth - 1)!.pAdjustment).toBeGreaterThan(0.2);
  });

  it('too little history: no plan figures, the reason', () => {
    const plan = categoryPlan({ ...input, history: history.slice(-3) });
    expect(plan.forecast).toMatchObject({
      kind: 'tooLittleHistory',
      reason: 'too little history: 3 months',
    });
    expect(plan.recommended).toBeUndefined();
    expect(planOutcome(plan, 5)).toBeNull();
  });

  it('repriced at a proposal’s price: the same as planning at that price (the export’s way)', () => {
    const atProposal = categoryPlan({ ...input, nextUnitPrice: money(5390, 'SEK') });
    const repriced = repricedPlan(categoryPlan(input), money(5390, 'SEK'));
    expect(repriced.forecast).toEqual(atProposal.forecast);
    expect(repriced.terms).toEqual(atProposal.terms);
    expect(repriced.recommended).toEqual(atProposal.recommended);
    expect(repriced.recommended!.upFront).toEqual(
      money(5390 * repriced.recommended!.growth, 'SEK'),
    );
    expect(planOutcome(repriced, 7)).toEqual(planOutcome(atProposal, 7));
  });

  it('repriced without a forecast: still no plan figures', () => {
    const plan = repricedPlan(
      categoryPlan({ ...input, history: history.slice(-3) }),
      money(1, 'SEK'),
    );
    expect(plan.recommended).toBeUndefined();
    expect(plan.terms.nextUnitPrice).toEqual(money(1, 'SEK'));
  });

  it('rejects a history with a gap', () => {
    expect(() =>
      categoryPlan({ ...input, history: [history[0]!, history[2]!, history[3]!, history[4]!] }),
    ).toThrow('history must be consecutive months: 2026-01 then 2026-03');
  });
});
