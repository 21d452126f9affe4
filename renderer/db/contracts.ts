/**
 * Customers, contracts, the contract register, true-ups and renewals: every write checks the rules in
 * shared/contracts and records its change (who, when, before → after) in the same transaction.
 */
import { changedFields } from '../../shared/contracts/history';
import type { ContractIssue } from '../../shared/contracts/issues';
import { newContractFrom, planRegister } from '../../shared/contracts/register-plan';
import {
  lensAccountsOf,
  withRegister,
  type RegisterContract,
} from '../../shared/contracts/register';
import type { DueTrueUp } from '../../shared/contracts/standing';
import { applyTrueUp, orderTrueUp, quoteTrueUp } from '../../shared/contracts/true-up-flow';
import { bookIssues } from '../../shared/contracts/validate';
import type { Contract, Customer, TrueUp } from '../../shared/model/entities';
import { nextTerm, type RenewalRow } from '../../shared/reports/renewals';
import type { PartnerSettings } from '../../shared/terms/settings';
import { creation, recordedWrite, type ChangeInput } from './changes';
import type { WorkstationDatabase } from './database';
import { RECOUNT_TABLES, recountStaleRule } from './recount';
import { latestSnapshot } from './snapshots';
import { nameKey } from '../../shared/model/name-key';

