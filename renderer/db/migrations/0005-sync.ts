/**
 * Migration 5: team sync's local state. The outbox holds every edit of a synced table not yet pushed
 * (written by the outbox middleware in the same transaction as the edit); syncVersions the server
 * version each record was last seen at; syncConflicts the edits that wait for the user's decision;
 * syncState the workstation's ID and pull cursor. None of it is in a backup.
 */
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'sync',
  stores: {
    outbox: '++seq, [entity+id]',
    syncVersions: 'key',
    syncConflicts: '++id, [entity+id]',
    syncState: 'key',
  },
};
