/**
 * The team-sync protocol (DESIGN.md "Team sync", FORMATS.md §5), shared by the app's client and the
 * sync service: the push and pull messages and every answer, with their zod schemas. The service
 * checks every message against these before it reads a field; the client checks every answer.
 * What syncs and who may write it is the registry in shared/model/synced-entities.
 */
import { z } from 'zod';
import { ROLES, SYNCED_ENTITIES } from '../model/synced-entities';

export { ROLES, SYNCED_ENTITIES, type Role, type SyncEntity } from '../model/synced-entities';

/**
 * Bumped when a message changes shape or meaning; an older client is told to update, its outbox kept.
 * 2: a change's fields are keyed by path (./paths), so a list of records changes line by line, and
 * a conflict names the path; an edit queued under 1 (whole fields) still means what it meant.
 */
export const SYNC_PROTOCOL = 2;

const recordId = z.string().min(1).max(200);
const fields = z.record(z.string().max(100), z.unknown());
const version = z.number().int().nonnegative();
const entity = z.enum(SYNCED_ENTITIES);

/**
 * One edit from a client's outbox: the paths it set (a field, a line of a list of records, a field
 * of a line: ./paths), and the server version it was based on.
 */
export const changeSchema = z.object({
  seq: z.number().int().positive(),
  entity,
  id: recordId,
  op: z.enum(['put', 'delete']),
  /** The record's server version the edit started from; 0 for a record the server has not seen. */
  baseVersion: version,
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

/** A path two people changed: the server kept theirs; yours waits for a decision. */
export const fieldConflictSchema = z.object({
  /** The path (./paths): a field, a line (yours null: you removed it), or a field of a line. */
  field: z.string(),
  theirs: z.unknown().optional(),
  yours: z.unknown().optional(),
  /** Who set theirs, and when (the server's clock). */
  by: z.string(),
  at: z.string(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

export const RECEIPT_STATUSES = ['applied', 'conflict', 'refused'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** What became of one change; stored, so a repeated push gets the same answer and no second effect. */
export const receiptSchema = z.object({
  seq: z.number().int().positive(),
  status: z.enum(RECEIPT_STATUSES),
  /** The record's version after the change (or as it stands, when nothing was applied). */
  version,
  conflicts: z.array(fieldConflictSchema).optional(),
  /** Why a change was refused, in words, with what stands in its way. */
  reason: z.string().optional(),
  /** The record that stands in the way (an existing true-up for the term), when there is one. */
  existing: z.object({ entity, id: recordId }).optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const pushResponseSchema = z.object({ receipts: z.array(receiptSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** One record as it stands on the server, for a pull. Deletes are tombstones. */
export const pulledRecordSchema = z.object({
  version,
  entity,
  id: recordId,
  deleted: z.boolean(),
  data: z.record(z.string(), z.unknown()).nullable(),
  by: z.string(),
  at: z.string(),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

/** Records per pull page. */
export const PULL_PAGE = 1000;

export const pullResponseSchema = z.object({
  records: z.array(pulledRecordSchema),
  /** Pass back as `after` for the next page. */
  cursor: version,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const whoAmISchema = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  /** The server's newest version: 0 is an empty team book. */
  version,
  protocol: z.number().int(),
});
export type WhoAmI = z.infer<typeof whoAmISchema>;

/** The answer to a device list stored: its hash. */
export const blobStoredSchema = z.object({ stored: z.string().regex(/^[0-9a-f]{64}$/) });
