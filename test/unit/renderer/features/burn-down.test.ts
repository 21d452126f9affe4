import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../../shared/model/entities';
import { burnDownRows, burnDownValueText } from '../../../../renderer/features/service/burn-down';

const entry = (date: string, minutes: number): TimeEntry => ({
  id: date,
  customerId: 'c1',
  date,
  minutes,
  activity: 'meeting',
  note: '',
  isBillable: true,
  user: 'K',
});

describe('CSM hours burn-down', () => {
  it('has a line to draw on the first of the month', () => {
    const rows = burnDownRows('2026-12', 8 * 60, [entry('2026-12-01', 90)], '2026-12-01');
    const drawn = rows.filter((r) => r.remaining !== null);
    expect(drawn).toEqual([
      { day: 0, remaining: 8, pace: 8 },
      { day: 1, remaining: 6.5, pace: 465 / 60 },
    ]);
    expect(rows).toHaveLength(32);
    // Read as h:mm, as every duration is: 8 h × 30/31 is 7:45, not "7.74".
    expect(drawn.map((r) => [burnDownValueText(r.remaining!), burnDownValueText(r.pace)])).toEqual([
      ['8:00', '8:00'],
      ['6:30', '7:45'],
    ]);
  });

  it('counts only the month’s entries and stops at today', () => {
    const rows = burnDownRows(
      '2026-02',
      16 * 60,
      [entry('2026-01-31', 600), entry('2026-02-02', 60), entry('2026-02-10', 120)],
      '2026-02-05',
    );
    expect(rows.at(-1)).toEqual({ day: 28, remaining: null, pace: 0 });
    expect(rows.filter((r) => r.remaining !== null).map((r) => r.remaining)).toEqual([
      16, 16, 15, 15, 15, 15,
    ]);
  });
});
