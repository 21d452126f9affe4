/**
 * "Pull all": every tenant that maps to a customer, pulled and imported one after the other, each with
 * its own result. One run at a time, started from the Imports screen or by the monthly schedule, and
 * shown wherever it is looked at (a store outside React, like a pending import).
 */
import { useSyncExternalStore } from 'react';
import type { Customer } from '../../../shared/model/entities';
import { api } from '../../platform';
import { pullIntoCustomer, type LensTargetRow, type PullContext } from './lens-pull';
import { messageOf } from '../../../shared/errors';

export type PullAllState = 'waiting' | 'pulling' | 'imported' | 'unchanged' | 'failed' | 'skipped';

export interface PullAllRow {
  key: string;
  customer: Customer;
  tenant: string;
  state: PullAllState;
  done: number;
  total: number | null;
  /** Devices imported (imported or unchanged). */
  devices: number;
  message: string;
}

export interface PullAllRun {
  rows: PullAllRow[];
  isRunning: boolean;
  isCancelled: boolean;
  startedBy: 'user' | 'schedule';
}

let current: PullAllRun | null = null;
let currentTask: string | null = null;
const listeners = new Set<() => void>();

function publish(next: PullAllRun | null): void {
  current = next;
  for (const listener of listeners) listener();
}

function update(key: string, change: Partial<PullAllRow>): void {
  if (!current) return;
  publish({
    ...current,
    rows: current.rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
  });
}

export function usePullAll(): PullAllRun | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Pulls every mapped target in turn; resolves with the finished run. */
export async function startPullAll(
  targets: readonly LensTargetRow[],
  context: Omit<PullContext, 'onProgress' | 'onTask'>,
  startedBy: PullAllRun['startedBy'],
): Promise<PullAllRun | null> {
  if (current?.isRunning) return null;
  const mapped = targets.filter(
    (t): t is LensTargetRow & { customer: Customer } => t.customer !== null,
  );
  publish({
    startedBy,
    isRunning: true,
    isCancelled: false,
    rows: mapped.map((t) => ({
      key: `${t.connection.id}/${t.tenant.id}`,
      customer: t.customer,
      tenant: t.tenant.name || t.tenant.id,
      state: 'waiting',
      done: 0,
      total: t.tenant.devices || null,
      devices: 0,
      message: '',
    })),
  });
  for (const target of mapped) {
    const key = `${target.connection.id}/${target.tenant.id}`;
    if (current?.isCancelled) {
      update(key, { state: 'skipped' });
      continue;
    }
    update(key, { state: 'pulling' });
    try {
      const outcome = await pullIntoCustomer(target, target.customer, {
        ...context,
        onTask: (taskId) => (currentTask = taskId),
        onProgress: (done, total) => update(key, { done, total }),
      });
      update(key, {
        state: outcome.isUnchanged ? 'unchanged' : 'imported',
        devices: outcome.record.devices,
      });
    } catch (error) {
      update(key, {
        state: current?.isCancelled ? 'skipped' : 'failed',
        message: messageOf(error),
      });
    }
  }
  currentTask = null;
  if (current) publish({ ...current, isRunning: false });
  return current;
}

/** Stops the pull under way and skips the rest. */
export function cancelPullAll(): void {
  if (!current?.isRunning) return;
  publish({ ...current, isCancelled: true });
  if (currentTask) void api.cancelTask({ taskId: currentTask });
}

/** Forgets a finished run (its results were read). */
export function clearPullAll(): void {
  if (!current?.isRunning) publish(null);
}
