/**
 * Who may use the browser host. The link the host prints carries a launch token that works once (and
 * for ten minutes at most): redeeming it starts a session of two halves. Its random ID travels only in
 * an HttpOnly cookie, so a link left in the browser history, or seen on a process list, opens nothing
 * later. Its key is handed to the page once and kept in the page's own storage, which is scoped to the
 * origin (port included), and goes with every call. A cookie has no port: Chromium sends it to any
 * server on the same host name, and the key is what makes a cookie seen there useless.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const LINK_LIFETIME_MS = 10 * 60_000;

const random = () => randomBytes(24).toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface HostSession {
  /** Travels in the HttpOnly cookie. */
  id: string;
  /** Kept by the page at its origin and sent with every call. */
  key: string;
}

export class HostSessions {
  private readonly links = new Map<string, number>();
  private readonly sessions: HostSession[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** A new single-use launch token (`initial` lets the tests choose the first one). */
  mintLink(initial?: string): string {
    const token = initial && initial.length >= 16 ? initial : random();
    this.links.set(token, this.now() + LINK_LIFETIME_MS);
    return token;
  }

  /** Burns a launch token and starts a session; null when the token is unknown, used or expired. */
  redeem(token: string): HostSession | null {
    for (const [link, expires] of this.links) {
      if (!sameText(link, token)) continue;
      this.links.delete(link);
      if (expires < this.now()) return null;
      const session = { id: random(), key: random() };
      this.sessions.push(session);
      return session;
    }
    return null;
  }

  /** The cookie names a session: enough for the app's files, which hold nothing of the user's. */
  isSession(id: string): boolean {
    return id.length > 0 && this.sessions.some((session) => sameText(session.id, id));
  }

  /** The cookie and the page's key belong to one session: what every call needs. */
  isBound(id: string, key: string): boolean {
    return (
      id.length > 0 &&
      key.length > 0 &&
      this.sessions.some((session) => sameText(session.id, id) && sameText(session.key, key))
    );
  }
}
