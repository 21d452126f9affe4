/**
 * What importing a register would do, contract by contract: create, update (with the fields that
 * change) or nothing. The preview shows the plan and the import carries out exactly this plan.
 */
import type { Contract, Customer } from '../model/entities';
import { DEFAULT_CONTRACT_SETTINGS } from '../terms/settings';
import { changedFields, type FieldChange } from './history';
import { withRegister, type RegisterContract } from './register';
import { nameKey } from '../model/name-key';

export type PlanAction = 'create' | 'update' | 'unchanged';

export interface PlannedContract {
  entry: RegisterContract;
  action: PlanAction;
  /** The existing customer it goes to; null: a new customer named entry.customer. */
  customer: Customer | null;
  existing: Contract | null;
  changes: FieldChange[];
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
