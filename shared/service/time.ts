/** CSM time entries (TERMS.md §7): minutes in 15-minute steps, at most a day per entry; weeks Monday first. */
import type { TimeEntry } from '../model/entities';
import { TIME_ACTIVITIES } from '../model/entities';
import { addDays, isCalendarDate, weekday, type CalendarDate } from '../terms/dates';
import type { ServiceIssue } from './issues';

export const MINUTE_STEP = 15;
const DAY_MINUTES = 24 * 60;

export function timeEntryIssues(entry: TimeEntry): ServiceIssue[] {
  const issues: ServiceIssue[] = [];
  if (!isCalendarDate(entry.date))
    issues.push({ code: 'invalidDate', field: 'date', value: entry.date });
  if (
    !Number.isSafeInteger(entry.minutes) ||
    entry.minutes <= 0 ||
    entry.minutes % MINUTE_STEP !== 0
  )
    issues.push({ code: 'notQuarterHours', field: 'minutes', value: String(entry.minutes) });
  else if (entry.minutes > DAY_MINUTES)
    issues.push({ code: 'tooLong', field: 'minutes', value: String(entry.minutes) });
  if (!(TIME_ACTIVITIES as readonly string[]).includes(entry.activity))
    issues.push({ code: 'invalidChoice', field: 'activity', value: entry.activity });
  return issues;
}

/** A stopped timer's minutes, rounded up to the next 15-minute step (at least one step). */
export function timerMinutes(startedAt: number, stoppedAt: number): number {
  const minutes = Math.max(0, (stoppedAt - startedAt) / 60_000);
  return Math.max(MINUTE_STEP, Math.ceil(minutes / MINUTE_STEP) * MINUTE_STEP);
}

/** The seven dates of the ISO week (Monday first) that holds `date`. */
export function weekOf(date: CalendarDate): CalendarDate[] {
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** "7:30" for 450 minutes: hours and minutes, as the [h]:mm cells of a report. */
export function hoursText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
