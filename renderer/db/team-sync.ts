/**
 * Team sync on this workstation's book: connecting (an empty team book takes this book whole; a
 * book with data replaces this one, which is backed up first), syncing through main (which holds the
 * token), and what the status line shows. One sync at a time; an edit (pushed a moment after, so a
 * burst goes as one batch), a timer, the network coming back and a click join the one running.
 */
import { liveQuery } from 'dexie';
import { useEffect, useSyncExternalStore } from 'react';
import { SingleFlight, syncOnce, type Remote, type SyncSummary } from '../../shared/sync/engine';
import { failureOf, SyncError, type SyncFailure } from '../../shared/sync/failure';
import type { PullResponse, PushResponse, SyncEntity } from '../../shared/sync/protocol';
import { mayWrite, type TrueUpStep } from '../../shared/sync/validate';
import type { SyncAnswer, TeamSyncConnection } from '../../shared/team-sync';
import { api } from '../platform';
import { createBackup } from './backup';
import { setListFetcher } from './device-lists';
import { setReadOnly } from './changes';
import type { WorkstationDatabase } from './database';
import { db } from './instance';
import {
  clearForJoin,
  decide,
  dexieBook,
  forgetSyncState,
  queueWholeBook,
  syncDecisions,
} from './sync-book';
import type { SyncDecision } from './sync-rows';
import { setOutboxEnabled } from './sync-outbox';

function value<T>(answer: SyncAnswer<T>): T {
  if (answer.ok) return answer.value;
  throw new SyncError(answer.kind, answer.message);
}

/** The team server through main: the token never comes to this side. */
export const mainRemote: Remote = {
  push: async (request) => value<PushResponse>(await api.syncPush(request)),
  pull: async (after) => value<PullResponse>(await api.syncPull({ after })),
  async putList(hash, json) {
    value(await api.syncPutList({ hash, bytes: new TextEncoder().encode(json) }));
  },
};

/** A device list from the team book, as its JSON; null when the team book has none. */
async function fetchList(hash: string): Promise<string | null> {
  const bytes = value(await api.syncGetList({ hash }));
  return bytes ? new TextDecoder().decode(bytes) : null;
}

export interface TeamSyncState {
  connection: TeamSyncConnection | null;
  phase: 'idle' | 'syncing' | 'offline' | 'failed';
  waiting: number;
  decisions: SyncDecision[];
  /** Records pulled so far in the run under way (the first sync of a workstation shows it). */
  pulled: number;
  lastSyncAt: string | null;
  lastError: SyncFailure | null;
}

let state: TeamSyncState = {
  connection: null,
  phase: 'idle',
  waiting: 0,
  decisions: [],
  pulled: 0,
  lastSyncAt: null,
  lastError: null,
};
const listeners = new Set<() => void>();

