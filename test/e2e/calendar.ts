/**
 * The browser's calendar: the app's "today" is the day where the browser is (playwright.config's
 * time zone), which is not UTC's day for an hour or two each night. Tests date their files by it.
 */
export const BROWSER_TIME_ZONE = 'Europe/Stockholm';

/** Today in the browser's time zone, as an instant at noon UTC of that day (its UTC fields are it). */
export function browserNow(): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: BROWSER_TIME_ZONE }).format(new Date());
  return new Date(`${day}T12:00:00Z`);
}
