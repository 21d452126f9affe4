/**
 * What a search finds a customer by: its name, master account ID, Lens accounts, contract numbers, and
 * its sites' names and IDs, compared as names are (case, accents' composition, spacing ignored).
 */
import type { Contract, Customer, Site } from './model/entities';
import { nameKey } from './model/name-key';

export function customerTerms(
  customer: Customer,
  contracts: readonly Contract[],
  sites: readonly Site[],
): string[] {
  return [
    customer.name,
    customer.masterAccountId,
    ...customer.lensAccounts,
    ...contracts.filter((c) => c.customerId === customer.id).map((c) => c.number),
    ...sites.filter((s) => s.customerId === customer.id).flatMap((s) => [s.name, s.siteId]),
  ].filter((term) => term.trim() !== '');
}

/** Whether any term holds the query (an empty query matches everything). */
export function matchesQuery(terms: readonly string[], query: string): boolean {
  const needle = nameKey(query);
  return needle === '' || terms.some((term) => nameKey(term).includes(needle));
}
