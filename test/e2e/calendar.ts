/**
 * The browser's calendar, pinned: every test's browser starts at E2E_NOW (its clock then runs on), so
 * the demo book (dated by the browser's today), due dates, late flags and report months give one
 * answer whatever day the suite runs. The app's "today" is the day where the browser is
 * (playwright.config's time zone); tests date their files by it.
 */
import type { BrowserContext } from '@playwright/test';

export const BROWSER_TIME_ZONE = 'Europe/Stockholm';

/**
 * The instant every test's browser starts at: a Wednesday mid-month, 10:00 in Stockholm (summer
 * time), after the dates the tests type (spring 2026) and away from a month's or a DST change's edge.
 */
export const E2E_NOW = new Date('2026-09-16T08:00:00Z');

/**
 * Pins `context`'s clock to E2E_NOW and lets it run (install: Date and timers alike; setting the
 * system time alone stalled the demo book's progress dialog).
 */
export async function pinClock(context: BrowserContext): Promise<void> {
  await context.clock.install({ time: E2E_NOW });
}

/** Today in the browser's time zone, as an instant at noon UTC of that day (its UTC fields are it). */
export function browserNow(): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: BROWSER_TIME_ZONE }).format(E2E_NOW);
  return new Date(`${day}T12:00:00Z`);
}
