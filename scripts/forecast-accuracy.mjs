// Forecast accuracy (issue 23, TERMS.md §11): the last 6 months of each series held out and forecast from
// the months before; MAE in devices and interval coverage, on the demo book and on generated series with
// known growth, seasonality, steps and noise. `node scripts/forecast-accuracy.mjs`; also run by `npm run bench`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const source = `
import { generateDemoPortfolio } from './shared/demo/generate';
import { monthlyTrend } from './shared/reports/trend';
import { generatedSeries, measureAccuracy } from './shared/forecast/accuracy';
const demo = generateDemoPortfolio('2026-11-30');
const series = [];
for (const customer of demo.customers) {
  const trend = monthlyTrend(demo.snapshots.filter((s) => s.customerId === customer.id));
  for (const category of ['headsets', 'video', 'voice']) {
    const values = trend.map((p) => p.counts[category]);
    if (values.some((v) => v > 0)) series.push({ group: 'demo book', values });
  }
}
export const results = [...measureAccuracy(series), ...measureAccuracy(generatedSeries(20261203))];
`;

export async function forecastAccuracy() {
  const dir = await mkdtemp(join(tmpdir(), 'forecast-accuracy-'));
  try {
    const outfile = join(dir, 'accuracy.mjs');
    await build({
      stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
    });
    return (await import(outfile)).results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pct = (x) => `${(x * 100).toFixed(0)} %`;
export function printAccuracy(results) {
  console.log(
    'Forecast accuracy (6 months held out; MAE in devices; coverage of the 80 % / 95 % intervals)',
  );
  for (const r of results)
    console.log(
      `  ${r.group.padEnd(10)} ${String(r.series).padStart(3)} series  backtest MAE ${r.backtestMae.toFixed(2).padStart(6)}` +
        `  hold-out MAE ${r.holdoutMae.toFixed(2).padStart(6)}  80 %: ${pct(r.coverage80).padStart(5)}  95 %: ${pct(r.coverage95).padStart(5)}` +
        `  chosen ${Object.entries(r.chosen)
          .map(([m, n]) => `${m} ${n}`)
          .join(', ')}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) printAccuracy(await forecastAccuracy());
