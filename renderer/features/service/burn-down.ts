/**
 * The burn-down's points: the month's allowance at its start (day 0), then hours left after each day
 * up to today, and an even pace. Day 0 gives the line a start, so the first of a month is not blank.
 * Hours to the whole minute, so that a point reads back as the h:mm every other duration is written in.
 */
import type { TimeEntry } from '../../../shared/model/entities';
import { daysInMonth, type CalendarDate, type CalendarMonth } from '../../../shared/terms/dates';
import { hoursText } from '../../../shared/service/time';
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
  const hours = (minutes: number) => Math.round(minutes) / 60;
  const rows: BurnDownRow[] = [
    { day: 0, remaining: hours(allowedMinutes), pace: hours(allowedMinutes) },
  ];
  let left = allowedMinutes;
  for (let day = 1; day <= days; day++) {
    left -= usedByDay[day] ?? 0;
    const date = `${month}-${String(day).padStart(2, '0')}`;
    rows.push({
      day,
      remaining: date <= today ? hours(left) : null,
      pace: hours(allowedMinutes * (1 - day / days)),
    });
  }
  return rows;
}

/** A point of the burn-down as the tooltip writes it: "4:23", h:mm like every duration. */
export function burnDownValueText(hours: number): string {
  return hoursText(Math.round(hours * 60));
}
