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
  return searchTerms([customer], contracts, sites).get(customer.id) ?? [];
}

/** Every customer's terms, in one pass over the contracts and sites (a large book has many). */
export function searchTerms(
  customers: readonly Customer[],
  contracts: readonly Contract[],
  sites: readonly Site[],
): Map<string, string[]> {
  const terms = new Map(
    customers.map((c) => [c.id, [c.name, c.masterAccountId, ...c.lensAccounts]]),
  );
  for (const contract of contracts) terms.get(contract.customerId)?.push(contract.number);
  for (const site of sites) terms.get(site.customerId)?.push(site.name, site.siteId);
  for (const [id, list] of terms)
    terms.set(
      id,
      list.filter((term) => term.trim() !== ''),
    );
  return terms;
}

/** Whether any term holds the query (an empty query matches everything). */
export function matchesQuery(terms: readonly string[], query: string): boolean {
  const needle = nameKey(query);
  return needle === '' || terms.some((term) => nameKey(term).includes(needle));
}
