/** The burn-down's points: hours left after each day of the month (up to today), and an even pace. */
import type { TimeEntry } from '../../../shared/model/entities';
import { daysInMonth, type CalendarDate, type CalendarMonth } from '../../../shared/terms/dates';
import type { BurnDownRow } from './BurnDownChart';

export function burnDownRows(
  month: CalendarMonth,
  allowedMinutes: number,
  entries: readonly TimeEntry[],
  today: CalendarDate,
): BurnDownRow[] {
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const usedByDay = new Array<number>(days + 1).fill(0);
  for (const e of entries)
    if (e.date.startsWith(month))
      usedByDay[Number(e.date.slice(8, 10))] =
        (usedByDay[Number(e.date.slice(8, 10))] ?? 0) + e.minutes;
  const rows: BurnDownRow[] = [];
  let left = allowedMinutes;
  for (let day = 1; day <= days; day++) {
    left -= usedByDay[day] ?? 0;
    const date = `${month}-${String(day).padStart(2, '0')}`;
    rows.push({
      day,
      remaining: date <= today ? Math.round((left / 60) * 100) / 100 : null,
      pace: Math.round(((allowedMinutes * (1 - day / days)) / 60) * 100) / 100,
    });
  }
  return rows;
}
