/**
 * The workstation's team-sync connection, kept by main: the server's address, the user it is and the
 * access token, sealed (Electron's safeStorage on the desktop; the browser host's own 0600 file).
 * The renderer sees who and where, never the token; nothing here is in a backup.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES } from '../../../shared/model/synced-entities';
import { failureOf } from '../../../shared/sync/failure';
import type { SyncAnswer, TeamSyncConnection } from '../../../shared/team-sync';
import { writeFileAtomic } from '../atomic-write';
import type { Sealer } from '../lens/connections';
import { createRemote, isSyncServerAddress } from './client';

const FILE = 'team-sync.json';

const storedSchema = z.object({
  version: z.literal(1),
  server: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  connectedAt: z.string(),
  sealedToken: z.string(),
});
type Stored = z.infer<typeof storedSchema>;

const visible = ({ version: _v, sealedToken: _t, ...connection }: Stored): TeamSyncConnection =>
  connection;

/** A failure as an answer the renderer acts on (offline: try later; unauthorized: connect again). */
export function answerOf(error: unknown): SyncAnswer<never> {
  return { ok: false, ...failureOf(error) };
}

export class TeamSync {
  private readonly path: string;

  constructor(
    private readonly dataDir: string,
    private readonly sealer: Sealer,
  ) {
    this.path = join(dataDir, FILE);
  }

  private async read(): Promise<Stored | null> {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async connection(): Promise<TeamSyncConnection | null> {
    const stored = await this.read();
    return stored ? visible(stored) : null;
  }

  /**
   * Connects after the server has accepted the token; answers who it is and how many changes the
   * team book holds (0: an empty book this workstation may fill with its own).
   */
  async connect(
    server: string,
    token: string,
  ): Promise<SyncAnswer<{ connection: TeamSyncConnection; bookVersion: number }>> {
    if (!isSyncServerAddress(server))
      return {
        ok: false,
        kind: 'refused',
        message: 'the server address must start with https:// (http:// only on this computer)',
      };
    try {
      const me = await createRemote({ server, token, attempts: 2 }).me();
      const stored: Stored = {
        version: 1,
        server: server.replace(/\/+$/, ''),
        name: me.name,
        email: me.email,
        role: me.role,
        connectedAt: new Date().toISOString(),
        sealedToken: this.sealer.seal(token),
      };
      await mkdir(this.dataDir, { recursive: true });
      await writeFileAtomic(this.path, new TextEncoder().encode(JSON.stringify(stored)), 0o600);
      return { ok: true, value: { connection: visible(stored), bookVersion: me.version } };
    } catch (error) {
      return answerOf(error);
    }
  }

  /**
   * Who the stored token is now, as the server says: a role an admin changed since connecting is
   * kept, so the app offers what the server takes. Not connected is an answer, as offline is.
   */
  async refresh(): Promise<SyncAnswer<TeamSyncConnection>> {
    const stored = await this.read();
    if (!stored)
      return { ok: false, kind: 'notConnected', message: 'not connected to a team book' };
    try {
      const token = this.sealer.open(stored.sealedToken);
      const me = await createRemote({ server: stored.server, token, attempts: 1 }).me();
      if (me.role === stored.role && me.name === stored.name)
        return { ok: true, value: visible(stored) };
      const updated: Stored = { ...stored, role: me.role, name: me.name };
      await writeFileAtomic(this.path, new TextEncoder().encode(JSON.stringify(updated)), 0o600);
      return { ok: true, value: visible(updated) };
    } catch (error) {
      return answerOf(error);
    }
  }

  async disconnect(): Promise<boolean> {
    const had = (await this.read()) !== null;
    await rm(this.path, { force: true });
    return had;
  }

  /** The client for the stored connection; null when not connected. */
  async remote() {
    const stored = await this.read();
    if (!stored) return null;
    return createRemote({ server: stored.server, token: this.sealer.open(stored.sealedToken) });
  }
}
