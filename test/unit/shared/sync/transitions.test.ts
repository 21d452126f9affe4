/** The steps each role may offer in the app, from the one rule the sync server enforces. */
import { describe, expect, it } from 'vitest';
import { mayTrueUpStep, transitionRefusal } from '../../../../shared/sync/transitions';
import { mayWrite } from '../../../../shared/sync/validate';

describe('true-up steps by role', () => {
  it('offers each role its own steps and nobody a way back from applied', () => {
    expect(mayTrueUpStep('csm', null, 'quoted')).toBe(true);
    expect(mayTrueUpStep('csm', 'quoted', 'ordered')).toBe(true);
    expect(mayTrueUpStep('csm', 'ordered', 'applied')).toBe(false);
    expect(mayTrueUpStep('account-manager', 'ordered', 'applied')).toBe(true);
    expect(mayTrueUpStep('account-manager', null, 'quoted')).toBe(false);
    expect(mayTrueUpStep('admin', 'applied', 'quoted')).toBe(false);
    expect(mayTrueUpStep('admin', 'ordered', 'quoted')).toBe(true);
    expect(mayWrite('csm', 'trueUps', { from: 'ordered', to: 'applied' })).toBe(false);
    expect(mayWrite('read-only', 'trueUps')).toBe(false);
  });

  it('refuses a delete like an edit, against the record as stored', () => {
    const applied = { id: 't', state: 'applied', poNumber: 'PO-1', events: [] };
    expect(transitionRefusal('trueUps', { role: 'csm', before: applied, after: null })).toMatch(
      /never deleted/,
    );
    expect(
      transitionRefusal('trueUps', {
        role: 'csm',
        before: { ...applied, state: 'quoted' },
        after: null,
      }),
    ).toMatch(/csm may not delete/);
    expect(transitionRefusal('customers', { role: 'csm', before: { id: 'c' }, after: null })).toBe(
      null,
    );
  });
});
