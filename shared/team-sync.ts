/** Team sync as the app's screens see it (the token never leaves main). */
import { z } from 'zod';
import type { Role } from './model/synced-entities';
import type { SyncFailure } from './sync/failure';

export interface TeamSyncConnection {
  server: string;
  name: string;
  email: string;
  role: Role;
  connectedAt: string;
}

/** What a sync call answers across the process boundary: the value, or why not, as a kind to act on. */
export type SyncAnswer<T> = { ok: true; value: T } | ({ ok: false } & SyncFailure);

export const teamSyncInputSchema = z
  .object({
    server: z.string().trim().min(1).max(500),
    token: z.string().trim().min(10).max(200),
  })
  .strict();
