/**
 * The book as it stood at the end of a day (TERMS.md §10): contracts as their change history had them
 * then, in the term that covered that day; true-ups in the state their history had reached; service
 * records dated on or before it, with what happened later (a resolution, a shipment, an escalation)
 * not yet there. A month's report built from these gives the same figures whatever is recorded later.
 */
import type {
  ChangeRecord,
  Contract,
  EcpsIncident,
  Rma,
  SupportCase,
  TimeEntry,
  TrueUp,
} from '../model/entities';
import { compareDates, localDateOf, type CalendarDate } from '../terms/dates';
import { termEnd } from '../terms/term';

const onOrBefore = (instant: string, day: CalendarDate) =>
  compareDates(localDateOf(instant), day) <= 0;

/**
 * A contract as it stood at the end of `day`: the state its last change on or before that day left
 * (or, entered later, the state it was first entered in), in the term that covered `day`.
 */
export function contractAsOf(
  current: Contract,
  changes: readonly ChangeRecord[],
  day: CalendarDate,
): Contract {
  const own = changes
    .filter((c) => c.entity === 'contract' && c.entityId === current.id)
    .sort((a, b) => a.at.localeCompare(b.at) || (a.id ?? 0) - (b.id ?? 0));
  const last = own.filter((c) => onOrBefore(c.at, day)).at(-1);
  const first = own[0];
  const state =
    (last?.after as Contract | undefined) ??
    (first?.action === 'create' ? (first.after as Contract) : (first?.before as Contract)) ??
    current;
  return termCovering({ ...state, id: current.id }, day);
}

/**
 * The customer's contract as it stood at the end of `day`, in the term that covered it: the one not
 * archived then whose term had begun; none when no contract had.
 */
export function contractInForce(
  contracts: readonly Contract[],
  changes: readonly ChangeRecord[],
  day: CalendarDate,
): Contract | undefined {
  return contracts
    .map((c) => contractAsOf(c, changes, day))
    .filter((c) => !c.isArchived && compareDates(c.termStart, day) <= 0)
    .sort((a, b) => b.termStart.localeCompare(a.termStart))[0];
}

/**
 * The staleDays rule in force at the end of `day` (TERMS.md §10, §12): that of the customer's contract
 * in force then; null (every device counts) when it set none or no contract was in force.
 */
export function staleRuleAt(
  contracts: readonly Contract[],
  changes: readonly ChangeRecord[],
  day: CalendarDate,
): number | null {
  return contractInForce(contracts, changes, day)?.staleDays ?? null;
}

/** The contract in the term that covered `day`: an earlier term where a renewal came after it. */
export function termCovering(contract: Contract, day: CalendarDate): Contract {
  if (compareDates(contract.termStart, day) <= 0) return contract;
  const term = (contract.previousTerms ?? []).find(
    (t) =>
      compareDates(t.termStart, day) <= 0 &&
      compareDates(termEnd(t.termStart, t.termMonths), day) >= 0,
  );
  if (!term) return contract;
  return {
    ...contract,
    termStart: term.termStart,
    adjustmentMonth: term.adjustmentMonth,
    categories: term.categories,
    settings: { ...contract.settings, termMonths: term.termMonths },
  };
}

/** A true-up in the state its history had reached at the end of `day`; null if it did not exist yet. */
export function trueUpAsOf(trueUp: TrueUp, day: CalendarDate): TrueUp | null {
  const events = trueUp.events.filter((e) => onOrBefore(e.at, day));
  const last = events.at(-1);
  if (!last) return null;
  return last.state === trueUp.state && events.length === trueUp.events.length
    ? trueUp
    : {
        ...trueUp,
        state: last.state,
        events,
        poNumber: events.some((e) => e.state === 'ordered') ? trueUp.poNumber : '',
      };
}

export function trueUpsAsOf(trueUps: readonly TrueUp[], day: CalendarDate): TrueUp[] {
  return trueUps.flatMap((t) => trueUpAsOf(t, day) ?? []);
}

const dateOnOrBefore = (date: string | null, day: CalendarDate) =>
  date !== null && compareDates(date.slice(0, 10), day) <= 0;

/** Service records as the end of `day` knew them: later records left out, later events not yet there. */
export interface ServiceRecords {
  rmas: readonly Rma[];
  timeEntries: readonly TimeEntry[];
  cases: readonly SupportCase[];
  incidents: readonly EcpsIncident[];
}

export function serviceRecordsAsOf(records: ServiceRecords, day: CalendarDate): ServiceRecords {
  const until = (date: string | null) => (dateOnOrBefore(date, day) ? date : null);
  const instantUntil = (at: string | null) => (at !== null && onOrBefore(at, day) ? at : null);
  return {
    rmas: records.rmas
      .filter((r) => dateOnOrBefore(r.requestedOn, day))
      .map((r) => ({
        ...r,
        approvedOn: until(r.approvedOn),
        shippedOn: until(r.shippedOn),
        returnedOn: until(r.returnedOn),
      })),
    timeEntries: records.timeEntries.filter((e) => dateOnOrBefore(e.date, day)),
    cases: records.cases
      .filter((c) => onOrBefore(c.openedAt, day))
      .map((c) => {
        const resolvedAt = instantUntil(c.resolvedAt);
        return {
          ...c,
          resolvedAt,
          status: resolvedAt === null && c.status === 'resolved' ? 'open' : c.status,
          escalations: c.escalations.filter((e) => onOrBefore(e.at, day)),
        };
      }),
    incidents: records.incidents
      .filter((i) => onOrBefore(i.openedAt, day))
      .map((i) => {
        const resolvedAt = instantUntil(i.resolvedAt);
        return {
          ...i,
          resolvedAt,
          status: resolvedAt === null ? 'open' : i.status,
          updates: i.updates.filter((u) => onOrBefore(u.at, day)),
          jointCalls: i.jointCalls.filter((c) => onOrBefore(c.at, day)),
        };
      }),
  };
}
