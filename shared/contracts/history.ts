/** Change records as the history shows them: which fields changed, before → after. */
import type { Category } from '../model/category';
import type { ChangeRecord, Contract, TrueUp } from '../model/entities';
import { baseline, orderedUnits, triggerAt } from '../terms/baseline';

export interface FieldChange {
  /** Dotted path: "categories.0.agreedGrowth", "settings.baselinePct". */
  path: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Leaf fields that differ between two values (arrays compared by index). */
export function changedFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => changedFields(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Object.is(before, after)) return [];
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, before, after }];
}

/** A change record's field changes; a creation lists nothing (it is all new). */
export function changeFields(change: ChangeRecord): FieldChange[] {
  if (change.action === 'create' || change.before === null) return [];
  return changedFields(change.before, change.after);
}

export interface BaselineEntry {
  category: Category;
  /** The term start, or when a true-up was applied (ISO instant). */
  from: string;
  reason: 'termStart' | 'trueUp';
  ordered: number;
  baseline: string;
  triggerAt: number;
  /** Who renewed into the term or applied the true-up; '' for the first term. */
  by: string;
}

/** Every baseline a contract has had, oldest first: each term's start and each applied true-up. */
export function baselineHistory(contract: Contract, trueUps: readonly TrueUp[]): BaselineEntry[] {
  const pct = contract.settings.baselinePct;
  const entry = (
    category: Category,
    from: string,
    reason: BaselineEntry['reason'],
    ordered: number,
    by: string,
  ) => ({
    category,
    from,
    reason,
    ordered,
    baseline: baseline(ordered, pct),
    triggerAt: triggerAt(ordered, pct),
    by,
  });
  const terms = [
    ...(contract.previousTerms ?? []).map((term, i, all) => ({
      start: term.termStart,
      categories: term.categories,
      by: i === 0 ? '' : (all[i - 1]?.renewedBy ?? ''),
    })),
    {
      start: contract.termStart,
      categories: contract.categories,
      by: contract.previousTerms?.at(-1)?.renewedBy ?? '',
    },
  ];
  const entries: BaselineEntry[] = [];
  for (const term of terms) {
    for (const line of term.categories)
      entries.push(
        entry(
          line.category,
          term.start,
          'termStart',
          orderedUnits(line.installedAtStart, line.agreedGrowth),
          term.by,
        ),
      );
    for (const t of trueUps) {
      const applied = t.events.find((e) => e.state === 'applied');
      if (t.contractId === contract.id && t.termStart === term.start && applied)
        entries.push(entry(t.category, applied.at, 'trueUp', t.count, applied.user));
    }
  }
  return entries;
}
