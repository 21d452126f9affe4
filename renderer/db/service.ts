/**
 * Service records (RMAs, CSM time, support cases, ECPS incidents): each write checks the rules in
 * shared/service and records its change in the same transaction; edits and deletes are in the change log.
 */
import type { InsertType, Table } from 'dexie';
import type { EcpsIncident, Rma, SupportCase, TimeEntry } from '../../shared/model/entities';
import { normaliseSerial } from '../../shared/inventory/identity';
import { caseIssues } from '../../shared/service/cases';
import { localToday } from '../../shared/terms/dates';
import { ecpsWarnings } from '../../shared/service/ecps';
import { ServiceIssuesError, type ServiceIssue } from '../../shared/service/issues';
import { rmaDeadlines, rmaIssues } from '../../shared/service/rma';
import { timeEntryIssues } from '../../shared/service/time';
import { DEFAULT_CONTRACT_SETTINGS } from '../../shared/terms/settings';
import { creation, recordedWrite } from './changes';
import { readInventory } from './inventory';
import type { WorkstationDatabase } from './database';

async function putChecked<T extends { id: string }>(
  db: WorkstationDatabase,
  user: string,
  table: Table<T, string, InsertType<T, 'id'>>,
  entity: string,
  value: T,
  issues: ServiceIssue[],
): Promise<T> {
  if (issues.length > 0) throw new ServiceIssuesError(issues);
  return recordedWrite(db, user, [table], async (record) => {
    const before = await table.get(value.id);
    await table.put(value);
    record(
      before
        ? { entity, entityId: value.id, action: 'update', before, after: value }
        : creation(entity, value),
    );
    return value;
  });
}

/** Deletes a service record; the change log keeps what it was. Answers it, for an undo. */
export async function deleteServiceRecord(
  db: WorkstationDatabase,
  user: string,
  kind: ServiceKind,
  id: string,
): Promise<{ id: string } | null> {
  const table = serviceTable(db, kind);
  return recordedWrite(db, user, [table], async (record) => {
    const before = await table.get(id);
    if (!before) return null;
    await table.delete(id);
    record({ entity: kind, entityId: id, action: 'delete', before, after: null });
    return before;
  });
}

const SERVICE_KINDS = ['rma', 'timeEntry', 'case', 'ecpsIncident'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

const serviceTable = (db: WorkstationDatabase, kind: ServiceKind) =>
  ({
    rma: db.rmas,
    timeEntry: db.timeEntries,
    case: db.cases,
    ecpsIncident: db.ecpsIncidents,
  })[kind] as Table<{ id: string }, string>;

const isServiceKind = (entity: string): entity is ServiceKind =>
  (SERVICE_KINDS as readonly string[]).includes(entity);

/**
 * Puts back a deleted service record as the change log kept it (undo, or later from the list of
 * deleted records). False when a record with its ID exists again: nothing is overwritten.
 */
export async function restoreServiceRecord(
  db: WorkstationDatabase,
  user: string,
  kind: ServiceKind,
  value: { id: string },
): Promise<boolean> {
  const table = serviceTable(db, kind);
  return recordedWrite(db, user, [table], async (record) => {
    if (await table.get(value.id)) return false;
    await table.add(value);
    record({ entity: kind, entityId: value.id, action: 'restore', before: null, after: value });
    return true;
  });
}

export interface DeletedRecord {
  kind: ServiceKind;
  value: { id: string; customerId?: string };
  at: string;
  user: string;
}

/** Service records deleted and not put back, newest first, from the change log. */
export async function deletedServiceRecords(db: WorkstationDatabase): Promise<DeletedRecord[]> {
  const deletes = await db.changes
    .orderBy('at')
    .reverse()
    .filter((c) => c.action === 'delete' && isServiceKind(c.entity))
    .limit(200)
    .toArray();
  const gone: DeletedRecord[] = [];
  for (const change of deletes) {
    if (!isServiceKind(change.entity)) continue;
    const kind = change.entity;
    const value = change.before as { id: string; customerId?: string } | null;
    if (!value || (await serviceTable(db, kind).get(value.id))) continue;
    if (gone.some((g) => g.kind === kind && g.value.id === value.id)) continue;
    gone.push({ kind, value, at: change.at, user: change.user });
  }
  return gone;
}

/** Saves an RMA with its ship-by and return-by dates from the customer's calendar and contract. */
export async function saveRma(db: WorkstationDatabase, user: string, rma: Rma): Promise<Rma> {
  const customer = await db.customers.get(rma.customerId);
  if (!customer) throw new Error(`customer ${rma.customerId} does not exist`);
  const contract = (await db.contracts.where('customerId').equals(rma.customerId).toArray()).find(
    (c) => !c.isArchived,
  );
  const issues = rmaIssues(rma, localToday());
  const dated =
    issues.length > 0
      ? rma
      : {
          ...rma,
          // Stored as TERMS.md §2 identifies it, so it matches the inventory's device.
          serial: normaliseSerial(rma.serial),
          ...rmaDeadlines(
            rma,
            customer.country,
            contract?.settings.returnBusinessDays ?? DEFAULT_CONTRACT_SETTINGS.returnBusinessDays,
          ),
        };
  return putChecked(db, user, db.rmas, 'rma', dated, issues);
}

export function saveTimeEntry(
  db: WorkstationDatabase,
  user: string,
  entry: TimeEntry,
): Promise<TimeEntry> {
  return putChecked(db, user, db.timeEntries, 'timeEntry', entry, timeEntryIssues(entry));
}

export async function saveCase(
  db: WorkstationDatabase,
  user: string,
  supportCase: SupportCase,
): Promise<SupportCase> {
  const sorted = {
    ...supportCase,
    escalations: [...supportCase.escalations].sort((a, b) => a.at.localeCompare(b.at)),
  };
  const devices = await readInventory(db, supportCase.customerId);
  const serials = new Set(devices.map((d) => normaliseSerial(d.serial)).filter(Boolean));
  return putChecked(db, user, db.cases, 'case', sorted, caseIssues(sorted, serials));
}

/**
 * Saves an incident. A new incident opened without a valid authorisation or agreement needs an override
 * with its reason; the override keeps which warnings it overrode, who and when.
 */
export async function saveIncident(
  db: WorkstationDatabase,
  user: string,
  incident: EcpsIncident,
): Promise<EcpsIncident> {
  const issues: ServiceIssue[] = [];
  if (!incident.trackingNumber.trim())
    issues.push({ code: 'required', field: 'trackingNumber', value: '' });
  if (Number.isNaN(Date.parse(incident.openedAt)))
    issues.push({ code: 'invalidDateTime', field: 'openedAt', value: incident.openedAt });
  const existing = await db.ecpsIncidents.get(incident.id);
  if (!existing) {
    const customer = await db.customers.get(incident.customerId);
    const warnings = customer
      ? ecpsWarnings(customer, incident.cloudPartner, incident.openedAt.slice(0, 10))
      : [];
    if (warnings.length > 0 && !incident.override?.reason.trim())
      issues.push({ code: 'required', field: 'override', value: '' });
  }
  return putChecked(db, user, db.ecpsIncidents, 'ecpsIncident', incident, issues);
}
