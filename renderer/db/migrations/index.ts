import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-service-records';
import { migration0003 } from './0003-device-lists';
import { migration0004 } from './0004-inventory-from-lists';
import { migration0005 } from './0005-sync';
import { migration0006 } from './0006-lens-states';
import { migration0007 } from './0007-stale-rule';
import { migration0008 } from './0008-eol-register';
import type { Migration } from './types';

/** Every schema version, oldest first. Append new ones; never edit or reorder released ones. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
