/**
 * The per-field merge of team sync (shared/sync/merge.ts) on its own, without PostgreSQL: what a
 * change sets, what waits as a conflict, deletes against edits, and that nothing is lost or invented.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeChange, sameJson, type StoredRecord } from '../../../../shared/sync/merge';

const stored = (over: Partial<StoredRecord> = {}): StoredRecord => ({
  data: { id: 'c1', name: 'Nordbank', csm: 'Karin', country: 'SE' },
  fieldVersions: { id: 3, name: 3, csm: 7, country: 3 },
  version: 7,
  deleted: false,
  ...over,
});

const put = (baseVersion: number, fields: Record<string, unknown>) =>
  ({ op: 'put', baseVersion, fields }) as const;

describe('sameJson', () => {
  it('compares JSON values by structure, key order aside', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});

describe('mergeChange', () => {
  it('takes a new record whole, every field at the new version', () => {
    const merged = mergeChange(null, put(0, { id: 'c9', name: 'Ny' }), 12);
    expect(merged).toEqual({
      data: { id: 'c9', name: 'Ny' },
      fieldVersions: { id: 12, name: 12 },
      applied: ['id', 'name'],
      conflicts: [],
      isDeleteConflict: false,
    });
  });

  it('applies a field nobody changed since the base, and leaves the others as they were', () => {
    const before = stored();
    const merged = mergeChange(before, put(7, { name: 'Nordbank AB' }), 8);
    expect(merged.data).toEqual({ id: 'c1', name: 'Nordbank AB', csm: 'Karin', country: 'SE' });
    expect(merged.fieldVersions).toEqual({ id: 3, name: 8, csm: 7, country: 3 });
    expect(merged.applied).toEqual(['name']);
    expect(merged.conflicts).toEqual([]);
    // The stored record is not touched: the caller decides whether the merge is written.
    expect(before).toEqual(stored());
  });

  it('two people on different fields: both kept, no conflict', () => {
    // csm was set at 7, after this change's base of 5; the change sets name, unchanged since 3.
    const merged = mergeChange(stored(), put(5, { name: 'Nordbank AB' }), 8);
    expect(merged).toEqual({
      data: { id: 'c1', name: 'Nordbank AB', csm: 'Karin', country: 'SE' },
      fieldVersions: { id: 3, name: 8, csm: 7, country: 3 },
      applied: ['name'],
      conflicts: [],
      isDeleteConflict: false,
    });
  });

  it('two people on different fields from the same base, in either order: both kept', () => {
    const base = stored({ fieldVersions: { id: 3, name: 3, csm: 3, country: 3 }, version: 3 });
    const karin = put(3, { name: 'Nordbank AB' });
    const jonas = put(3, { country: 'NO' });
    const apply = (record: StoredRecord, change: typeof karin, version: number): StoredRecord => {
      const merged = mergeChange(record, change, version);
      expect(merged.conflicts).toEqual([]);
      return {
        data: merged.data ?? {},
        fieldVersions: merged.fieldVersions,
        version,
        deleted: false,
      };
    };
    const karinFirst = apply(apply(base, karin, 4), jonas, 5);
    const jonasFirst = apply(apply(base, jonas, 4), karin, 5);
    const both = { id: 'c1', name: 'Nordbank AB', csm: 'Karin', country: 'NO' };
    expect(karinFirst.data).toEqual(both);
    expect(jonasFirst.data).toEqual(both);
    expect(karinFirst.fieldVersions).toEqual({ id: 3, name: 4, csm: 3, country: 5 });
    expect(jonasFirst.fieldVersions).toEqual({ id: 3, name: 5, csm: 3, country: 4 });
  });

  it('the same field changed since the base: the first value stays, the new one waits', () => {
    const merged = mergeChange(stored(), put(5, { csm: 'Jonas', name: 'Nordbank AB' }), 8);
    expect(merged.data).toEqual({ id: 'c1', name: 'Nordbank AB', csm: 'Karin', country: 'SE' });
    expect(merged.fieldVersions).toEqual({ id: 3, name: 8, csm: 7, country: 3 });
    expect(merged.applied).toEqual(['name']);
    expect(merged.conflicts).toEqual([{ field: 'csm', theirs: 'Karin', yours: 'Jonas' }]);
  });

  it('the same value as the record holds is neither applied nor a conflict', () => {
    const merged = mergeChange(stored(), put(5, { csm: 'Karin' }), 8);
    expect(merged.applied).toEqual([]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.fieldVersions).toEqual(stored().fieldVersions);
  });

  it('compares values as JSON: a reordered object is the same value', () => {
    const record = stored({
      data: { id: 'c1', agreement: { signer: 'Eva', signedOn: '2026-01-02' } },
      fieldVersions: { id: 1, agreement: 6 },
    });
    const merged = mergeChange(
      record,
      put(2, { agreement: { signedOn: '2026-01-02', signer: 'Eva' } }),
      8,
    );
    expect(merged.conflicts).toEqual([]);
    expect(merged.applied).toEqual([]);
  });

  it('deletes a record nobody changed since the base; its field versions stay for later edits', () => {
    const merged = mergeChange(stored(), { op: 'delete', baseVersion: 7, fields: {} }, 8);
    expect(merged).toEqual({
      data: null,
      fieldVersions: stored().fieldVersions,
      applied: [],
      conflicts: [],
      isDeleteConflict: false,
    });
  });

  it('a delete of a record changed since its base is a conflict: the edit stands', () => {
    const merged = mergeChange(stored(), { op: 'delete', baseVersion: 5, fields: {} }, 8);
    expect(merged).toEqual({
      data: stored().data,
      fieldVersions: stored().fieldVersions,
      applied: [],
      conflicts: [],
      isDeleteConflict: true,
    });
  });

  it('a delete of a record the team book never had, or already deleted, changes nothing', () => {
    expect(mergeChange(null, { op: 'delete', baseVersion: 0, fields: {} }, 8)).toMatchObject({
      data: null,
      fieldVersions: {},
      isDeleteConflict: false,
    });
    const gone = stored({ deleted: true });
    expect(mergeChange(gone, { op: 'delete', baseVersion: 1, fields: {} }, 8)).toMatchObject({
      data: null,
      fieldVersions: gone.fieldVersions,
      isDeleteConflict: false,
    });
  });

  it('an edit of a record deleted since its base is a conflict; after the delete it is new again', () => {
    const gone = stored({ deleted: true, version: 9 });
    const late = mergeChange(gone, put(7, { name: 'Nordbank AB' }), 10);
    expect(late).toEqual({
      data: null,
      fieldVersions: gone.fieldVersions,
      applied: [],
      conflicts: [],
      isDeleteConflict: true,
    });
    const again = mergeChange(gone, put(9, { id: 'c1', name: 'Nordbank igen' }), 10);
    expect(again.isDeleteConflict).toBe(false);
    // The deleted record's other fields do not come back with it.
    expect(again.data).toEqual({ id: 'c1', name: 'Nordbank igen' });
    expect(again.applied).toEqual(['id', 'name']);
    expect(again.fieldVersions).toEqual({ id: 10, name: 10, csm: 7, country: 3 });
  });

  it('never loses a value: each field of a change is applied, kept as it was, or a conflict', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('a', 'b'),
      fc.constant(null),
    );
    const field = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.dictionary(field, value),
        fc.dictionary(field, fc.integer({ min: 1, max: 9 })),
        fc.dictionary(field, value),
        fc.integer({ min: 0, max: 9 }),
        (data, versions, fields, baseVersion) => {
          const fieldVersions = Object.fromEntries(
            Object.keys(data).map((f) => [f, versions[f] ?? 1]),
          );
          const record: StoredRecord = { data, fieldVersions, version: 9, deleted: false };
          const merged = mergeChange(record, put(baseVersion, fields), 10);
          const conflicted = new Set(merged.conflicts.map((c) => c.field));
          for (const [name, sent] of Object.entries(fields)) {
            if (conflicted.has(name)) {
              expect(merged.data?.[name]).toEqual(data[name]);
              expect((fieldVersions[name] ?? 0) > baseVersion).toBe(true);
            } else expect(merged.data?.[name]).toEqual(sent);
            expect(merged.applied.includes(name)).toBe(
              !conflicted.has(name) && !sameJson(data[name], sent),
            );
          }
          for (const name of Object.keys(data))
            if (!(name in fields)) expect(merged.data?.[name]).toEqual(data[name]);
          for (const name of merged.applied) expect(merged.fieldVersions[name]).toBe(10);
        },
      ),
    );
  });
});

/** A contract's category lines as the app stores them (shared/model/schemas.ts). */
const line = (category: string, unitPriceMinor: number, agreedGrowth = 10) => ({
  category,
  installedAtStart: 90,
  agreedGrowth,
  unitPriceMinor,
});

