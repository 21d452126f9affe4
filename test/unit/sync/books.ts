/** Workstation books for the sync tests: Dexie on fake-indexeddb, connected to the team, each its own. */
import { WorkstationDatabase } from '../../../renderer/db/database';
import { dexieBook } from '../../../renderer/db/sync-book';
import { setOutboxEnabled } from '../../../renderer/db/sync-outbox';
import { createRemote } from '../../../main/services/team-sync/client';
import { gzipSync } from 'node:zlib';
import { syncOnce, type Remote } from '../../../shared/sync/engine';

export interface Workstation {
  db: WorkstationDatabase;
  book: ReturnType<typeof dexieBook>;
  remote: ReturnType<typeof createRemote> & Required<Pick<Remote, 'putList'>>;
  sync(): ReturnType<typeof syncOnce>;
  close(): void;
}

/** No real waiting between retries in the tests; the waits asked for are recorded. */
export const waits: number[] = [];
const fastSleep = (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

export async function workstation(
  server: string,
  token: string,
  options: { timeoutMs?: number; attempts?: number } = {},
): Promise<Workstation> {
  const db = new WorkstationDatabase(`ws-${Math.random()}`);
  await db.open();
  setOutboxEnabled(db.name, true);
  const book = dexieBook(db);
  const client = createRemote({ server, token, sleep: fastSleep, ...options });
  const remote = {
    ...client,
    putList: (hash: string, json: string) => client.putBlob(hash, gzipSync(json)),
  };
  return {
    db,
    book,
    remote,
    sync: () => syncOnce(book, remote),
    close: () => {
      setOutboxEnabled(db.name, false);
      db.close();
    },
  };
}