function update(patch: Partial<TeamSyncState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export const teamSyncStore = {
  get: () => state,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

async function refreshCounts(db: WorkstationDatabase): Promise<void> {
  update({
    waiting: await db.outbox.count(),
    decisions: await syncDecisions(db),
  });
}

let flight: SingleFlight<SyncSummary | null> | null = null;

/** Syncs now (or joins the sync under way). Failures are shown in the status line, not thrown. */
export function syncNow(db: WorkstationDatabase): Promise<SyncSummary | null> {
  if (!state.connection) return Promise.resolve(null);
  flight ??= new SingleFlight(async () => {
    update({ phase: 'syncing', pulled: 0 });
    try {
      const summary = await syncOnce(dexieBook(db), mainRemote, (progress) => {
        if (progress.phase === 'pull') update({ pulled: progress.done });
      });
      update({ phase: 'idle', lastSyncAt: new Date().toISOString(), lastError: null });
      await followRole(db);
      return summary;
    } catch (error) {
      const failure = failureOf(error);
      update({ phase: failure.kind === 'offline' ? 'offline' : 'failed', lastError: failure });
      return null;
    } finally {
      await refreshCounts(db);
    }
  });
  return flight.start();
}

/**
 * After a sync: the role the server now gives this token (an admin may have changed it), so the
 * screens offer what the server takes. A failed ask changes nothing; the next sync asks again.
 */
async function followRole(db: WorkstationDatabase): Promise<void> {
  const fresh = await api.refreshTeamSync().catch(() => null);
  if (!fresh?.ok || !state.connection || fresh.value.role === state.connection.role) return;
  update({ connection: fresh.value });
  setOutboxEnabled(db.name, true, fresh.value.role);
  applyRole(fresh.value);
}

/** Settles when the sync under way (if any) has ended, however it ended. */
const afterCurrentSync = (): Promise<unknown> =>
  flight?.isRunning ? flight.start().catch(() => null) : Promise.resolve();

function applyRole(connection: TeamSyncConnection | null): void {
  setReadOnly(connection?.role === 'read-only');
}

/** How long after an edit its push starts: edits made in a burst go in one batch. */
const PUSH_AFTER_EDIT_MS = 2_000;

/**
 * At start: a connected workstation syncs now, a moment after each edit, every minute (to pull what
 * others did), and when the network returns. The status line counts what waits as it changes.
 */
export async function startTeamSync(db: WorkstationDatabase): Promise<() => void> {
  const connection = await api.getTeamSync();
  update({ connection });
  setOutboxEnabled(db.name, connection !== null, connection?.role);
  setListFetcher(connection ? fetchList : null);
  applyRole(connection);
  await refreshCounts(db);
  const sync = () => void syncNow(db);
  sync();
  const timer = setInterval(sync, 60_000);
  window.addEventListener('online', sync);
  let soon: ReturnType<typeof setTimeout> | null = null;
  let before = 0;
  const waiting = liveQuery(() => db.outbox.count()).subscribe({
    next: (count) => {
      update({ waiting: count });
      // Something new waits: push it shortly, after the sync under way if there is one (that one
      // may have read the outbox before this edit).
      if (count > before && !soon)
        soon = setTimeout(() => {
          soon = null;
          void afterCurrentSync().then(sync);
        }, PUSH_AFTER_EDIT_MS);
      before = count;
    },
  });
  return () => {
    clearInterval(timer);
    if (soon) clearTimeout(soon);
    waiting.unsubscribe();
    window.removeEventListener('online', sync);
  };
}

/** Does this book hold anything of its own? */
export async function hasOwnData(db: WorkstationDatabase): Promise<boolean> {
  return (await db.customers.count()) > 0;
}

export type JoinMode = 'upload' | 'join' | 'empty';

/** What connecting will do with this book: upload it, replace it (backed up first), or just sync. */
export async function joinMode(db: WorkstationDatabase, bookVersion: number): Promise<JoinMode> {
  if (!(await hasOwnData(db))) return 'empty';
  return bookVersion === 0 ? 'upload' : 'join';
}

/**
 * Connects this workstation after the server took the token (api.connectTeamSync): uploads this book
 * into an empty team book, or backs it up and replaces it with the team's. Answers where the backup
 * went, when one was made.
 */
export async function completeConnect(
  db: WorkstationDatabase,
  connection: TeamSyncConnection,
  mode: JoinMode,
): Promise<{ backup: string | null }> {
  let backup: string | null = null;
  if (mode === 'join') {
    const bytes = new Uint8Array(await (await createBackup(db)).arrayBuffer());
    backup = (await api.keepSafetyBackup({ bytes, reason: 'join' })).path;
    await clearForJoin(db);
  } else await forgetSyncState(db);
  setOutboxEnabled(db.name, true, connection.role);
  setListFetcher(fetchList);
  if (mode === 'upload') await queueWholeBook(db);
  update({ connection, lastError: null });
  applyRole(connection);
  await syncNow(db);
  return { backup };
}

/** Disconnects; edits not yet sent stay in this book only. */
export async function disconnect(db: WorkstationDatabase): Promise<void> {
  await api.disconnectTeamSync();
  setOutboxEnabled(db.name, false);
  setListFetcher(null);
  await forgetSyncState(db);
  update({ connection: null, phase: 'idle', waiting: 0, decisions: [], lastError: null });
  applyRole(null);
}

/**
 * What this workstation's role may change (everything while not connected): the screens hide what
 * the team server would refuse.
 */
export function useMayWrite(): (entity: SyncEntity, step?: TrueUpStep) => boolean {
  const { connection } = useTeamSync();
  return (entity, step) => !connection || mayWrite(connection.role, entity, step);
}

/** The team-sync state, for the status line and the settings (re-renders when it changes). */
export function useTeamSync(): TeamSyncState {
  return useSyncExternalStore(teamSyncStore.subscribe, teamSyncStore.get);
}

/** Starts the sync loop of the app's book for as long as the shell is shown. */
export function useTeamSyncLoop(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let isGone = false;
    void startTeamSync(db).then((s) => {
      if (isGone) s();
      else stop = s;
    });
    return () => {
      isGone = true;
      stop?.();
    };
  }, []);
}

/** The actions of the screens, on the app's book. */
export const teamSync = {
  syncNow: () => syncNow(db),
  joinMode: (bookVersion: number) => joinMode(db, bookVersion),
  completeConnect: (connection: TeamSyncConnection, mode: JoinMode) =>
    completeConnect(db, connection, mode),
  disconnect: () => disconnect(db),
  async decide(decision: SyncDecision, choice: 'mine' | 'theirs') {
    await decide(db, decision, choice);
    await refreshCounts(db);
    if (choice === 'mine') void syncNow(db);
  },
};
