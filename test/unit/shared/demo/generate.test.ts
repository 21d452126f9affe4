import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../../../shared/demo/generate';
import { portfolioRow } from '../../../../shared/reports/portfolio';
import { DEFAULT_PARTNER_SETTINGS, orderedUnits, rmaThreshold } from '../../../../shared/terms';

const portfolio = generateDemoPortfolio('2026-11-20');
const byName = (name: string) => {
  const customer = portfolio.customers.find((c) => c.name === name);
  if (!customer) throw new Error(`no ${name}`);
  const contract = portfolio.contracts.find((c) => c.customerId === customer.id);
  const snapshots = portfolio.snapshots.filter((s) => s.customerId === customer.id);
  const row = portfolioRow(
    customer,
    contract,
    snapshots,
    DEFAULT_PARTNER_SETTINGS,
    { headsetRmasThisYear: 0, usedMinutesByMonth: {}, lateRmas: 0, unreturnedRmas: 0 },
    '2026-11-20',
  );
  return {
    customer,
    contract,
    snapshots,
    row,
    devices: portfolio.inventories.find((i) => i.customerId === customer.id)?.devices ?? [],
  };
};

describe('the demo portfolio', () => {
  it('is the same on every run for the same date', () => {
    const again = generateDemoPortfolio('2026-11-20');
    expect(again.inventories[0]?.devices.slice(0, 50)).toEqual(
      portfolio.inventories[0]?.devices.slice(0, 50),
    );
    expect(again.snapshots.map((s) => s.summary.counts)).toEqual(
      portfolio.snapshots.map((s) => s.summary.counts),
    );
  });

  it('writes its notes, RMA reasons and case titles in the language it is loaded in, with the same figures', () => {
    const swedish = generateDemoPortfolio('2026-11-20', 'sv');
    const words = (demo: typeof portfolio) => [
      ...demo.timeEntries.map((e) => e.note),
      ...demo.rmas.map((r) => r.reason),
      ...demo.cases.map((c) => c.title),
    ];
    expect(words(portfolio)).toContain('Monthly report');
    expect(words(portfolio)).not.toContain('Månadsrapport');
    expect(words(swedish)).toContain('Månadsrapport');
    expect(words(swedish)).not.toContain('Monthly report');
    expect(words(swedish).filter((w) => words(portfolio).includes(w))).toEqual([]);
    expect(swedish.timeEntries.map((e) => e.minutes)).toEqual(
      portfolio.timeEntries.map((e) => e.minutes),
    );
    expect(swedish.rmas.length).toBe(portfolio.rmas.length);
  });

  it('is a realistic book: 12 customers, Swedish and international, SEK, EUR and NOK, 12–24 months of history', () => {
    expect(portfolio.customers).toHaveLength(12);
    expect(new Set(portfolio.contracts.map((c) => c.currency))).toEqual(
      new Set(['SEK', 'EUR', 'NOK']),
    );
    expect(portfolio.customers.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Skärgårdens Vård AB', 'Fabrikam Logistics GmbH']),
    );
    for (const customer of portfolio.customers) {
      const { snapshots } = byName(customer.name);
      expect(snapshots.length).toBeGreaterThanOrEqual(12);
      expect(snapshots.length).toBeLessThanOrEqual(24);
      expect(snapshots.at(-1)?.asOf).toBe('2026-11-20');
    }
    expect(
      new Set(portfolio.contracts.flatMap((c) => c.categories.map((l) => l.category))),
    ).toEqual(new Set(['headsets', 'video', 'voice']));
    expect(new Set(portfolio.contracts.map((c) => c.termStart)).size).toBeGreaterThan(6);
    expect(portfolio.sites.every((s) => /^[A-Z]{2}-[A-Z0-9]+-\d{3}$/.test(s.siteId))).toBe(true);
  });

  it('has customers past their baseline, one with unknown models, one with end-of-life devices, one with 50,000 devices', () => {
    expect(byName('Contoso AB').row.categories.find((c) => c.category === 'video')?.status).toBe(
      'trueUpDue',
    );
    expect(
      portfolio.customers.filter((c) =>
        byName(c.name).row.categories.some((l) => l.status === 'trueUpDue'),
      ).length,
    ).toBeGreaterThanOrEqual(3);
    expect(byName('Skärgårdens Vård AB').snapshots.at(-1)?.summary.unknownModels).toEqual([
      { model: 'Poly Mystery 9', devices: 4 },
      { model: 'Plantronics Nova X2', devices: 2 },
    ]);
    expect(byName('Kungsholmens Advokatbyrå KB').snapshots.at(-1)?.summary.excluded.eol).toBe(38);
    expect(byName('Vasa Försäkring AB').devices.length).toBeGreaterThanOrEqual(50_000);
  });

  it('grows over its history', () => {
    const counts = byName('Contoso AB').snapshots.map((s) => s.summary.counts.video);
    expect(counts.at(-1)).toBeGreaterThan(counts[0] ?? 0);
    expect(counts.every((n, i) => i === 0 || n >= (counts[i - 1] ?? 0))).toBe(true);
  });

  it('has RMAs, CSM time and cases, with one customer near its RMA threshold', () => {
    const aurora = byName('Aurora Sparebank ASA');
    const headsets = aurora.contract?.categories.find((c) => c.category === 'headsets');
    const base = orderedUnits(headsets?.installedAtStart ?? 0, headsets?.agreedGrowth ?? 0);
    const rmas = portfolio.rmas.filter((r) => r.customerId === aurora.customer.id).length;
    expect(rmaThreshold(base, rmas, 5, 80)).toMatchObject({ isWarning: true, exceeded: false });
    expect(portfolio.timeEntries.length).toBeGreaterThan(50);
    expect(portfolio.timeEntries.every((t) => t.minutes % 15 === 0)).toBe(true);
    expect(portfolio.cases.every((c) => c.siteId !== '')).toBe(true);
    expect(portfolio.rmas.every((r) => r.serial !== '')).toBe(true);
  });
});
