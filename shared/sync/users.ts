/**
 * The team's users as an admin manages them (Settings → Team sync → Users, `csm sync-admin`): the
 * requests with their zod schemas, which the service checks before it reads a field, and the answers,
 * which the client checks before it uses one. A new user's token is in one answer only: the add's.
 */
import { z } from 'zod';
import { ROLES } from '../model/synced-entities';
import { isCalendarDate } from '../terms/dates';

/** An e-mail as a user's name in the team book: compared without case. */
const emailKey = z.string().trim().toLowerCase().min(1).max(320);
/** A new user's e-mail: a real address. (Lookups take any stored one: `add-user` took it as typed.) */
export const userEmailSchema = emailKey.pipe(z.email());

export const addUserRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: userEmailSchema,
    role: z.enum(ROLES),
    /** The last day (YYYY-MM-DD, UTC) the token works; null for no expiry. */
    expires: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD').nullable(),
  })
  .strict();
export type AddUserRequest = z.infer<typeof addUserRequestSchema>;

export const setRoleRequestSchema = z.object({ email: emailKey, role: z.enum(ROLES) }).strict();
export type SetRoleRequest = z.infer<typeof setRoleRequestSchema>;

export const revokeUserRequestSchema = z.object({ email: emailKey }).strict();
export type RevokeUserRequest = z.infer<typeof revokeUserRequestSchema>;

/** A user as the list shows it: who, the role, when made, last seen, and when the token ends or ended. */
export const teamUserSchema = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  /** The latest time any of the user's workstations reached the service; null when none has. */
  lastSeenAt: z.string().nullable(),
  /** The moment the token stops (the day after its last day, 00:00 UTC); null for no expiry. */
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TeamUser = z.infer<typeof teamUserSchema>;

export const teamUsersSchema = z.object({ users: z.array(teamUserSchema) });

/** The answer to an add: the user, and the token this once (only its hash is stored). */
export const addedUserSchema = z.object({ user: teamUserSchema, token: z.string().min(10) });
export type AddedUser = z.infer<typeof addedUserSchema>;

/** The answer to a role change or a revocation: the user as it now stands. */
export const changedUserSchema = z.object({ user: teamUserSchema });

/**
 * When a token whose last day is `day` stops: 00:00 UTC the day after. Null when that moment is
 * already past (a last day before today gives a token that never works).
 */
export function expiryOfLastDay(day: string, now = Date.now()): Date | null {
  const end = new Date(`${day}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end.getTime() <= now ? null : end;
}

/** The last day (YYYY-MM-DD) a token works that stops at `expiresAt`. */
export function lastDayOf(expiresAt: string): string {
  return new Date(Date.parse(expiresAt) - 1).toISOString().slice(0, 10);
}

/** Whether a user's token works now: not revoked and not past its expiry. */
export function isActiveUser(user: TeamUser, now = Date.now()): boolean {
  return !user.revokedAt && (!user.expiresAt || Date.parse(user.expiresAt) > now);
}
