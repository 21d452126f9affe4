/**
 * The team database's migrations: numbered, append-only (a released one is never edited; a change is
 * a new number). `migrate` runs those not yet applied, each in its own transaction.
 */
import initial from './0001-initial';
import expiry from './0002-expiry';
import seen from './0003-seen';
import eolRegister from './0004-eol-register';

export interface SyncMigration {
  version: number;
  name: string;
  sql: string;
}

export const SYNC_MIGRATIONS: readonly SyncMigration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'expiry', sql: expiry },
  { version: 3, name: 'seen', sql: seen },
  { version: 4, name: 'eol-register', sql: eolRegister },
];
