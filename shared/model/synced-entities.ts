/**
 * The one list of what a team book shares (DESIGN.md "Team sync"): each synced entity with the local
 * table its records live in, the shape a record must have, the change log's word for one of its
 * records and the roles that may write it. The outbox, the sync book, the sync service and the backup
 * all read it, so an entity is added or changed here once.
 */
import { z } from 'zod';
import { TABLE_SCHEMAS, type TableName } from './schemas';

export const ROLES = ['admin', 'csm', 'account-manager', 'read-only'] as const;
export type Role = (typeof ROLES)[number];

/** The settings row that syncs as the partner's terms; the other settings are the workstation's. */
export const PARTNER_TERMS_KEY = 'partner';

/** The partner's terms as a synced record (a settings row locally). */
export const partnerTermsSchema = z.object({
  id: z.literal(PARTNER_TERMS_KEY),
  value: z.record(z.string(), z.unknown()),
});

export interface SyncedEntityInfo {
  /** The local table its records live in (the partner terms: one row of settings). */
  table: TableName;
  /** The shape a record must have, whole (the service checks it after the merge). */
  schema: z.ZodType;
  /** The change log's word for one of its records (ChangeRecord.entity). */
  logWord: string;
  /** The roles that may write it (true-up steps are checked further by mayWriteTrueUp). */
  writers: readonly Role[];
  /**
   * Its fields that are lists of records, each with the field that names a line (shared/sync/paths):
   * two people changing different lines, or different fields of one line, are both kept.
   */
  lists?: Readonly<Record<string, string>>;
}

const CSM_WORK: readonly Role[] = ['admin', 'csm'];
const BOTH: readonly Role[] = ['admin', 'csm', 'account-manager'];
const record = (
  table: TableName,
  logWord: string,
  writers: readonly Role[],
  lists?: Readonly<Record<string, string>>,
) =>
  ({
    table,
    schema: TABLE_SCHEMAS[table],
    logWord,
    writers,
    ...(lists ? { lists } : {}),
  }) satisfies SyncedEntityInfo;

/**
 * Records that sync, by entity name. Who may write what (issue #14): admin everything, with partner
 * terms its own; a CSM customers, service records, the catalog and its end-of-life register and true-ups up to the order; an account manager
 * contracts, renewals and applying a true-up with its PO; read-only nothing. Device lists are not
 * records: they travel as blobs by hash. A true-up's events stay one field: each goes with a step of
 * its state, which is one field too.
 */
const ENTITIES = {
  customers: record('customers', 'customer', CSM_WORK, { cloudAgreements: 'partner' }),
  sites: record('sites', 'site', CSM_WORK),
  contracts: record('contracts', 'contract', ['admin', 'account-manager'], {
    categories: 'category',
    previousTerms: 'termStart',
  }),
  trueUps: record('trueUps', 'trueUp', BOTH),
  rmas: record('rmas', 'rma', CSM_WORK),
  timeEntries: record('timeEntries', 'timeEntry', CSM_WORK),
  cases: record('cases', 'case', CSM_WORK, { escalations: 'at' }),
  ecpsIncidents: record('ecpsIncidents', 'ecpsIncident', CSM_WORK, {
    updates: 'at',
    jointCalls: 'at',
  }),
  reports: record('reports', 'report', CSM_WORK),
  catalogOverrides: record('catalogOverrides', 'catalogOverride', CSM_WORK),
  eolRegister: record('eolRegister', 'eolRecord', CSM_WORK),
  imports: record('imports', 'import', CSM_WORK),
  snapshots: record('snapshots', 'snapshot', CSM_WORK),
  partnerTerms: {
    table: 'settings',
    schema: partnerTermsSchema,
    logWord: 'partnerTerms',
    writers: ['admin'],
  },
} as const satisfies Record<string, SyncedEntityInfo>;

export type SyncEntity = keyof typeof ENTITIES;
export const SYNCED: Readonly<Record<SyncEntity, SyncedEntityInfo>> = ENTITIES;

/** Every synced entity, in the order a whole book is queued and cleared. */
export const SYNCED_ENTITIES = Object.keys(SYNCED) as [SyncEntity, ...SyncEntity[]];

/**
 * The tables of a workstation's own sync state (the outbox, the versions seen, the decisions that
 * wait, the cursor and its ID): no backup holds them, a restore and a change of team clear them.
 */
export const SYNC_STATE_TABLES = ['outbox', 'syncVersions', 'syncConflicts', 'syncState'] as const;

const BY_TABLE = new Map<string, SyncEntity>(SYNCED_ENTITIES.map((e) => [SYNCED[e].table, e]));

/** The synced entity whose records live in a local table; undefined for a table that does not sync. */
export function entityOfTable(table: string): SyncEntity | undefined {
  return BY_TABLE.get(table);
}
