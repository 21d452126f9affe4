/** A file dropped on the window (or a menu request to pick one), waiting for the Imports screen. */
import { useSyncExternalStore } from 'react';

export type PendingImport =
  { kind: 'file'; name: string; bytes: Uint8Array<ArrayBuffer> } | { kind: 'pick' } | null;

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
