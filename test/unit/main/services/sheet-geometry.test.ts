/**
 * A column's width in characters: as the layout asks, or as its header, and never narrower than a
 * header word, which a reader would break ("Nästa justerings|månad" in the Swedish plan's print).
 */
import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../../../main/services/sheet-geometry';

describe('columnWidths', () => {
  it('keeps the asked width, or fits the header, never narrower than a header word', () => {
    expect(
      columnWidths({
        name: 'Summary',
        columns: [
          { header: 'Kategori', type: 'text', width: 26 },
          { header: 'Beställda', type: 'number' },
        ],
        rows: [],
        blocks: [
          {
            heading: 'Förväntat tillskott',
            columns: [
              { header: 'Kategori', type: 'text', width: 26 },
              { header: 'Senaste antal', type: 'number', width: 14 },
              { header: 'Nästa justeringsmånad', type: 'text', width: 12 },
            ],
            rows: [],
          },
        ],
      }),
    ).toEqual([26, 14, 18]);
    // A header of several words takes two lines; its widest word fits, m and w counted wider.
    expect(
      columnWidths({
        name: 'ECPS',
        columns: [{ header: 'Gemensamma samtal', type: 'number' }],
        rows: [],
      }),
    ).toEqual([14]);
  });
});
