/** One customer's contract view: the contract, its standings, true-ups and change history. Live queries: components read through these and never call db.* themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  ChangeRecord,
  Contract,
  Customer,
  InventorySnapshot,
  TrueUp,
} from '../../../shared/model/entities';
import { contractStandings, dueTrueUps, type DueTrueUp } from '../../../shared/contracts/standing';
import { standingCell, type PortfolioCategory } from '../../../shared/reports/portfolio';
import { localToday, monthOf } from '../../../shared/terms/dates';
import { db } from '../instance';
import { readSettings } from '../settings';

export interface ContractView {
  customer: Customer;
  /** The customer's contracts, the active one first, archived ones after. */
  contracts: Contract[];
  trueUps: TrueUp[];
  /** True-ups of the active contract that the snapshots show are due and have no record yet. */
  due: DueTrueUp[];
  /** Each category of the active contract this month: where it stands and what that means. */
  standings: PortfolioCategory[];
  /** The change log of the customer's contracts and their true-ups, newest first. */
  changes: ChangeRecord[];
  latest: InventorySnapshot | undefined;
  today: string;
}

/** A customer's contracts with their true-ups and history; null when there is no such customer. */
export function useContractView(customerId: string): ContractView | null | undefined {
  return useLiveQuery(async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) return null;
    const today = localToday();
    const [contracts, snapshots] = await Promise.all([
      db.contracts.where('customerId').equals(customerId).toArray(),
      db.snapshots.where('customerId').equals(customerId).toArray(),
    ]);
    contracts.sort(
      (a, b) =>
        Number(a.isArchived) - Number(b.isArchived) || b.termStart.localeCompare(a.termStart),
    );
    const ids = contracts.map((c) => c.id);
    const trueUps = await db.trueUps.where('contractId').anyOf(ids).toArray();
    const keys: [string, string][] = [
      ...ids.map((id): [string, string] => ['contract', id]),
      ...trueUps.map((t): [string, string] => ['trueUp', t.id]),
    ];
    const changes = await db.changes.where('[entity+entityId]').anyOf(keys).toArray();
    changes.sort((a, b) => b.at.localeCompare(a.at) || (b.id ?? 0) - (a.id ?? 0));
    const active = contracts.find((c) => !c.isArchived);
    snapshots.sort((a, b) => a.asOf.localeCompare(b.asOf));
    const settings = await readSettings(db);
    return {
      customer,
      contracts,
      trueUps,
      due: active ? dueTrueUps(active, snapshots, trueUps, today) : [],
      standings: active
        ? contractStandings(active, snapshots, trueUps, monthOf(today)).map((s) =>
            standingCell(s, settings.partner.approachingPct),
          )
        : [],
      changes,
      latest: snapshots.at(-1),
      today,
    };
  }, [customerId]);
}
