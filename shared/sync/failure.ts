/**
 * A sync failure, one shape from the service to the screen: its kind (what the user can do about it:
 * wait, connect again, update the app, read the reason) and its message in words. The service answers
 * it as the body of every failed request (with the message also as `error`, which is what clients of
 * this protocol read before), the client in main raises it as a SyncError, main hands it to the
 * renderer as a SyncAnswer, and the screens show the words for its kind.
 */
import { z } from 'zod';
import { messageOf } from '../errors';

export const SYNC_FAILURE_KINDS = [
  'offline',
  'unauthorized',
  'update',
  'refused',
  'server',
  /** The team server runs but cannot reach its PostgreSQL (restarting, down). */
  'database',
  'notConnected',
] as const;
export type SyncFailureKind = (typeof SYNC_FAILURE_KINDS)[number];

export const syncFailureSchema = z.object({
  kind: z.enum(SYNC_FAILURE_KINDS),
  message: z.string(),
});
export type SyncFailure = z.infer<typeof syncFailureSchema>;

/** The body of the service's answer to a request it did not carry out. */
export const failureBodySchema = syncFailureSchema.extend({ error: z.string() });
export type FailureBody = z.infer<typeof failureBodySchema>;

export const failureBody = (failure: SyncFailure): FailureBody => ({
  ...failure,
  error: failure.message,
});

/** What an HTTP status of the service means for the user: the same on both sides of the wire. */
export function failureKindOf(status: number): SyncFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 426) return 'update';
  if (status === 429 || status >= 500) return 'server';
  return 'refused';
}

/** A sync failure thrown (by the client in main; by the renderer's remote, from main's answer). */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    /** How long the server asked to wait before a next try. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  get failure(): SyncFailure {
    return { kind: this.kind, message: this.message };
  }
}

/** Any thrown value as a sync failure: a SyncError as it is, anything else a failure of the server. */
export function failureOf(error: unknown): SyncFailure {
  return error instanceof SyncError ? error.failure : { kind: 'server', message: messageOf(error) };
}
