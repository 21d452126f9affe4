/** Imports, catalogue overrides and the models the catalogue does not know. Live queries: components read through these and never call db.* themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Catalog, EolRecord } from '../../../shared/catalog';
import type { CatalogOverride, ImportRecord } from '../../../shared/model/entities';
import { readCatalog } from '../catalog';
import { db } from '../instance';
import { latestSnapshot } from '../snapshots';
import { staleRuleOf } from '../recount';
import type { CalendarDate } from '../../../shared/terms/dates';

/** The imports of one file (by its content hash): a file imported before says so in the preview. */
export function useImportsOf(contentHash: string): ImportRecord[] | undefined {
  return useLiveQuery(
    () => db.imports.where('contentHash').equals(contentHash).toArray(),
    [contentHash],
  );
}

export function useImports(): ImportRecord[] | undefined {
  return useLiveQuery(
    () =>
      db.imports
        .toArray()
        .then((rows) => rows.sort((a, b) => b.importedAt.localeCompare(a.importedAt))),
    [],
  );
}

export function useCatalogOverrides(): CatalogOverride[] | undefined {
  return useLiveQuery(() => db.catalogOverrides.toArray(), []);
}

/** The stale rule of a customer's contract at the end of `day` (null: none, or no such customer). */
export function useStaleRule(
  customerId: string | null,
  day: CalendarDate,
): number | null | undefined {
  return useLiveQuery(
    async () => (customerId ? staleRuleOf(db, customerId, day) : null),
    [customerId, day],
  );
}

/** The partner's end-of-life register, by model. */
export function useEolRegister(): EolRecord[] | undefined {
  return useLiveQuery(() => db.eolRegister.orderBy('model').toArray(), []);
}

/** The catalog as counts read it: shipped entries, overrides and the end-of-life register. */
export function useCatalog(): Catalog | undefined {
  return useLiveQuery(() => readCatalog(db), []);
}

/** The unknown models of a customer's current inventory, with their device counts. */
export function useUnknownModels(
  customerId: string,
): { model: string; devices: number }[] | undefined {
  return useLiveQuery(
    async () => (await latestSnapshot(db, customerId))?.summary.unknownModels ?? [],
    [customerId],
  );
}