/** A contract the rules refuse; the editor shows each issue beside its field. */
export class ContractIssuesError extends Error {
  constructor(readonly issues: ContractIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.code}`).join('; '));
    this.name = 'ContractIssuesError';
  }
}

function update(entity: string, before: { id: string }, after: { id: string }): ChangeInput | null {
  if (changedFields(before, after).length === 0) return null;
  return { entity, entityId: after.id, action: 'update', before, after };
}

export async function saveCustomer(
  db: WorkstationDatabase,
  user: string,
  customer: Customer,
): Promise<void> {
  await recordedWrite(db, user, [db.customers], async (record) => {
    const before = await db.customers.get(customer.id);
    await db.customers.put(customer);
    const change = before ? update('customer', before, customer) : creation('customer', customer);
    if (change) record(change);
  });
}

/**
 * Maps Lens tenants to customers (Settings → Poly Lens API): each tenant's name becomes one of its
 * customer's Lens accounts, unless the customer already has it; one recorded write for all of them.
 */
export async function mapLensTenants(
  db: WorkstationDatabase,
  user: string,
  mapping: readonly { customerId: string; account: string }[],
): Promise<number> {
  let mapped = 0;
  await recordedWrite(db, user, [db.customers], async (record) => {
    for (const { customerId, account } of mapping) {
      const customer = await db.customers.get(customerId);
      if (!customer || customer.lensAccounts.some((a) => nameKey(a) === nameKey(account))) continue;
      const after = { ...customer, lensAccounts: [...customer.lensAccounts, account] };
      await db.customers.put(after);
      const change = update('customer', customer, after);
      if (change) record(change);
      mapped++;
    }
  });
  return mapped;
}

/**
 * Creates or updates a contract after checking it against the book (number, currency, eligibility),
 * and recounts, in the same transaction, the customer's snapshots whose month's stale rule it changed
 * (TERMS.md §10, §12). Answers the snapshots recounted; saving the contract as it was undoes it all.
 */
export async function saveContract(
  db: WorkstationDatabase,
  user: string,
  contract: Contract,
  partner: PartnerSettings,
): Promise<string[]> {
  const tables = [db.contracts, db.trueUps, ...RECOUNT_TABLES(db), db.changes];
  return db.transaction('rw', tables, async () => {
    await recordedWrite(db, user, [db.contracts, db.trueUps, db.snapshots], async (record) => {
      const [contracts, trueUps, latest] = await Promise.all([
        db.contracts.toArray(),
        db.trueUps.where('contractId').equals(contract.id).toArray(),
        latestSnapshot(db, contract.customerId),
      ]);
      const issues = bookIssues(contract, {
        id: contract.id,
        contracts,
        trueUps,
        counts: latest?.summary.counts ?? null,
        partner,
      });
      if (issues.length > 0) throw new ContractIssuesError(issues);
      const before = contracts.find((c) => c.id === contract.id);
      await db.contracts.put(contract);
      const change = before ? update('contract', before, contract) : creation('contract', contract);
      if (change) record(change);
    });
    // The contract's change is in the log now: the recount reads the rule from it.
    return recordedWrite(db, user, RECOUNT_TABLES(db), (record) =>
      recountStaleRule(db, contract.customerId, record),
    );
  });
}

export interface RegisterImportResult {
  created: number;
  updated: number;
  unchanged: number;
  customersCreated: number;
}

/**
 * Carries out the register plan in one transaction, all of it or nothing, with the recount of the
 * snapshots whose stale rule it changed.
 */
export async function importRegister(
  db: WorkstationDatabase,
  user: string,
  entries: readonly RegisterContract[],
): Promise<RegisterImportResult> {
  const tables = [db.customers, ...RECOUNT_TABLES(db), db.changes];
  return db.transaction('rw', tables, async () => {
    const result = await writeRegister(db, user, entries);
    await recordedWrite(db, user, RECOUNT_TABLES(db), async (record) => {
      for (const customerId of result.customerIds) await recountStaleRule(db, customerId, record);
    });
    return result.counts;
  });
}

async function writeRegister(
  db: WorkstationDatabase,
  user: string,
  entries: readonly RegisterContract[],
): Promise<{ counts: RegisterImportResult; customerIds: Set<string> }> {
  const customerIds = new Set<string>();
  return recordedWrite(db, user, [db.customers, db.contracts], async (record) => {
    const customers = await db.customers.toArray();
    const plan = planRegister(entries, customers, await db.contracts.toArray());
    const result: RegisterImportResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
      customersCreated: 0,
    };
    const made = new Map<string, Customer>();
    for (const item of plan) {
      const { entry } = item;
      // A number that belongs to another customer's contract is left out, never updated.
      if (item.action === 'conflict') continue;
      let customer = item.customer ?? made.get(nameKey(entry.customer)) ?? null;
      if (!customer) {
        customer = {
          id: crypto.randomUUID(),
          name: entry.customer,
          masterAccountId: entry.masterAccountId,
          country: 'SE',
          lensAccounts: lensAccountsOf(entry),
          csm: user,
          accountManager: '',
          isArchived: false,
        };
        await db.customers.add(customer);
        record(creation('customer', customer));
        made.set(nameKey(entry.customer), customer);
        result.customersCreated++;
      }
      if (item.action === 'unchanged') result.unchanged++;
      else if (item.existing) {
        const next = withRegister(item.existing, entry);
        await db.contracts.put(next);
        customerIds.add(next.customerId);
        const change = update('contract', item.existing, next);
        if (change) record(change);
        result.updated++;
      } else {
        const created = newContractFrom(entry, crypto.randomUUID(), customer.id);
        await db.contracts.add(created);
        customerIds.add(created.customerId);
        record(creation('contract', created));
        result.created++;
      }
    }
    return { counts: result, customerIds };
  });
}

async function writeTrueUp(
  db: WorkstationDatabase,
  user: string,
  make: (existing: TrueUp[], contract: Contract, at: string) => TrueUp,
  contractId: string,
): Promise<TrueUp> {
  return recordedWrite(db, user, [db.trueUps, db.contracts], async (record) => {
    const contract = await db.contracts.get(contractId);
    if (!contract) throw new Error(`contract ${contractId} does not exist`);
    const existing = await db.trueUps.where('contractId').equals(contractId).toArray();
    const next = make(existing, contract, new Date().toISOString());
    const before = existing.find((t) => t.id === next.id);
    await db.trueUps.put(next);
    record(
      before
        ? { entity: 'trueUp', entityId: next.id, action: 'update', before, after: next }
        : creation('trueUp', next),
    );
    return next;
  });
}

/** Starts the workflow for a due true-up with its quote. */
export function quoteDueTrueUp(
  db: WorkstationDatabase,
  user: string,
  contractId: string,
  due: DueTrueUp,
  quoteNumber: string,
): Promise<TrueUp> {
  return writeTrueUp(
    db,
    user,
    (existing, contract, at) =>
      quoteTrueUp(contract, due, existing, quoteNumber, { at, user }, crypto.randomUUID()),
    contractId,
  );
}

export function orderQuotedTrueUp(
  db: WorkstationDatabase,
  user: string,
  trueUp: TrueUp,
  poNumber: string,
): Promise<TrueUp> {
  return writeTrueUp(
    db,
    user,
    (existing, _contract, at) =>
      orderTrueUp(existing.find((t) => t.id === trueUp.id) ?? trueUp, poNumber, { at, user }),
    trueUp.contractId,
  );
}

/** Applies an ordered true-up: the baseline resets to the count (recorded on the contract's history too). */
export function applyOrderedTrueUp(
  db: WorkstationDatabase,
  user: string,
  trueUp: TrueUp,
): Promise<TrueUp> {
  return writeTrueUp(
    db,
    user,
    (existing, _contract, at) =>
      applyTrueUp(existing.find((t) => t.id === trueUp.id) ?? trueUp, { at, user }),
    trueUp.contractId,
  );
}

/** Accepting a renewal proposal: the contract moves to its next term; the old term stays in its history. */
export async function acceptRenewal(
  db: WorkstationDatabase,
  user: string,
  row: RenewalRow,
): Promise<Contract> {
  return recordedWrite(db, user, [db.contracts], async (record) => {
    const contract = await db.contracts.get(row.contractId);
    if (!contract) throw new Error(`contract ${row.contractId} does not exist`);
    if (contract.termStart >= row.renewalDate)
      throw new Error(`${contract.number} is already renewed`);
    const next = nextTerm(contract, row, { at: new Date().toISOString(), user });
    await db.contracts.put(next);
    record({
      entity: 'contract',
      entityId: next.id,
      action: 'update',
      before: contract,
      after: next,
    });
    return next;
  });
}
