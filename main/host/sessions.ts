/**
 * Who may use the browser host. The link the host prints carries a launch token that works once (and
 * for ten minutes at most): redeeming it starts a session whose random ID travels only in an HttpOnly
 * cookie. So a link left in the browser history, or seen on a process list, opens nothing later.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const LINK_LIFETIME_MS = 10 * 60_000;

const random = () => randomBytes(24).toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class HostSessions {
  private readonly links = new Map<string, number>();
  private readonly sessions = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new single-use launch token (`initial` lets the tests choose the first one). */
  mintLink(initial?: string): string {
    const token = initial && initial.length >= 16 ? initial : random();
    this.links.set(token, this.now() + LINK_LIFETIME_MS);
    return token;
  }

  /** Burns a launch token and starts a session; null when the token is unknown, used or expired. */
  redeem(token: string): string | null {
    for (const [link, expires] of this.links) {
      if (!sameText(link, token)) continue;
      this.links.delete(link);
      if (expires < this.now()) return null;
      const session = random();
      this.sessions.add(session);
      return session;
    }
    return null;
  }

  isSession(id: string): boolean {
    if (id.length === 0) return false;
    for (const session of this.sessions) if (sameText(session, id)) return true;
    return false;
  }
}
