import { describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../../../shared/model/entities';
import { firstPage } from '../../../../shared/reports/first-page';
import { wrapText } from '../../../../shared/reports/first-page-sheet';
import type { MonthlyReport } from '../../../../shared/reports/monthly';
import { contract } from '../../sync/fixtures';
import { report as reportOf, rma, snapshot as inventory, time } from './report-fixtures';

const headsetsAndVideo = contract('k1', {
  number: 'PE-1001',
  categories: [
    { category: 'headsets', installedAtStart: 200, agreedGrowth: 0, unitPriceMinor: 9990 },
    { category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 },
  ],
});

const snapshot = (asOf: string, headsets: number, video: number) =>
  inventory(asOf, { headsets, video }, { eol: 3, unknown: 2 });

function report(month: string, snapshots: InventorySnapshot[], note = ''): MonthlyReport {
  return reportOf(month, {
    contract: headsetsAndVideo,
    snapshots,
    rmas: [rma('2026-03-02'), rma(`${month}-03`)],
    timeEntries: [time(`${month}-04`, 330)],
    note,
  });
}

describe('the report’s first page', () => {
  it('names the customer and month in words, and says what each status means (TERMS.md §4), in English', () => {
    // June: before the adjustment month (July); video 112 ≥ triggerAt 105 is projected.
    const page = firstPage(
      report('2026-06', [snapshot('2026-06-30', 190, 112)], 'Call me.\nKarin'),
      'en',
    );
    expect(page.title).toBe('Contoso AB · June 2026');
    expect(page.kicker).toBe('Monthly report from Nordic AV Partner AB');
    expect(page.context).toEqual([
      'Agreement PE-1001 · term 1 Jan 2026 – 31 Dec 2026',
      'Devices as Poly Lens counted them on 30 Jun 2026',
      'Your CSM: Karin Lindqvist',
    ]);
    expect(page.warnings).toEqual([
      'Unknown models: 2 devices are not counted until they are classified.',
    ]);
    expect(page.lines).toEqual([
      {
        category: 'Headsets & personal devices',
        count: 190,
        ordered: 200,
        baseline: 210,
        status: 'Under',
        meaning: 'Fewer devices than ordered: nothing extra to pay.',
        tone: 'calm',
      },
      {
        category: 'Video',
        count: 112,
        ordered: 100,
        baseline: 105,
        status: 'Projected true-up',
        // 12 added × 49.00 × 6 months / 12 = 294.00 (TERMS.md §4's first example).
        meaning:
          'Over the trigger: at this count, the adjustment in July 2026 adds SEK\u00a0294.00.',
        tone: 'action',
      },
    ]);
    expect(page.service).toEqual([
      // Headset base 200 × 5 % = 10 allowed; one RMA in March, one in June.
      { label: 'Headset replacements (RMAs)', value: '1 this month · 2 of 10 allowed in 2026' },
      { label: 'CSM hours', value: '5:30 of 8:00 used' },
      { label: 'Support cases', value: '0 open · 0 opened and 0 resolved this month' },
      { label: 'Cloud-partner incidents', value: '0 open · 0 opened and 0 resolved this month' },
      { label: 'Not counted', value: 'End of life 3 · Unknown model 2' },
    ]);
    expect(page.note).toEqual(['Call me.', 'Karin']);
    expect(page.next).toEqual([
      'Mid-term adjustment in July 2026: devices over the trigger then are charged from that month to the term’s end.',
      'Renewal on 1 Jan 2027: the new ordered units are the count then plus the agreed growth.',
    ]);
  });

  it('says the same in Swedish, with the month in lower case', () => {
    const page = firstPage(report('2026-06', [snapshot('2026-06-30', 190, 112)]), 'sv');
    expect(page.title).toBe('Contoso AB · juni 2026');
    expect(page.kicker).toBe('Månadsrapport från Nordic AV Partner AB');
    expect(page.lines.map((l) => [l.status, l.meaning])).toEqual([
      ['Under', 'Färre enheter än beställt: inget extra att betala.'],
      [
        'Prognos för justering',
        'Över gränsen: vid detta antal ger justeringen i juli 2026 294,00\u00a0kr.',
      ],
    ]);
    expect(page.service[0]).toEqual({
      label: 'Utbytta headset (RMA)',
      value: '1 denna månad · 2 av 10 tillåtna 2026',
    });
    expect(page.note).toEqual([]);
    // Figures in the text are grouped as Swedish groups them.
    const large = firstPage(
      { ...report('2026-06', []), rma: { ...report('2026-06', []).rma!, allowed: 1775 } },
      'sv',
    );
    expect(large.service[0]?.value).toBe('1 denna månad · 2 av 1\u00a0775 tillåtna 2026');
  });

  it('is due in the adjustment month, overdue after it, and at renewal when the adjustment month was below the trigger', () => {
    const due = firstPage(report('2026-07', [snapshot('2026-07-31', 190, 112)]), 'en');
    expect(due.lines[1]).toMatchObject({
      status: 'True-up due',
      meaning:
        'Over the trigger in the adjustment month: SEK\u00a0294.00 for the added units; a quote follows.',
    });
    expect(due.next[0]).toBe(
      'This is the adjustment month: the count at its end decides the mid-term adjustment.',
    );
    const overdue = firstPage(report('2026-08', [snapshot('2026-07-31', 190, 112)]), 'en');
    expect(overdue.lines[1]?.meaning).toBe(
      'Over the trigger at the adjustment in July 2026: SEK\u00a0294.00 for the added units; a quote follows.',
    );
    const renewal = firstPage(
      report('2026-09', [snapshot('2026-07-31', 190, 104), snapshot('2026-09-30', 190, 112)]),
      'en',
    );
    expect(renewal.lines[1]).toMatchObject({
      status: 'At renewal',
      meaning: '12 devices more than ordered: added at the renewal, nothing to pay before it.',
      tone: 'watch',
    });
    expect(renewal.next[0]).toBe(
      'The mid-term adjustment was in July 2026; devices added since are charged at the renewal.',
    );
    const within = firstPage(report('2026-09', [snapshot('2026-09-30', 205, 100)]), 'sv');
    expect(within.lines[0]).toMatchObject({
      status: 'Inom',
      meaning: 'Inom de beställda enheterna och deras marginal: inget extra att betala.',
    });
  });

  it('names the quote or the order of a true-up in progress', () => {
    const built = report('2026-08', [snapshot('2026-07-31', 190, 112)]);
    const video = built.categories[1]!;
    const quoted: MonthlyReport = {
      ...built,
      categories: [
        {
          ...video,
          action: 'inProgress',
          trueUp: { ...video.trueUp!, state: 'quoted', quoteNumber: 'Q-77' },
        },
      ],
    };
    expect(firstPage(quoted, 'en').lines[0]).toMatchObject({
      status: 'True-up in progress',
      meaning: 'Adjustment quoted (Q-77): SEK\u00a0294.00 for the added units.',
    });
    const ordered: MonthlyReport = {
      ...quoted,
      categories: [
        {
          ...quoted.categories[0]!,
          trueUp: { ...quoted.categories[0]!.trueUp!, state: 'ordered', poNumber: 'PO-9' },
        },
      ],
    };
    expect(firstPage(ordered, 'sv').lines[0]?.meaning).toBe(
      'Justeringen beställd (PO-9): 294,00\u00a0kr för de tillkomna enheterna.',
    );
  });

  it('without a partner name says only what the report is; without an inventory says so', () => {
    const bare = report('2026-06', []);
    const page = firstPage({ ...bare, brand: { ...bare.brand, name: ' ' } }, 'en');
    expect(page.kicker).toBe('Monthly report');
    expect(page.context[1]).toBe('No inventory imported for this month');
    expect(page.lines.map((l) => [l.count, l.status, l.meaning])).toEqual([
      [null, 'No inventory', 'No inventory for this month.'],
      [null, 'No inventory', 'No inventory for this month.'],
    ]);
  });
});

describe('text lines on the first page', () => {
  it('wrap at spaces within the width', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('', 9)).toEqual(['']);
  });
});
