/**
 * Lens API connections: a client ID and secret per Lens account (a partner may have several), with the
 * tenants each reaches. Kept by the main side only, in one file of the app's data folder readable by
 * this user alone, the secret sealed (Electron's safeStorage on the desktop); the renderer sees labels,
 * client IDs and tenants, never a secret, and nothing here is in a backup or an export.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LensConnection, LensConnectionInput, LensCredentials } from '../../../shared/lens';
import { writeFileAtomic } from '../atomic-write';
import { checkLensEndpoint, type LensAccess } from './connector';

/** Seals a secret at rest; `open` gives it back. */
export interface Sealer {
  /** What protects the secret, as the settings screen says it. */
  kind: 'os' | 'file';
  seal(secret: string): string;
  open(sealed: string): string;
}

/** The browser host's: the secret stays in the host's own file (mode 0600), in the host process. */
export const FILE_SEALER: Sealer = {
  kind: 'file',
  seal: (secret) => Buffer.from(secret, 'utf8').toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString('utf8'),
};

const storedSchema = z.object({
  id: z.string(),
  label: z.string(),
  clientId: z.string(),
  sealedSecret: z.string(),
  tokenUrl: z.string(),
  apiUrl: z.string(),
  tenants: z.array(z.object({ id: z.string(), name: z.string(), devices: z.number() })),
  createdAt: z.string(),
});
type StoredConnection = z.infer<typeof storedSchema>;
const fileSchema = z.object({ version: z.literal(1), connections: z.array(storedSchema) });

const FILE = 'lens-connections.json';

const visible = ({ sealedSecret: _secret, ...connection }: StoredConnection): LensConnection =>
  connection;

export class LensConnections {
  private readonly path: string;
  /** Writes one after another: two saves never interleave their read and write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly sealer: Sealer,
  ) {
    this.path = join(dataDir, FILE);
  }

  get protection(): Sealer['kind'] {
    return this.sealer.kind;
  }

  private async read(): Promise<StoredConnection[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${this.path} is damaged: ${parsed.error.message}`);
    return parsed.data.connections;
  }

  private write(connections: StoredConnection[]): Promise<void> {
    return mkdir(this.dataDir, { recursive: true }).then(() =>
      writeFileAtomic(
        this.path,
        new TextEncoder().encode(JSON.stringify({ version: 1, connections }, null, 2)),
        0o600,
      ),
    );
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async list(): Promise<LensConnection[]> {
    return (await this.read()).map(visible);
  }

  /** What a pull needs: the endpoints and the opened secret (main side only). */
  async access(id: string): Promise<LensAccess & { connection: LensConnection }> {
    const stored = (await this.read()).find((c) => c.id === id);
    if (!stored) throw new Error('this Lens API connection no longer exists');
    return {
      tokenUrl: stored.tokenUrl,
      apiUrl: stored.apiUrl,
      clientId: stored.clientId,
      clientSecret: this.sealer.open(stored.sealedSecret),
      connection: visible(stored),
    };
  }

  /**
   * Adds or changes a connection after `verify` has reached every tenant with its credentials (an
   * edit without a secret keeps the stored one, at the same addresses only). Nothing is stored when
   * an address is not Lens's or a tenant cannot be reached.
   */
  save(
    input: LensConnectionInput,
    verify: (access: LensAccess, tenantId: string) => Promise<{ name: string; devices: number }>,
  ): Promise<LensConnection> {
    return this.serial(async () => {
      const connections = await this.read();
      const existing = input.id ? connections.find((c) => c.id === input.id) : undefined;
      if (input.id && !existing) throw new Error('this Lens API connection no longer exists');
      const access = this.accessOf(input, existing);
      const { clientSecret } = access;
      const tenants = [];
      for (const tenantId of input.tenantIds)
        tenants.push({ id: tenantId, ...(await verify(access, tenantId)) });
      const saved: StoredConnection = {
        id: existing?.id ?? randomUUID(),
        label: input.label,
        clientId: input.clientId,
        sealedSecret: this.sealer.seal(clientSecret),
        tokenUrl: input.tokenUrl,
        apiUrl: input.apiUrl,
        tenants,
        createdAt: existing?.createdAt ?? new Date().toISOString(),
      };
      await this.write(
        existing
          ? connections.map((c) => (c.id === saved.id ? saved : c))
          : [...connections, saved],
      );
      return visible(saved);
    });
  }

  /**
   * What a typed credential reaches Lens with: at Lens's addresses only, with the stored secret of
   * the connection it edits when none is typed (at the addresses it was saved for).
   */
  private accessOf(input: LensCredentials, existing: StoredConnection | undefined): LensAccess {
    for (const url of [input.tokenUrl, input.apiUrl]) checkLensEndpoint(url);
    return {
      tokenUrl: input.tokenUrl,
      apiUrl: input.apiUrl,
      clientId: input.clientId,
      clientSecret: input.clientSecret || this.keptSecret(existing, input),
    };
  }

  /** The access for a credential being typed in Settings (to list its tenants), by the same rules. */
  async credentials(input: LensCredentials): Promise<LensAccess> {
    const existing = input.id ? (await this.read()).find((c) => c.id === input.id) : undefined;
    if (input.id && !existing) throw new Error('this Lens API connection no longer exists');
    return this.accessOf(input, existing);
  }

  /**
   * The stored secret an edit without one keeps: only while it goes where it was saved for (the same
   * token and API addresses); with a new address the secret must be typed again.
   */
  private keptSecret(existing: StoredConnection | undefined, input: LensCredentials): string {
    if (!existing) throw new Error('the client secret is missing');
    if (existing.tokenUrl !== input.tokenUrl || existing.apiUrl !== input.apiUrl)
      throw new Error(
        'the token or API address changed: type the client secret again (a stored secret is only sent to the addresses it was saved for)',
      );
    return this.sealer.open(existing.sealedSecret);
  }

  /** Records what a pull learnt of a tenant (its name and size) for the settings screen. */
  noteTenant(id: string, tenant: { id: string; name: string; devices: number }): Promise<void> {
    return this.serial(async () => {
      const connections = await this.read();
      const connection = connections.find((c) => c.id === id);
      if (!connection) return;
      connection.tenants = connection.tenants.map((t) => (t.id === tenant.id ? tenant : t));
      await this.write(connections);
    });
  }

  remove(id: string): Promise<boolean> {
    return this.serial(async () => {
      const connections = await this.read();
      const kept = connections.filter((c) => c.id !== id);
      if (kept.length === connections.length) return false;
      await this.write(kept);
      return true;
    });
  }
}
