/** The demo book without its 50,000-device customer: every kind of record, and quick to write. */
import { generateDemoPortfolio, type DemoPortfolio } from '../../shared/demo/generate';

export function smallDemo(asOf = '2026-11-20'): DemoPortfolio {
  const demo = generateDemoPortfolio(asOf);
  const big = new Set(
    demo.inventories.filter((i) => i.devices.length > 10_000).map((i) => i.customerId),
  );
  const keep = <T extends { customerId: string }>(rows: T[]) =>
    rows.filter((r) => !big.has(r.customerId));
  return {
    ...demo,
    customers: demo.customers.filter((c) => !big.has(c.id)),
    sites: keep(demo.sites),
    contracts: keep(demo.contracts),
    inventories: keep(demo.inventories),
    snapshots: keep(demo.snapshots),
    deviceLists: keep(demo.deviceLists),
    rmas: keep(demo.rmas),
    timeEntries: keep(demo.timeEntries),
    cases: keep(demo.cases),
  };
}
