/**
 * The catalog as the book has it: the shipped entries, the user's overrides and the partner's
 * end-of-life register (TERMS.md §12). Every count the workstation makes reads it through here.
 */
import { shippedCatalog, type Catalog } from '../../shared/catalog';
import type { WorkstationDatabase } from './database';

export async function readCatalog(db: WorkstationDatabase): Promise<Catalog> {
  const [overrides, register] = await Promise.all([
    db.catalogOverrides.toArray(),
    db.eolRegister.toArray(),
  ]);
  return shippedCatalog(overrides, register);
}
