/**
 * What a decision is about, as users know it: the record as this workstation has it (with the
 * values it sent), its customer's name, and for contract things the contract's number and currency.
 * renderer/features/sync/decision-words.ts puts it in words.
 */
import { PARTNER_TERMS_KEY, SYNCED } from '../../shared/model/synced-entities';
import type { WorkstationDatabase } from './database';
import type { SyncDecision } from './sync-rows';

type Row = Record<string, unknown>;

export interface DecisionSubject {
  record: Row;
  customer?: string;
  contract?: { number: string; currency: string };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

export async function decisionSubject(
  db: WorkstationDatabase,
  decision: SyncDecision,
): Promise<DecisionSubject> {
  const key = decision.entity === 'partnerTerms' ? PARTNER_TERMS_KEY : decision.recordId;
  const stored = await db.table<Row, string>(SYNCED[decision.entity].table).get(key);
  const record: Row = { ...(stored ?? {}), ...decision.yours };
  const contractId =
    decision.entity === 'contracts' ? decision.recordId : text(record['contractId']);
  const contract = contractId ? await db.contracts.get(contractId) : undefined;
  const customerId = text(record['customerId']) ?? contract?.customerId;
  const customer =
    decision.entity === 'customers'
      ? text(record['name'])
      : customerId
        ? (await db.customers.get(customerId))?.name
        : undefined;
  return {
    record,
    customer,
    contract: contract ? { number: contract.number, currency: contract.currency } : undefined,
  };
}
