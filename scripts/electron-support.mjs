// Fails when the project's Electron major is older than the three lines Electron supports today.
// Electron ships a major about every 8 weeks and supports the latest three (electronjs.org/docs/latest/tutorial/electron-timelines).
// The table holds each major's stable release date (the registry's time of x.0.0, checked 2026-12-03);
// the majors after the last row are projected 8 weeks apart, so the check keeps failing on time
// even if nobody adds rows. Add the real date when a major ships.
import { readFileSync } from 'node:fs';

/** Stable release dates of Electron majors (npm registry, `npm view electron time`), 2026-12-03. */
export const ELECTRON_RELEASES = [
  [40, '2026-01-16'],
  [41, '2026-03-11'],
  [42, '2026-05-06'],
  [43, '2026-07-01'],
  [44, '2026-08-25'],
  [45, '2026-10-21'],
];
const CADENCE_DAYS = 56;
const SUPPORTED_LINES = 3;

/** The newest major released on or before `today` (projected past the table's last row). */
export function newestMajor(today) {
  const [lastMajor, lastDate] = ELECTRON_RELEASES.at(-1);
  const days = (Date.parse(today) - Date.parse(lastDate)) / 86_400_000;
  if (days >= 0) return lastMajor + Math.floor(days / CADENCE_DAYS);
  const released = ELECTRON_RELEASES.filter(([, date]) => date <= today);
  return released.length > 0 ? released.at(-1)[0] : ELECTRON_RELEASES[0][0];
}

export function oldestSupportedMajor(today) {
  return newestMajor(today) - SUPPORTED_LINES + 1;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const range = pkg.devDependencies.electron;
const major = Number(/(\d+)/.exec(range)?.[1]);
const today = new Date().toISOString().slice(0, 10);
const oldest = oldestSupportedMajor(today);
if (!(major >= oldest)) {
  console.error(
    `package.json devDependencies.electron is "${range}" (major ${major}); on ${today} Electron ` +
      `supports majors ${oldest}–${newestMajor(today)} only. Move to a supported major ` +
      `(scripts/electron-support.mjs holds the release table).`,
  );
  process.exit(1);
}
