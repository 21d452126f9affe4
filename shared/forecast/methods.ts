/**
 * The three forecasting methods of TERMS.md §11, each fitted to a monthly series and returning, for each
 * step ahead, the central value and the standard deviation of its forecast error.
 */
export type ForecastMethod = 'naive' | 'trend' | 'dampedTrend';
export const FORECAST_METHODS: readonly ForecastMethod[] = ['naive', 'trend', 'dampedTrend'];

export interface StepForecast {
  mean: number;
  sd: number;
}

/** Smallest error sd a forecast carries, so a perfectly flat history still has an interval. */
const MIN_SD = 0.5;

const sq = (x: number): number => x * x;

/** No change: the last value, with a random walk's error √h × σ of the month-to-month changes. */
export function naiveForecast(values: readonly number[], horizon: number): StepForecast[] {
  const last = values[values.length - 1]!;
  let sum = 0;
  for (let i = 1; i < values.length; i++) sum += sq(values[i]! - values[i - 1]!);
  const sigma = Math.max(MIN_SD, Math.sqrt(sum / Math.max(1, values.length - 1)));
  return steps(horizon, (h) => ({ mean: last, sd: sigma * Math.sqrt(h) }));
}

/** Least-squares line y = a + b·t, with the prediction interval s·√(1 + 1/n + (t₀ − t̄)²/Sxx). */
export function trendForecast(values: readonly number[], horizon: number): StepForecast[] {
  const n = values.length;
  const tMean = (n - 1) / 2;
  const yMean = values.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  values.forEach((y, t) => {
    sxx += sq(t - tMean);
    sxy += (t - tMean) * (y - yMean);
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = yMean - slope * tMean;
  let sse = 0;
  values.forEach((y, t) => (sse += sq(y - intercept - slope * t)));
  const s = Math.max(MIN_SD, Math.sqrt(sse / Math.max(1, n - 2)));
  return steps(horizon, (h) => {
    const t0 = n - 1 + h;
    const spread = sxx === 0 ? 0 : sq(t0 - tMean) / sxx;
    return { mean: intercept + slope * t0, sd: s * Math.sqrt(1 + 1 / n + spread) };
  });
}

interface HoltFit {
  level: number;
  trend: number;
  alpha: number;
  beta: number;
  phi: number;
  sigma: number;
}

const ALPHAS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99];
const BETAS = [0.01, 0.05, 0.1, 0.2, 0.3];
const PHIS = [0.8, 0.85, 0.9, 0.95, 0.98];

/** One pass of additive damped-trend smoothing (ETS(A,Ad,N)); the one-step errors' sum of squares. */
function holtPass(values: readonly number[], alpha: number, beta: number, phi: number): HoltFit {
  let level = values[0]!;
  let trend = values.length > 1 ? values[1]! - values[0]! : 0;
  let sse = 0;
  for (let i = 1; i < values.length; i++) {
    const predicted = level + phi * trend;
    const error = values[i]! - predicted;
    sse += sq(error);
    level = predicted + alpha * error;
    trend = phi * trend + alpha * beta * error;
  }
  const sigma = Math.sqrt(sse / Math.max(1, values.length - 1));
  return { level, trend, alpha, beta, phi, sigma };
}

/** The parameters with the least one-step squared error over a fixed grid (deterministic, no optimiser). */
export function fitDampedTrend(values: readonly number[]): HoltFit {
  let best: HoltFit | null = null;
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const phi of PHIS) {
        const fit = holtPass(values, alpha, beta, phi);
        if (!best || fit.sigma < best.sigma - 1e-12) best = fit;
      }
  return best!;
}

/**
 * Damped-trend exponential smoothing (Gardner & McKenzie; Hyndman et al. 2008, class 1 variance):
 * mean = ℓ + (φ + … + φʰ)·b; var = σ²·(1 + Σⱼ₌₁..ₕ₋₁ (α + αβ·φ(1 − φʲ)/(1 − φ))²).
 */
export function dampedTrendForecast(values: readonly number[], horizon: number): StepForecast[] {
  const fit = fitDampedTrend(values);
  const sigma = Math.max(MIN_SD, fit.sigma);
  let damp = 0;
  let variance = 0;
  return steps(horizon, (h) => {
    damp += fit.phi ** h;
    if (h > 1) {
      const j = h - 1;
      variance += sq(
        fit.alpha + (fit.alpha * fit.beta * fit.phi * (1 - fit.phi ** j)) / (1 - fit.phi),
      );
    }
    return { mean: fit.level + damp * fit.trend, sd: sigma * Math.sqrt(1 + variance) };
  });
}

function steps(horizon: number, at: (h: number) => StepForecast): StepForecast[] {
  const out: StepForecast[] = [];
  for (let h = 1; h <= horizon; h++) out.push(at(h));
  return out;
}

export const METHOD_FORECASTS: Readonly<
  Record<ForecastMethod, (values: readonly number[], horizon: number) => StepForecast[]>
> = { naive: naiveForecast, trend: trendForecast, dampedTrend: dampedTrendForecast };
