/**
 * The team-sync protocol (DESIGN.md "Team sync", FORMATS.md §5), shared by the app's client and the
 * sync service: what syncs, who may write it, and the push and pull messages with their zod schemas.
 * The service checks every message against these schemas before it reads a field.
 */
import { z } from 'zod';
import { TABLE_SCHEMAS } from '../model/schemas';

/** Bumped when a message changes shape; an older client is told to update, its outbox kept. */
export const SYNC_PROTOCOL = 1;

export const ROLES = ['admin', 'csm', 'account-manager', 'read-only'] as const;
export type Role = (typeof ROLES)[number];

/** Records that sync, by the local table they live in. Device lists travel as blobs by hash. */
export const SYNCED_ENTITIES = [
  'customers',
  'sites',
  'contracts',
  'trueUps',
  'rmas',
  'timeEntries',
  'cases',
  'ecpsIncidents',
  'reports',
  'catalogOverrides',
  'imports',
  'snapshots',
  'partnerTerms',
] as const;
export type SyncEntity = (typeof SYNCED_ENTITIES)[number];

const CSM_WORK: readonly Role[] = ['admin', 'csm'];
const BOTH: readonly Role[] = ['admin', 'csm', 'account-manager'];

/**
 * Who may write what (issue #14): admin everything, with partner terms its own; a CSM customers and
 * service records and true-ups up to the order; an account manager contracts, renewals and applying a
 * true-up with its PO; read-only nothing. True-up steps are checked further by `mayWriteTrueUp`.
 */
export const WRITERS: Record<SyncEntity, readonly Role[]> = {
  customers: CSM_WORK,
  sites: CSM_WORK,
  contracts: ['admin', 'account-manager'],
  trueUps: BOTH,
  rmas: CSM_WORK,
  timeEntries: CSM_WORK,
  cases: CSM_WORK,
  ecpsIncidents: CSM_WORK,
  reports: CSM_WORK,
  catalogOverrides: CSM_WORK,
  imports: CSM_WORK,
  snapshots: CSM_WORK,
  partnerTerms: ['admin'],
};

/** A true-up's state a role may set: the CSM quotes and orders, the account manager applies. */
export function mayWriteTrueUp(role: Role, state: unknown): boolean {
  if (role === 'admin') return true;
  return state === 'applied' ? role === 'account-manager' : role === 'csm';
}

/** Whether a role may write a record of `entity` (for a true-up, into `trueUpState`). */
export function mayWrite(role: Role, entity: SyncEntity, trueUpState?: string): boolean {
  if (!WRITERS[entity].includes(role)) return false;
  return entity !== 'trueUps' || trueUpState === undefined || mayWriteTrueUp(role, trueUpState);
}

/** The row schema a synced record must pass, whole, after the merge. */
export const ENTITY_SCHEMAS: Record<SyncEntity, z.ZodType> = {
  customers: TABLE_SCHEMAS.customers,
  sites: TABLE_SCHEMAS.sites,
  contracts: TABLE_SCHEMAS.contracts,
  trueUps: TABLE_SCHEMAS.trueUps,
  rmas: TABLE_SCHEMAS.rmas,
  timeEntries: TABLE_SCHEMAS.timeEntries,
  cases: TABLE_SCHEMAS.cases,
  ecpsIncidents: TABLE_SCHEMAS.ecpsIncidents,
  reports: TABLE_SCHEMAS.reports,
  catalogOverrides: TABLE_SCHEMAS.catalogOverrides,
  imports: TABLE_SCHEMAS.imports,
  snapshots: TABLE_SCHEMAS.snapshots,
  partnerTerms: z.object({ id: z.literal('partner'), value: z.record(z.string(), z.unknown()) }),
};

const recordId = z.string().min(1).max(200);
const fields = z.record(z.string().max(100), z.unknown());

/** One edit from a client's outbox: the fields it set, and the server version it was based on. */
export const changeSchema = z.object({
  seq: z.number().int().positive(),
  entity: z.enum(SYNCED_ENTITIES),
  id: recordId,
  op: z.enum(['put', 'delete']),
  /** The record's server version the edit started from; 0 for a record the server has not seen. */
  baseVersion: z.number().int().nonnegative(),
  fields,
});
export type Change = z.infer<typeof changeSchema>;

/** The most changes one push may carry. */
export const PUSH_BATCH = 500;

export const pushRequestSchema = z.object({
  protocol: z.number().int(),
  clientId: z.string().uuid(),
  changes: z.array(changeSchema).min(1).max(PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A field two people changed: the server kept theirs; yours waits for a decision. */
export interface FieldConflict {
  field: string;
  theirs: unknown;
  yours: unknown;
  /** Who set theirs, and when (the server's clock). */
  by: string;
  at: string;
}

export type ReceiptStatus = 'applied' | 'conflict' | 'refused';

/** What became of one change; stored, so a repeated push gets the same answer and no second effect. */
export interface Receipt {
  seq: number;
  status: ReceiptStatus;
  /** The record's version after the change (or as it stands, when nothing was applied). */
  version: number;
  conflicts?: FieldConflict[];
  /** Why a change was refused, in words, with what stands in its way. */
  reason?: string;
  /** The record that stands in the way (an existing true-up for the term), when there is one. */
  existing?: { entity: SyncEntity; id: string };
}

export interface PushResponse {
  receipts: Receipt[];
}

/** One record as it stands on the server, for a pull. Deletes are tombstones. */
export interface PulledRecord {
  version: number;
  entity: SyncEntity;
  id: string;
  deleted: boolean;
  data: Record<string, unknown> | null;
  by: string;
  at: string;
}

/** Records per pull page. */
export const PULL_PAGE = 1000;

export interface PullResponse {
  records: PulledRecord[];
  /** Pass back as `after` for the next page. */
  cursor: number;
  hasMore: boolean;
}

export interface WhoAmI {
  name: string;
  email: string;
  role: Role;
  /** The server's newest version: 0 is an empty team book. */
  version: number;
  protocol: number;
}
