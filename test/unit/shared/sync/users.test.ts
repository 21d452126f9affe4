/**
 * The users requests and the access end (shared/sync/users): what the service and the Users panel
 * both check, and the last day a token works as the panel shows it.
 */
import { describe, expect, it } from 'vitest';
import {
  addUserRequestSchema,
  expiryOfLastDay,
  isActiveUser,
  lastDayOf,
  setRoleRequestSchema,
  type TeamUser,
} from '../../../../shared/sync/users';

const now = Date.parse('2026-12-04T12:00:00.000Z');

describe('the access end', () => {
  it('a last day stops the token at 00:00 UTC the day after; a past one is refused', () => {
    expect(expiryOfLastDay('2026-12-31', now)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(expiryOfLastDay('2026-12-04', now)?.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(expiryOfLastDay('2026-12-03', now)).toBeNull();
  });

  it('the last day shown is the one given', () => {
    expect(lastDayOf('2027-01-01T00:00:00.000Z')).toBe('2026-12-31');
  });

  it('a user is active until revoked or past the end', () => {
    const user: TeamUser = {
      name: 'Karin',
      email: 'karin@partner.se',
      role: 'csm',
      createdAt: '2026-01-01T00:00:00.000Z',
      lastSeenAt: null,
      expiresAt: null,
      revokedAt: null,
    };
    expect(isActiveUser(user, now)).toBe(true);
    expect(isActiveUser({ ...user, expiresAt: '2026-12-04T00:00:00.000Z' }, now)).toBe(false);
    expect(isActiveUser({ ...user, expiresAt: '2026-12-05T00:00:00.000Z' }, now)).toBe(true);
    expect(isActiveUser({ ...user, revokedAt: '2026-11-01T00:00:00.000Z' }, now)).toBe(false);
  });
});

describe('the requests', () => {
  it('a new user: name and e-mail trimmed, the e-mail in lower case, nothing else taken', () => {
    expect(
      addUserRequestSchema.parse({
        name: ' Maja ',
        email: ' Maja@Partner.SE ',
        role: 'csm',
        expires: null,
      }),
    ).toEqual({ name: 'Maja', email: 'maja@partner.se', role: 'csm', expires: null });
    for (const bad of [
      { name: 'M', email: 'maja', role: 'csm', expires: null },
      { name: 'M', email: 'maja@partner.se', role: 'owner', expires: null },
      { name: 'M', email: 'maja@partner.se', role: 'csm', expires: '31/12/2026' },
      { name: 'M', email: 'maja@partner.se', role: 'csm', expires: null, token: 'x' },
    ])
      expect(addUserRequestSchema.safeParse(bad).success).toBe(false);
  });

  it('a role change finds a user by any stored e-mail, in any case', () => {
    expect(setRoleRequestSchema.parse({ email: 'OLD-Style', role: 'admin' })).toEqual({
      email: 'old-style',
      role: 'admin',
    });
  });
});
