/**
 * What importing a register would do, contract by contract: create, update (with the fields that
 * change), nothing, or leave it out because its number belongs to another customer's contract here
 * (FORMATS.md §2: a contract is its number together with its customer). The preview shows the plan
 * and the import carries out exactly this plan.
 */
import type { Contract, Customer } from '../model/entities';
import { DEFAULT_CONTRACT_SETTINGS } from '../terms/settings';
import { changedFields, type FieldChange } from './history';
import { withRegister, type RegisterContract, type RegisterProblem } from './register';
import { nameKey } from '../model/name-key';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface PlannedContract {
  entry: RegisterContract;
  action: PlanAction;
  /**
   * The existing customer it goes to (null: a new customer named entry.customer); for a conflict,
   * the other customer the number already belongs to.
   */
  customer: Customer | null;
  existing: Contract | null;
  changes: FieldChange[];
}

/** Is this the register row's customer: by master account ID where both have one, else by name? */
export function isRegisterCustomer(entry: RegisterContract, customer: Customer): boolean {
  const id = nameKey(entry.masterAccountId);
  const theirs = nameKey(customer.masterAccountId);
  return id && theirs ? id === theirs : nameKey(entry.customer) === nameKey(customer.name);
}

/** The customer a register row names: by master account ID, else by name; archived ones too. */
export function registerCustomer(
  entry: RegisterContract,
  customers: readonly Customer[],
): Customer | null {
  const id = nameKey(entry.masterAccountId);
  return (
    (id ? customers.find((c) => nameKey(c.masterAccountId) === id) : undefined) ??
    customers.find((c) => nameKey(c.name) === nameKey(entry.customer)) ??
    null
  );
}

/** A new contract's fields beyond the register's: the defaults. */
export function newContractFrom(entry: RegisterContract, id: string, customerId: string): Contract {
  return withRegister(
    {
      ...entry.contract,
      id,
      customerId,
      settings: { ...DEFAULT_CONTRACT_SETTINGS, ...entry.contract.settings },
      // No stale rule unless the register has the column (withRegister then sets it).
      staleDays: null,
      tam: false,
      professionalServicesDiscountPct: 0,
      isEcps: false,
      isArchived: false,
    },
    entry,
  );
}

export function planRegister(
  entries: readonly RegisterContract[],
  customers: readonly Customer[],
  contracts: readonly Contract[],
): PlannedContract[] {
  return entries.map((entry) => {
    const existing =
      contracts.find((c) => nameKey(c.number) === nameKey(entry.contract.number)) ?? null;
    const customer = existing
      ? (customers.find((c) => c.id === existing.customerId) ?? null)
      : registerCustomer(entry, customers);
    if (!existing) return { entry, action: 'create', customer, existing, changes: [] };
    if (customer && !isRegisterCustomer(entry, customer))
      return { entry, action: 'conflict', customer, existing, changes: [] };
    const changes = changedFields(existing, withRegister(existing, entry));
    return {
      entry,
      action: changes.length > 0 ? 'update' : 'unchanged',
      customer,
      existing,
      changes,
    };
  });
}

/** The plan's conflicts as register problems: each names both customers. */
export function planProblems(plan: readonly PlannedContract[]): RegisterProblem[] {
  return plan.flatMap((p) =>
    p.action === 'conflict' && p.customer
      ? [
          {
            row: p.entry.rows[0] ?? 0,
            column: null,
            issue: {
              code: 'numberOfOtherCustomer' as const,
              field: '',
              value: customerLabel(p.entry.customer, p.entry.masterAccountId),
              contract: p.entry.contract.number,
              other: customerLabel(p.customer.name, p.customer.masterAccountId),
            },
          },
        ]
      : [],
  );
}

const customerLabel = (name: string, masterAccountId: string) =>
  masterAccountId ? `${name} (${masterAccountId})` : name;
