/**
 * Who may change a record whose state matters, judged as a step from what the team book stores
 * (issue 26): a true-up moves due → quoted → ordered → applied (TERMS.md §4) with each step made by
 * its role, an applied one is never deleted or moved back (an admin's correction is recorded in its
 * history); a contract's past terms are only added to; an archived report is only replaced by a later
 * export. A delete is checked like an edit. The same code on both sides: the app offers only the
 * steps its role may take and refuses the rest before queueing them, the sync service refuses them
 * inside the push's transaction against the stored row.
 */
import type { TrueUpState } from '../model/entities';
import type { Role, SyncEntity } from '../model/synced-entities';
import { sameJson } from './json';

type Data = Record<string, unknown>;

/** A change as a step: the record stored and what the change would store. */
export interface Transition {
  role: Role;
  /** The record as stored; null when the book has none (never had it, or it was deleted). */
  before: Data | null;
  /** What the change stores; null for a delete. */
  after: Data | null;
  /** The book has a deleted record this one would take the place of (the same id, or for a true-up
   * the same contract, term and category). */
  replacesDeleted?: boolean;
}

/** The steps of a true-up, with who may take each (an admin may take any): TERMS.md §4. */
const TRUE_UP_STEPS: readonly { from: TrueUpState | null; to: TrueUpState; by: Role }[] = [
  { from: null, to: 'due', by: 'csm' },
  { from: null, to: 'quoted', by: 'csm' },
  { from: 'due', to: 'due', by: 'csm' },
  { from: 'due', to: 'quoted', by: 'csm' },
  { from: 'quoted', to: 'quoted', by: 'csm' },
  { from: 'quoted', to: 'ordered', by: 'csm' },
  { from: 'ordered', to: 'ordered', by: 'csm' },
  { from: 'ordered', to: 'applied', by: 'account-manager' },
  // Ordered and applied at once, the PO number given with it.
  { from: 'quoted', to: 'applied', by: 'account-manager' },
];

const ORDER: readonly TrueUpState[] = ['due', 'quoted', 'ordered', 'applied'];
/** What makes a true-up the one of its term and category: never changed once made. */
const TRUE_UP_IDENTITY = ['contractId', 'termStart', 'category'] as const;
/** What an account manager's step may change: the state, the PO number and the history. */
const APPLYING_FIELDS = new Set(['state', 'poNumber', 'events']);

/**
 * Whether `role` may move a true-up from `from` (null: it does not exist yet) to `to`. An admin may
 * take any step forward, and move one not yet applied back; nobody moves an applied one.
 */
export function mayTrueUpStep(role: Role, from: TrueUpState | null, to: TrueUpState): boolean {
  if (from === 'applied') return to === 'applied' && role === 'admin';
  if (role === 'admin') return true;
  return TRUE_UP_STEPS.some((s) => s.from === from && s.to === to && s.by === role);
}

const stateOf = (data: Data): TrueUpState => data['state'] as TrueUpState;
const eventsOf = (data: Data): unknown[] =>
  Array.isArray(data['events']) ? (data['events'] as unknown[]) : [];

/** Why a true-up's history was rewritten rather than added to; null when it was only added to. */
function historyRefusal(before: Data, after: Data): string | null {
  const [was, now] = [eventsOf(before), eventsOf(after)];
  const kept = was.length <= now.length && was.every((e, i) => sameJson(e, now[i]));
  return kept ? null : 'a true-up’s history is only added to, never rewritten';
}

function trueUpCreation({ role, after, replacesDeleted }: Transition & { after: Data }) {
  if (!mayTrueUpStep(role, null, stateOf(after)))
    return `the role ${role} may not start a true-up as ${String(after['state'])}`;
  if (replacesDeleted && role !== 'admin')
    return `a true-up of ${String(after['category'])} for the term from ${String(after['termStart'])} was deleted; only an admin makes it again`;
  return null;
}

function trueUpEdit(role: Role, before: Data, after: Data): string | null {
  const moved = TRUE_UP_IDENTITY.find((f) => !sameJson(before[f], after[f]));
  if (moved) return `a true-up’s ${moved} never changes`;
  const history = historyRefusal(before, after);
  if (history) return history;
  const [from, to] = [stateOf(before), stateOf(after)];
  if (from === 'applied' && to !== 'applied')
    return `an applied true-up is never moved back to ${String(to)}`;
  if (from === 'applied' && role === 'admin' && eventsOf(after).length === eventsOf(before).length)
    return 'an admin’s correction of an applied true-up is recorded in its history';
  if (!mayTrueUpStep(role, from, to))
    return from === to
      ? `the role ${role} may not change a true-up that is ${from}`
      : `the role ${role} may not move a true-up from ${from} to ${String(to)}`;
  if (role === 'account-manager') {
    const other = Object.keys({ ...before, ...after }).find(
      (f) => !APPLYING_FIELDS.has(f) && !sameJson(before[f], after[f]),
    );
    if (other)
      return `an account manager changes only a true-up’s state, PO number and history, not ${other}`;
  }
  if (
    ORDER.indexOf(to) >= ORDER.indexOf('ordered') &&
    !(typeof after['poNumber'] === 'string' && after['poNumber'].trim())
  )
    return `a true-up is ${to} only with the PO number of its order`;
  return null;
}

function trueUpRefusal(t: Transition): string | null {
  const { role, before, after } = t;
  if (!after) {
    if (!before) return null;
    if (stateOf(before) === 'applied')
      return 'an applied true-up is never deleted (an admin corrects it instead)';
    return role === 'admin' ? null : `the role ${role} may not delete a true-up`;
  }
  return before ? trueUpEdit(role, before, after) : trueUpCreation({ ...t, after });
}

const pastTermsOf = (data: Data | null): unknown[] =>
  Array.isArray(data?.['previousTerms']) ? (data['previousTerms'] as unknown[]) : [];

/** A contract's past terms stand as the renewals closed them: only a renewal adds one. */
function contractRefusal({ role, before, after }: Transition): string | null {
  if (role === 'admin' || !before) return null;
  const was = pastTermsOf(before);
  if (!after)
    return was.length > 0 ? 'a contract with past terms is deleted only by an admin' : null;
  const now = pastTermsOf(after);
  const kept = was.length <= now.length && was.every((term, i) => sameJson(term, now[i]));
  return kept ? null : 'a contract’s past terms are never changed; a renewal adds one';
}

/** An archived report stands as it was sent: a later export replaces it, nothing else. */
function reportRefusal({ role, before, after }: Transition): string | null {
  if (role === 'admin' || !before) return null;
  if (!after) return 'an archived report is deleted only by an admin';
  if (before['customerId'] !== after['customerId'] || before['month'] !== after['month'])
    return 'an archived report stays its customer’s and month’s';
  const isLater = String(after['exportedAt']) > String(before['exportedAt']);
  return isLater ? null : 'an archived report is replaced only by a later export';
}

const RULES: Partial<Record<SyncEntity, (t: Transition) => string | null>> = {
  trueUps: trueUpRefusal,
  contracts: contractRefusal,
  reports: reportRefusal,
};

/** Why `t.role` may not make this change of a record of `entity`; null when it may. */
export function transitionRefusal(entity: SyncEntity, t: Transition): string | null {
  return RULES[entity]?.(t) ?? null;
}
