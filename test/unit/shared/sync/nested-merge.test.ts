/**
 * The merge of lists of records (shared/sync/paths.ts, merge.ts) without PostgreSQL: a contract's
 * categories by category and its past terms by term start, so two people changing different lines,
 * or different fields of one line, are both kept; the same field of the same line is a conflict of
 * that path alone; lines added and removed are paths of their own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractCategory } from '../../../../shared/model/entities';
import { mergeChange, sameJson, type StoredRecord } from '../../../../shared/sync/merge';
import {
  applyPaths,
  changedPaths,
  pathOf,
  relatedVersions,
  segmentsOf,
} from '../../../../shared/sync/paths';
import { unknownField } from '../../../../shared/sync/validate';

const line = (category: string, unitPriceMinor: number, installedAtStart = 10) =>
  ({ category, installedAtStart, agreedGrowth: 0, unitPriceMinor }) as ContractCategory;

/** PE-1006 as the team book holds it: created at version 3, every field then. */
const pe1006 = (over: Partial<StoredRecord> = {}): StoredRecord => ({
  data: {
    id: 'k6',
    number: 'PE-1006',
    categories: [line('video', 470), line('headsets', 120)],
  },
  fieldVersions: { id: 3, number: 3, categories: 3 },
  version: 3,
  deleted: false,
  ...over,
});

const edit = (baseVersion: number, fields: Record<string, unknown>) =>
  ({ entity: 'contracts', op: 'put', baseVersion, fields }) as const;

const categoriesOf = (merged: { data: Record<string, unknown> | null }) =>
  merged.data?.['categories'] as ContractCategory[];

describe('paths', () => {
  it('names a field, a line and a field of a line, escaping / and ~ in a name', () => {
    expect(pathOf('categories', 'video', 'unitPriceMinor')).toBe('categories/video/unitPriceMinor');
    expect(pathOf('lines', 'a/b~c')).toBe('lines/a~1b~0c');
    expect(segmentsOf('lines/a~1b~0c')).toEqual(['lines', 'a/b~c']);
  });

  it('diffs a list of records by line: added, removed (null), and the fields of a line changed', () => {
    const before = { id: 'k6', categories: [line('video', 470), line('headsets', 120)] };
    const next = { id: 'k6', categories: [line('video', 444, 12), line('voice', 90)] };
    expect(changedPaths('contracts', before, next)).toEqual({
      'categories/video/unitPriceMinor': 444,
      'categories/video/installedAtStart': 12,
      'categories/voice': line('voice', 90),
      'categories/headsets': null,
    });
  });

  it('sends a list whole when lines cannot be told apart, only moved, or a field left a line', () => {
    const before = { categories: [line('video', 470), line('headsets', 120)] };
    const twice = { categories: [line('video', 470), line('video', 1)] };
    expect(changedPaths('contracts', before, twice)).toEqual(twice);
    const moved = { categories: [line('headsets', 120), line('video', 470)] };
    expect(changedPaths('contracts', before, moved)).toEqual(moved);
    const { agreedGrowth: _, ...short } = line('video', 470);
    expect(
      changedPaths('contracts', before, { categories: [short, line('headsets', 120)] }),
    ).toEqual({ 'categories/video': short });
    // A field that is no list of records (the registry says which are) goes whole, as before.
    expect(changedPaths('customers', { lensAccounts: ['a'] }, { lensAccounts: ['b'] })).toEqual({
      lensAccounts: ['b'],
    });
    // Without an entity there are no lists: every field whole.
    expect(changedPaths(undefined, before, { categories: [line('video', 1)] })).toEqual({
      categories: [line('video', 1)],
    });
  });

  it('the versions of a path are its own, the fields it is in and its parts', () => {
    const versions = { categories: 3, 'categories/video/unitPriceMinor': 9, 'categories/voice': 7 };
    expect(relatedVersions(versions, 'categories/headsets/unitPriceMinor')).toEqual([3]);
    expect(relatedVersions(versions, 'categories/video')).toEqual([3, 9]);
    expect(relatedVersions(versions, 'categories')).toEqual([3, 9, 7]);
    expect(relatedVersions(versions, 'categoriesX')).toEqual([]);
  });

  it('the paths of a change, applied to what it was made from, give what it made', () => {
    const lines = fc.uniqueArray(
      fc.record({
        category: fc.constantFrom('video', 'headsets', 'voice', 'a/b', 'c~d'),
        installedAtStart: fc.integer({ min: 0, max: 3 }),
        agreedGrowth: fc.integer({ min: 0, max: 3 }),
        unitPriceMinor: fc.integer({ min: 0, max: 3 }),
      }),
      { selector: (l) => l.category, maxLength: 4 },
    );
    fc.assert(
      fc.property(lines, lines, (was, now) => {
        const before = { id: 'k', categories: was };
        const next = { id: 'k', categories: now };
        const applied = applyPaths('contracts', before, changedPaths('contracts', before, next));
        const byName = (rows: unknown) =>
          new Map((rows as ContractCategory[]).map((l) => [l.category, l]));
        expect(byName(applied['categories'])).toEqual(byName(now));
      }),
    );
  });
});

