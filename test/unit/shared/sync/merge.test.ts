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
    expect(merged.applied).toEqual(['name']);
    expect(merged.conflicts).toEqual([]);
    expect(merged.data?.['csm']).toBe('Karin');
  });

  it('the same field changed since the base: the first value stays, the new one waits', () => {
    const merged = mergeChange(stored(), put(5, { csm: 'Jonas', name: 'Nordbank AB' }), 8);
    expect(merged.data).toMatchObject({ csm: 'Karin', name: 'Nordbank AB' });
    expect(merged.fieldVersions['csm']).toBe(7);
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
    expect(merged.isDeleteConflict).toBe(true);
    expect(merged.data).toEqual(stored().data);
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
    expect(late).toMatchObject({ data: null, isDeleteConflict: true, applied: [] });
    const again = mergeChange(gone, put(9, { id: 'c1', name: 'Nordbank igen' }), 10);
    expect(again.isDeleteConflict).toBe(false);
    expect(again.data).toEqual({ id: 'c1', name: 'Nordbank igen' });
    expect(again.fieldVersions).toMatchObject({ id: 10, name: 10, csm: 7 });
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
