/**
 * What the demo book's lifecycle lists should be, from the same generator and shared code the app runs.
 * Bundled for the spec by `loadBundled` (the catalog is JSON, which Playwright's loader cannot import).
 */
import { shippedCatalog } from '../../shared/catalog';
import { generateDemoPortfolio } from '../../shared/demo/generate';
import {
  lifecycleList,
  modelTotals,
  portfolioLifecycle,
  type LifecycleWindow,
} from '../../shared/inventory/lifecycle';

export function demoLifecycle(today: string, customer: string) {
  const demo = generateDemoPortfolio(today);
  const catalog = shippedCatalog([], demo.eolRegister);
  const nameOf = (id: string) => demo.customers.find((c) => c.id === id)?.name ?? '';
  const inventories = demo.inventories.map((i) => ({
    customerId: i.customerId,
    customer: nameOf(i.customerId),
    devices: i.devices,
    inventoryAsOf: i.asOf,
    staleDays: null,
  }));
  const own = inventories.find((i) => i.customer === customer);
  if (!own) throw new Error(`no demo customer ${customer}`);
  // The app lists the customers by name as IndexedDB orders them: by code unit.
  const byName = [...inventories].sort((a, b) => (a.customer < b.customer ? -1 : 1));
  const portfolio = portfolioLifecycle(byName, catalog, today, 12);
  const list = (months: LifecycleWindow) => lifecycleList(own, catalog, today, months);
  return {
    customerId: own.customerId,
    /** A customer none of whose devices reaches an end within 12 months. */
    calmCustomerId: inventories.find((i) => lifecycleList(i, catalog, today, 12).lines.length === 0)
      ?.customerId,
    lines: { 3: list(3).lines, 6: list(6).lines, 12: list(12).lines },
    totals: modelTotals(list(12).lines),
    portfolio,
    portfolioTotals: modelTotals(portfolio),
  };
}