describe('mergeChange of lists of records', () => {
  it('PE-1006: the admin changes headsets, the account manager video, offline; both are kept', () => {
    const am = mergeChange(pe1006(), edit(3, { 'categories/video/unitPriceMinor': 444 }), 4);
    expect(am.conflicts).toEqual([]);
    const stored = { data: am.data!, fieldVersions: am.fieldVersions, version: 4, deleted: false };
    const admin = mergeChange(stored, edit(3, { 'categories/headsets/unitPriceMinor': 99 }), 5);
    expect(admin.conflicts).toEqual([]);
    expect(admin.applied).toEqual(['categories/headsets/unitPriceMinor']);
    expect(categoriesOf(admin)).toEqual([line('video', 444), line('headsets', 99)]);
    expect(admin.fieldVersions).toEqual({
      id: 3,
      number: 3,
      categories: 3,
      'categories/video/unitPriceMinor': 4,
      'categories/headsets/unitPriceMinor': 5,
    });
  });

  it('different fields of one line are both kept', () => {
    const first = mergeChange(pe1006(), edit(3, { 'categories/video/unitPriceMinor': 444 }), 4);
    const stored = {
      data: first.data!,
      fieldVersions: first.fieldVersions,
      version: 4,
      deleted: false,
    };
    const second = mergeChange(stored, edit(3, { 'categories/video/installedAtStart': 95 }), 5);
    expect(second.conflicts).toEqual([]);
    expect(categoriesOf(second)[0]).toEqual(line('video', 444, 95));
  });

  it('the same field of the same line is a conflict of that path alone; the rest applies', () => {
    const first = mergeChange(pe1006(), edit(3, { 'categories/video/unitPriceMinor': 444 }), 4);
    const stored = {
      data: first.data!,
      fieldVersions: first.fieldVersions,
      version: 4,
      deleted: false,
    };
    const second = mergeChange(
      stored,
      edit(3, { 'categories/video/unitPriceMinor': 480, 'categories/headsets/unitPriceMinor': 99 }),
      5,
    );
    expect(second.conflicts).toEqual([
      { field: 'categories/video/unitPriceMinor', theirs: 444, yours: 480 },
    ]);
    expect(second.applied).toEqual(['categories/headsets/unitPriceMinor']);
    expect(categoriesOf(second)).toEqual([line('video', 444), line('headsets', 99)]);
    // "Use mine" sends the conflicting path alone, based on what it now knows: the headsets stay.
    const after = {
      data: second.data!,
      fieldVersions: second.fieldVersions,
      version: 5,
      deleted: false,
    };
    const mine = mergeChange(after, edit(5, { 'categories/video/unitPriceMinor': 480 }), 6);
    expect(mine.conflicts).toEqual([]);
    expect(categoriesOf(mine)).toEqual([line('video', 480), line('headsets', 99)]);
  });

  it('lines added by two people are both kept; the same line added twice, differently, waits', () => {
    const a = mergeChange(pe1006(), edit(3, { 'categories/voice': line('voice', 90) }), 4);
    const stored = { data: a.data!, fieldVersions: a.fieldVersions, version: 4, deleted: false };
    expect(a.fieldVersions['categories/voice']).toBe(4);
    const b = mergeChange(stored, edit(3, { 'categories/other': line('other', 5) }), 5);
    expect(b.conflicts).toEqual([]);
    expect(categoriesOf(b).map((l) => l.category)).toEqual(['video', 'headsets', 'voice', 'other']);
    const same = mergeChange(stored, edit(3, { 'categories/voice': line('voice', 91) }), 5);
    expect(same.conflicts).toEqual([
      { field: 'categories/voice', theirs: line('voice', 90), yours: line('voice', 91) },
    ]);
    // The same line added the same way is no conflict.
    expect(
      mergeChange(stored, edit(3, { 'categories/voice': line('voice', 90) }), 5),
    ).toMatchObject({ applied: [], conflicts: [] });
  });

  it('a line removed against a field of it changed is a conflict either way round', () => {
    const removed = mergeChange(pe1006(), edit(3, { 'categories/headsets': null }), 4);
    expect(categoriesOf(removed)).toEqual([line('video', 470)]);
    const gone = {
      data: removed.data!,
      fieldVersions: removed.fieldVersions,
      version: 4,
      deleted: false,
    };
    const late = mergeChange(gone, edit(3, { 'categories/headsets/unitPriceMinor': 99 }), 5);
    expect(late.conflicts).toEqual([
      { field: 'categories/headsets/unitPriceMinor', theirs: undefined, yours: 99 },
    ]);
    expect(late.applied).toEqual([]);
    // Removed by both: the same, no conflict.
    expect(mergeChange(gone, edit(3, { 'categories/headsets': null }), 5)).toMatchObject({
      applied: [],
      conflicts: [],
    });
    const changed = mergeChange(pe1006(), edit(3, { 'categories/headsets/unitPriceMinor': 99 }), 4);
    const kept = {
      data: changed.data!,
      fieldVersions: changed.fieldVersions,
      version: 4,
      deleted: false,
    };
    const remove = mergeChange(kept, edit(3, { 'categories/headsets': null }), 5);
    expect(remove.conflicts).toEqual([
      { field: 'categories/headsets', theirs: line('headsets', 99), yours: null },
    ]);
    // Removing a line nobody touched since the base is no conflict.
    expect(mergeChange(kept, edit(3, { 'categories/video': null }), 5).conflicts).toEqual([]);
  });

  it('a whole list sent (an edit queued before paths) conflicts with any line changed since', () => {
    const first = mergeChange(pe1006(), edit(3, { 'categories/video/unitPriceMinor': 444 }), 4);
    const stored = {
      data: first.data!,
      fieldVersions: first.fieldVersions,
      version: 4,
      deleted: false,
    };
    const whole = [line('video', 470), line('headsets', 99)];
    const old = mergeChange(stored, edit(3, { categories: whole }), 5);
    expect(old.conflicts).toEqual([
      { field: 'categories', theirs: [line('video', 444), line('headsets', 120)], yours: whole },
    ]);
    // Based on the version that set the video price, the whole list applies, versioned by line.
    const known = mergeChange(stored, edit(4, { categories: whole }), 5);
    expect(known.conflicts).toEqual([]);
    expect(known.fieldVersions).toMatchObject({
      'categories/video/unitPriceMinor': 5,
      'categories/headsets/unitPriceMinor': 5,
    });
  });

  it('a record versioned by whole fields (before paths): a line edit based on an older version waits', () => {
    const legacy = pe1006({ fieldVersions: { id: 3, number: 3, categories: 8 }, version: 8 });
    const stale = mergeChange(legacy, edit(5, { 'categories/video/unitPriceMinor': 444 }), 9);
    expect(stale.conflicts.map((c) => c.field)).toEqual(['categories/video/unitPriceMinor']);
    const fresh = mergeChange(legacy, edit(8, { 'categories/video/unitPriceMinor': 444 }), 9);
    expect(fresh.applied).toEqual(['categories/video/unitPriceMinor']);
  });

  it('own edits are known, what others wrote before them is not', () => {
    // The manager set headsets at 4; this workstation (base 3) set video at 5.
    const stored = pe1006({
      data: { ...pe1006().data, categories: [line('video', 500), line('headsets', 130)] },
      fieldVersions: {
        id: 3,
        number: 3,
        categories: 3,
        'categories/headsets/unitPriceMinor': 4,
        'categories/video/unitPriceMinor': 5,
      },
      version: 5,
    });
    const own = new Set([5]);
    const again = mergeChange(stored, edit(3, { 'categories/video/unitPriceMinor': 510 }), 6, own);
    expect(again.conflicts).toEqual([]);
    const theirs = mergeChange(
      stored,
      edit(3, { 'categories/headsets/unitPriceMinor': 150 }),
      6,
      own,
    );
    expect(theirs.conflicts).toEqual([
      { field: 'categories/headsets/unitPriceMinor', theirs: 130, yours: 150 },
    ]);
    // A delete: the manager's edit, older than this workstation's own, still stands in its way.
    expect(mergeChange(stored, { op: 'delete', baseVersion: 3, fields: {} }, 6, own)).toMatchObject(
      { isDeleteConflict: true },
    );
    const mine = pe1006({ fieldVersions: { id: 5, number: 5, categories: 5 }, version: 5 });
    expect(mergeChange(mine, { op: 'delete', baseVersion: 0, fields: {} }, 6, own)).toMatchObject({
      data: null,
      isDeleteConflict: false,
    });
  });

  it('past terms merge by term start', () => {
    const term = (termStart: string, renewedBy: string) => ({
      termStart,
      termMonths: 12,
      adjustmentMonth: null,
      categories: [line('video', 400)],
      renewedAt: '2026-01-01T00:00:00.000Z',
      renewedBy,
    });
    const record = pe1006({
      data: {
        ...pe1006().data,
        previousTerms: [term('2024-01-01', 'Eva'), term('2025-01-01', 'Eva')],
      },
      fieldVersions: { id: 3, number: 3, categories: 3, previousTerms: 3 },
    });
    const a = mergeChange(record, edit(3, { 'previousTerms/2024-01-01/renewedBy': 'Jonas' }), 4);
    const stored = { data: a.data!, fieldVersions: a.fieldVersions, version: 4, deleted: false };
    const b = mergeChange(stored, edit(3, { 'previousTerms/2025-01-01/termMonths': 24 }), 5);
    expect(b.conflicts).toEqual([]);
    expect(b.data?.['previousTerms']).toEqual([
      term('2024-01-01', 'Jonas'),
      { ...term('2025-01-01', 'Eva'), termMonths: 24 },
    ]);
    // A contract without past terms gets its first one as a line.
    const first = mergeChange(
      pe1006(),
      edit(3, { 'previousTerms/2025-01-01': term('2025-01-01', 'Eva') }),
      4,
    );
    expect(first.data?.['previousTerms']).toEqual([term('2025-01-01', 'Eva')]);
  });

  it('two edits from one base on different paths: both kept, nothing lost, whichever comes first', () => {
    const names = ['video', 'headsets', 'voice'];
    const value = fc.integer({ min: 0, max: 3 });
    const pathEdit: fc.Arbitrary<[string, unknown]> = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(...names),
          fc.constantFrom('unitPriceMinor', 'installedAtStart'),
          value,
        )
        .map(([n, f, v]): [string, unknown] => [pathOf('categories', n, f), v]),
      fc.constantFrom(...names).map((n): [string, unknown] => [pathOf('categories', n), null]),
      fc
        .tuple(fc.constantFrom(...names), value)
        .map(([n, v]): [string, unknown] => [pathOf('categories', n), line(n, v)]),
    );
    const edits = fc.uniqueArray(pathEdit, { selector: ([p]) => p, maxLength: 3 });
    fc.assert(
      fc.property(edits, edits, (mine, theirs) => {
        const touches = (a: string, b: string) =>
          a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
        const disjoint = mine.every(([p]) => theirs.every(([q]) => !touches(p, q)));
        fc.pre(disjoint);
        const base = pe1006();
        const first = mergeChange(base, edit(3, Object.fromEntries(theirs)), 4);
        const stored = {
          data: first.data!,
          fieldVersions: first.fieldVersions,
          version: 4,
          deleted: false,
        };
        const second = mergeChange(stored, edit(3, Object.fromEntries(mine)), 5);
        // A field of a line the other removed has no line to go in: that, alone, may wait.
        for (const c of [...first.conflicts, ...second.conflicts])
          expect(segmentsOf(c.field).length === 3 && c.theirs === undefined, c.field).toBe(true);
        const expected = applyPaths(
          'contracts',
          applyPaths('contracts', base.data, Object.fromEntries(theirs)),
          Object.fromEntries(mine),
        );
        const byName = (rows: unknown) =>
          new Map((rows as ContractCategory[]).map((l) => [l.category, l]));
        expect(byName(second.data?.['categories'])).toEqual(byName(expected['categories']));
        expect(sameJson(second.data?.['number'], 'PE-1006')).toBe(true);
      }),
    );
  });
});