const contractRecord = (): StoredRecord => ({
  data: {
    id: 'k1',
    number: 'PE-1001',
    categories: [line('headsets', 49000), line('video', 490000)],
  },
  fieldVersions: { id: 2, number: 2, categories: 6 },
  version: 6,
  deleted: false,
});

describe('mergeChange on a nested list (a contract’s categories)', () => {
  // The list is one field: its lines are not merged by their category key. Two edits of different
  // lines from one base conflict; nothing is lost, the later one waits for its author's decision.
  it('a change of the list nobody touched since its base applies whole', () => {
    const sent = [line('headsets', 52000), line('video', 490000)];
    const merged = mergeChange(contractRecord(), put(6, { categories: sent }), 7);
    expect(merged.data).toEqual({ id: 'k1', number: 'PE-1001', categories: sent });
    expect(merged.fieldVersions).toEqual({ id: 2, number: 2, categories: 7 });
    expect(merged.applied).toEqual(['categories']);
  });

  it('another line changed since the base: the stored list stays, the sent one waits, both whole', () => {
    // Someone set the headsets price at 6; this change, based on 4, sets the video growth.
    const sent = [line('headsets', 49000), line('video', 490000, 20)];
    const record = contractRecord();
    const merged = mergeChange(record, put(4, { categories: sent }), 7);
    expect(merged.data).toEqual(record.data);
    expect(merged.fieldVersions).toEqual(record.fieldVersions);
    expect(merged.applied).toEqual([]);
    expect(merged.conflicts).toEqual([
      { field: 'categories', theirs: record.data['categories'], yours: sent },
    ]);
  });

  it('the same field of the same line changed since the base is a conflict', () => {
    const sent = [line('headsets', 55000), line('video', 490000)];
    const merged = mergeChange(contractRecord(), put(4, { categories: sent }), 7);
    expect(merged.conflicts).toEqual([
      { field: 'categories', theirs: contractRecord().data['categories'], yours: sent },
    ]);
    expect(merged.data?.['categories']).toEqual(contractRecord().data['categories']);
  });

  it('the list as it is now, sent from an older base, is neither a change nor a conflict', () => {
    const sent = [line('headsets', 49000), line('video', 490000)];
    const merged = mergeChange(contractRecord(), put(1, { categories: sent }), 7);
    expect([merged.applied, merged.conflicts]).toEqual([[], []]);
  });

  it('lines are compared in order: the same lines reordered are a different list', () => {
    const sent = [line('video', 490000), line('headsets', 49000)];
    expect(mergeChange(contractRecord(), put(6, { categories: sent }), 7).applied).toEqual([
      'categories',
    ]);
  });

  it('a list edit and another field edit from the same base are both kept', () => {
    const record = contractRecord();
    const sent = [line('headsets', 49000), line('video', 490000), line('voice', 12000)];
    const first = mergeChange(record, put(6, { number: 'PE-1001-B' }), 7);
    const second = mergeChange(
      { data: first.data ?? {}, fieldVersions: first.fieldVersions, version: 7, deleted: false },
      put(6, { categories: sent }),
      8,
    );
    expect(second.conflicts).toEqual([]);
    expect(second.data).toEqual({ id: 'k1', number: 'PE-1001-B', categories: sent });
    expect(second.fieldVersions).toEqual({ id: 2, number: 7, categories: 8 });
  });
});

