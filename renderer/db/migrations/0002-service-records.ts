/**
 * Migration 2: service records in their full shape. Cases carry their escalations (who was engaged,
 * when) instead of a bare level; ECPS incidents carry title, updates, joint calls, linked rooms and
 * devices, and the override record. Cases get an index on openedAt for the month's summary.
 */
import type { Transaction } from 'dexie';
import {
  CLOUD_PARTNERS,
  type CloudPartner,
  type EcpsIncident,
  type SupportCase,
} from '../../../shared/model/entities';
import type { Migration } from './types';

type CaseV1 = Omit<SupportCase, 'escalations'> & {
  escalationLevel?: number;
  escalations?: SupportCase['escalations'];
};
type IncidentV1 = Pick<EcpsIncident, 'id' | 'customerId' | 'trackingNumber' | 'openedAt'> & {
  cloudPartner: string;
  status: string;
} & Partial<EcpsIncident>;

/** A v1 case: its level becomes that many escalations, engaged unknown, at the time it was opened. */
export function caseFromV1(row: CaseV1): SupportCase {
  const { escalationLevel = 0, escalations, ...rest } = row;
  return {
    ...rest,
    escalations:
      escalations ??
      Array.from({ length: escalationLevel }, (_, i) => ({
        level: i + 1,
        engaged: '',
        at: row.openedAt,
      })),
  };
}

const partnerOf = (name: string): CloudPartner => {
  const key = name.trim().toLowerCase();
  if (key.includes('teams') || key.includes('microsoft')) return 'teams';
  if (key.includes('google') || key.includes('meet')) return 'meet';
  return CLOUD_PARTNERS.find((p) => key.includes(p)) ?? 'other';
};

export function incidentFromV1(row: IncidentV1): EcpsIncident {
  const isResolved = /resolved|closed|löst|stängd/i.test(row.status);
  return {
    id: row.id,
    customerId: row.customerId,
    cloudPartner: partnerOf(row.cloudPartner),
    trackingNumber: row.trackingNumber,
    title: row.title ?? '',
    status: isResolved ? 'resolved' : 'open',
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt ?? null,
    updates:
      row.updates ??
      (row.status && !isResolved ? [{ at: row.openedAt, text: row.status, user: '' }] : []),
    jointCalls: row.jointCalls ?? [],
    rooms: row.rooms ?? [],
    devices: row.devices ?? [],
    override: row.override ?? null,
  };
}

export const migration0002: Migration = {
  version: 2,
  name: 'service-records',
  stores: {
    cases: 'id, customerId, openedAt',
  },
  rows: { cases: caseFromV1, ecpsIncidents: incidentFromV1 },
  upgrade: async (tx: Transaction) => {
    await tx
      .table('cases')
      .toCollection()
      .modify((row: CaseV1, ref: { value: SupportCase }) => {
        ref.value = caseFromV1(row);
      });
    await tx
      .table('ecpsIncidents')
      .toCollection()
      .modify((row: IncidentV1, ref: { value: EcpsIncident }) => {
        ref.value = incidentFromV1(row);
      });
  },
};
