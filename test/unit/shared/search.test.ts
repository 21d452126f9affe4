import { describe, expect, it } from 'vitest';
import type { Contract, Customer, Site } from '../../../shared/model/entities';
import { customerTerms, matchesQuery } from '../../../shared/search';

const customer: Customer = {
  id: 'c1',
  name: 'Öresund Media AB',
  masterAccountId: 'MA-1001',
  country: 'SE',
  lensAccounts: ['oresund-lens', 'tenant-77'],
  csm: 'Karin',
  accountManager: '',
  isArchived: false,
};
const contracts = [
  { id: 'k1', customerId: 'c1', number: 'PPE-2026-014' },
  { id: 'k2', customerId: 'c2', number: 'PPE-2026-099' },
] as Contract[];
const sites = [
  { id: 's1', customerId: 'c1', name: 'Malmö HQ', siteId: 'SITE-4411', city: 'Malmö' },
  { id: 's2', customerId: 'c2', name: 'Elsewhere', siteId: 'SITE-9', city: '' },
] as Site[];

describe('search', () => {
  it('finds a customer by name, master account, Lens accounts, its own contracts and sites', () => {
    const terms = customerTerms(customer, contracts, sites);
    for (const query of [
      'öresund',
      'ma-1001',
      'TENANT-77',
      'ppe-2026-014',
      'malmö hq',
      'site-4411',
    ])
      expect(matchesQuery(terms, query), query).toBe(true);
    for (const query of ['ppe-2026-099', 'SITE-9 ', 'elsewhere'])
      expect(matchesQuery(terms, query), query).toBe(false);
    expect(matchesQuery(terms, '  ')).toBe(true);
  });
});
