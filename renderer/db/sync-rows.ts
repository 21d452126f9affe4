/** The rows of team sync's local tables (migration 0005), as the database class types them. */
import type { Change, FieldConflict, Receipt, SyncEntity } from '../../shared/sync/protocol';

/** An outbox row: a change before it has its place in the sequence (the table numbers it). */
export type OutboxRow = Omit<Change, 'seq'> & { seq?: number };

/** The server version a record (or `list:HASH`, a device list in the team book) was last seen at. */
export interface SyncVersionRow {
  key: string;
  version: number;
}

/** An edit the team book did not take as it was: the user decides (use mine, or keep theirs). */
export interface SyncDecision {
  id?: number;
  entity: SyncEntity;
  recordId: string;
  kind: 'conflict' | 'refused';
  /** The record in the user's words: a name, a number, a title, or its ID. */
  label: string;
  /** The values this workstation sent. */
  yours: Record<string, unknown>;
  conflicts: FieldConflict[];
  reason?: string;
  existing?: Receipt['existing'];
  at: string;
}

/** What syncState holds, by key. */
export interface SyncStateValues {
  /** This workstation's ID in the team book. */
  clientId: string;
  /** The version the pulls have reached. */
  cursor: number;
  /** The version the first pull reached: records it brought have no version of their own. */
  floor: number;
  /** The first pull has brought the whole team book. */
  initialDone: boolean;
}

export type SyncStateRow = {
  [K in keyof SyncStateValues]: { key: K; value: SyncStateValues[K] };
}[keyof SyncStateValues];
