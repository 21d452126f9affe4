/** A register line as typed: its dates, their order, the notice, one line per model. */
import { describe, expect, it } from 'vitest';
import { emptyEolDraft, readEolDraft, type EolDraft } from '../../../../shared/catalog';

const draft = (fields: Partial<EolDraft>): EolDraft => ({ ...emptyEolDraft(), ...fields });
const register = [{ id: 'a', model: 'Trio 8800' }];

describe('a typed register line', () => {
  it('is read tidied, blank fields left out', () => {
    expect(
      readEolDraft(
        draft({ model: '  Studio   X30 ', endOfLife: '2028-01-31', note: ' ' }),
        register,
      ),
    ).toEqual({ line: { model: 'Studio X30', endOfLife: '2028-01-31' }, issues: [] });
  });

  it('keeps its own model when edited, and refuses another line’s', () => {
    expect(readEolDraft(draft({ model: 'trio 8800' }), register, 'a').issues).toEqual([]);
    expect(readEolDraft(draft({ model: 'TRIO  8800' }), register, 'b').issues).toEqual([
      { field: 'model', code: 'duplicate', model: 'Trio 8800' },
    ]);
  });

  it('names each date out of order by the date it comes before, and the equal dates pass', () => {
    const read = readEolDraft(
      draft({
        model: 'VVX 450',
        endOfSale: '2027-06-30',
        endOfSupport: '2027-01-31',
        endOfLife: '2027-01-31',
      }),
    );
    expect(read.issues).toEqual([
      { field: 'endOfSupport', code: 'order', before: 'endOfSale' },
      { field: 'endOfLife', code: 'order', before: 'endOfSale' },
    ]);
    expect(
      readEolDraft(draft({ model: 'VVX 450', endOfSupport: '2027-01-31', endOfLife: '2027-01-31' }))
        .issues,
    ).toEqual([]);
  });

  it('refuses a date that is not one, a notice that is not a web address, and no model', () => {
    expect(
      readEolDraft(draft({ endOfSale: '31/12/2027', notice: 'ftp://poly.com/eol' })).issues,
    ).toEqual([
      { field: 'model', code: 'required' },
      { field: 'endOfSale', code: 'date' },
      { field: 'notice', code: 'notice' },
    ]);
  });
});
