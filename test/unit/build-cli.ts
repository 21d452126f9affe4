/** vitest global setup: builds the `csm` bundle once, so tests can start the real command as a user does. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--cli'], { stdio: 'inherit' });
}