describe('unknownField of paths', () => {
  it('takes a line under its name and a field a line has; refuses the rest', () => {
    expect(unknownField('contracts', { 'categories/video/unitPriceMinor': 444 })).toBeNull();
    expect(unknownField('contracts', { 'categories/voice': line('voice', 1) })).toBeNull();
    expect(unknownField('contracts', { 'categories/voice': null })).toBeNull();
    expect(unknownField('contracts', { 'previousTerms/2025-01-01/termMonths': 12 })).toBeNull();
    expect(unknownField('contracts', { 'categories/video/note': 'x' })).toBe(
      'categories/video/note',
    );
    expect(unknownField('contracts', { 'categories/video/category': 'voice' })).toBe(
      'categories/video/category',
    );
    expect(unknownField('contracts', { 'categories/voice': line('video', 1) })).toMatch(
      /^categories\/voice \(its category is not voice\)/,
    );
    expect(
      unknownField('contracts', { 'categories/voice': { ...line('voice', 1), note: 'x' } }),
    ).toBe('categories/voice.note');
    expect(unknownField('contracts', { 'number/x': 'PE' })).toBe('number/x');
    expect(unknownField('contracts', { 'categories/video/unitPriceMinor/x': 1 })).toBe(
      'categories/video/unitPriceMinor/x',
    );
    expect(unknownField('customers', { 'lensAccounts/a': 'x' })).toBe('lensAccounts/a');
    // A name every object inherits is no field.
    const inherited = JSON.parse('{"__proto__": 1, "categories/video/constructor": 1}') as object;
    expect(unknownField('contracts', { ...inherited })).toBe('__proto__');
    expect(unknownField('contracts', { 'categories/video/constructor': 1 })).toBe(
      'categories/video/constructor',
    );
  });
});
