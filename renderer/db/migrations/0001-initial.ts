/**
 * Migration 1: the initial schema. Devices live in chunk records keyed by customer and chunk number
 * (DESIGN.md); small tables are ordinary indexed rows. Index only what screens query with where().
 */
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  stores: {
    customers: 'id, name',
    sites: 'id, customerId',
    contracts: 'id, customerId, &number',
    inventoryChunks: '[customerId+chunk], customerId',
    snapshots: 'id, customerId, [customerId+asOf], month',
    imports: 'id, customerId, contentHash',
    trueUps: 'id, contractId',
    rmas: 'id, customerId, approvedOn',
    timeEntries: 'id, customerId, date, [customerId+date]',
    cases: 'id, customerId',
    ecpsIncidents: 'id, customerId',
    reports: 'id, [customerId+month]',
    catalogOverrides: 'id, pattern',
    settings: 'key',
    changes: '++id, at, [entity+entityId]',
    meta: 'key',
  },
};
