/**
 * A file dropped on the window, a menu request to pick one, or a Lens tenant to pull, waiting for the
 * Imports screen.
 */
import { useSyncExternalStore } from 'react';
import type { LensTarget } from './use-import-flow';

export type PendingImport =
  | { kind: 'file'; name: string; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'pick' }
  | { kind: 'lens'; name: string; target: LensTarget }
  | null;

let pending: PendingImport = null;
const listeners = new Set<() => void>();

export function setPendingImport(next: PendingImport): void {
  pending = next;
  for (const listener of listeners) listener();
}

export function usePendingImport(): PendingImport {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
  );
}
