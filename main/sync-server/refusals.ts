/**
 * Why the service does not take something, in words: a refusal its answer carries, and the wording
 * for the invariants the database holds (migrations/0001-initial), with the record in the way.
 */
import type { Change, Receipt } from '../../shared/sync/protocol';
import { EOL_MODEL_KEY } from './migrations/0004-eol-register';
import type { Client } from './pool';

export class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly existing?: Receipt['existing'],
  ) {
    super(reason);
  }
}

/** A workstation's ID that another user's pushes registered first. */
export class ForeignClientError extends Error {}

/** The words for a constraint the database held; null for an error that is no constraint of ours. */
export async function constraintRefusal(
  client: Client,
  error: { code?: string; constraint?: string },
  change: Change,
  data: Record<string, unknown> | null,
): Promise<Refusal | null> {
  if (error.constraint === 'one_true_up_per_term' && data) {
    const found = await client.query<{ id: string }>(
      "SELECT id FROM sync_records WHERE entity = 'trueUps' AND NOT deleted AND data ->> 'contractId' = $1 AND data ->> 'termStart' = $2 AND data ->> 'category' = $3",
      [data['contractId'], data['termStart'], data['category']],
    );
    const id = found.rows[0]?.id;
    return new Refusal(
      `the contract already has a true-up of ${String(data['category'])} for the term from ${String(data['termStart'])}`,
      id ? { entity: 'trueUps', id } : undefined,
    );
  }
  if (error.constraint === 'applied_true_up_has_po')
    return new Refusal('a true-up is applied only with the PO number of its order');
  if (error.constraint === 'contract_number_per_customer')
    return new Refusal(
      `the customer has a contract numbered ${typeof data?.['number'] === 'string' ? data['number'] : change.id} already`,
    );
  if (error.constraint === 'eol_line_per_model' && data) {
    const model = typeof data['model'] === 'string' ? data['model'] : '';
    const found = await client.query<{ id: string; model: string }>(
      `SELECT id, data ->> 'model' AS model FROM sync_records WHERE entity = 'eolRegister' AND NOT deleted AND ${EOL_MODEL_KEY} = lower(regexp_replace(btrim($1), '\\s+', ' ', 'g'))`,
      [model],
    );
    const { id, model: theirs } = found.rows[0] ?? {};
    return new Refusal(
      `the end-of-life register has a line for ${theirs ?? model} already`,
      id ? { entity: 'eolRegister', id } : undefined,
    );
  }
  return null;
}
