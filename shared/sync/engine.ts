/**
 * One sync run (DESIGN.md "Team sync"): upload the device lists made here (immutable, by content
 * hash), push the outbox in batches, each change answered by a receipt
 * (applied, a conflict that waits for the user, or refused with the reason), then pull every record
 * changed since the cursor, page by page, each page applied with its cursor in one local transaction.
 * The local book and the remote are interfaces: the app's Dexie book and its main-process client,
 * or the tests' own.
 */
import {
  PUSH_BATCH,
  SYNC_PROTOCOL,
  type Change,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type Receipt,
} from './protocol';

export interface Remote {
  push(request: PushRequest): Promise<PushResponse>;
  pull(after: number): Promise<PullResponse>;
  /** Stores a device list (its JSON) under its content hash; storing it again is a no-op. */
  putList?(hash: string, json: string): Promise<void>;
}

export interface LocalBook {
  clientId(): Promise<string>;
  /** The oldest edits not yet pushed. */
  pending(limit: number): Promise<Change[]>;
  /** How many edits wait to be pushed. */
  waiting(): Promise<number>;
  /** The receipts of pushed changes: each change leaves the outbox; conflicts and refusals are kept. */
  settle(changes: readonly Change[], receipts: readonly Receipt[]): Promise<void>;
  cursor(): Promise<number>;
  /** A pulled page and its cursor, in one transaction; local edits not yet pushed win over it. */
  apply(page: PullResponse): Promise<void>;
  /** Device lists made here and not yet in the team book (uploaded before the records naming them). */
  unsentLists?(): Promise<string[]>;
  listJson?(hash: string): Promise<string | null>;
  listSent?(hash: string): Promise<void>;
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  /** Changes pushed, or records pulled, so far. */
  done: number;
}

export interface SyncSummary {
  pushed: number;
  pulled: number;
  conflicts: number;
  refused: number;
}

export async function syncOnce(
  book: LocalBook,
  remote: Remote,
  onProgress?: (progress: SyncProgress) => void,
): Promise<SyncSummary> {
  const summary: SyncSummary = { pushed: 0, pulled: 0, conflicts: 0, refused: 0 };
  const clientId = await book.clientId();
  if (remote.putList && book.unsentLists && book.listJson && book.listSent)
    for (const hash of await book.unsentLists()) {
      const json = await book.listJson(hash);
      if (json !== null) await remote.putList(hash, json);
      await book.listSent(hash);
    }
  for (;;) {
    const changes = await book.pending(PUSH_BATCH);
    if (changes.length === 0) break;
    const { receipts } = await remote.push({ protocol: SYNC_PROTOCOL, clientId, changes });
    const answered = new Set(receipts.map((r) => r.seq));
    if (!changes.every((c) => answered.has(c.seq)))
      throw new Error('the server did not answer every change of the push');
    await book.settle(changes, receipts);
    summary.pushed += changes.length;
    summary.conflicts += receipts.filter((r) => r.status === 'conflict').length;
    summary.refused += receipts.filter((r) => r.status === 'refused').length;
    onProgress?.({ phase: 'push', done: summary.pushed });
  }
  let cursor = await book.cursor();
  for (;;) {
    const page = await remote.pull(cursor);
    await book.apply(page);
    summary.pulled += page.records.length;
    cursor = page.cursor;
    onProgress?.({ phase: 'pull', done: summary.pulled });
    if (!page.hasMore) break;
  }
  return summary;
}

/**
 * Runs syncs one at a time: asking while one runs joins it (a timer, the network coming back and a
 * click never overlap).
 */
export class SingleFlight<T> {
  private running: Promise<T> | null = null;

  constructor(private readonly run: () => Promise<T>) {}

  start(): Promise<T> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }
}