describe('mergeChange applied twice (a push repeated after a lost answer)', () => {
  const asStored = (merged: ReturnType<typeof mergeChange>, version: number): StoredRecord => ({
    data: merged.data ?? {},
    fieldVersions: merged.fieldVersions,
    version,
    deleted: merged.data === null,
  });

  it('an edit: the second time changes nothing and is no conflict', () => {
    const change = put(5, { name: 'Nordbank AB', country: 'NO' });
    const once = mergeChange(stored(), change, 8);
    expect(once.applied).toEqual(['name', 'country']);
    const twice = mergeChange(asStored(once, 8), change, 9);
    expect(twice).toEqual({
      data: once.data,
      fieldVersions: once.fieldVersions,
      applied: [],
      conflicts: [],
      isDeleteConflict: false,
    });
  });

  it('a new record: the second time changes nothing', () => {
    const change = put(0, { id: 'c9', name: 'Ny' });
    const once = mergeChange(null, change, 8);
    const twice = mergeChange(asStored(once, 8), change, 9);
    expect([twice.data, twice.fieldVersions, twice.applied, twice.conflicts]).toEqual([
      { id: 'c9', name: 'Ny' },
      { id: 8, name: 8 },
      [],
      [],
    ]);
  });

  it('a delete: the second time finds it deleted and changes nothing', () => {
    const change = { op: 'delete', baseVersion: 7, fields: {} } as const;
    const once = mergeChange(stored(), change, 8);
    const twice = mergeChange(asStored(once, 8), change, 9);
    expect(twice).toEqual({
      data: null,
      fieldVersions: stored().fieldVersions,
      applied: [],
      conflicts: [],
      isDeleteConflict: false,
    });
  });

  it('a conflict stays the same conflict, and the record the same', () => {
    const change = put(5, { csm: 'Jonas' });
    const once = mergeChange(stored(), change, 8);
    const twice = mergeChange(stored(), change, 9);
    expect(twice).toEqual(once);
    expect(once.conflicts).toEqual([{ field: 'csm', theirs: 'Karin', yours: 'Jonas' }]);
  });
});
