/**
 * The copy of the current data a restore writes before it replaces anything: beside the app's own
 * data, readable by this user only, the ten newest kept. Its path is told to the user.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

const KEEP = 10;
const PREFIX = 'before-restore-';

export async function keepSafetyBackup(
  dataDir: string,
  bytes: Uint8Array,
  now = new Date(),
): Promise<string> {
  const folder = join(dataDir, 'backups');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const path = join(folder, `${PREFIX}${stamp}-${now.getMilliseconds()}.json`);
  await writeFileAtomic(path, bytes, 0o600);
  const kept = (await readdir(folder)).filter((n) => n.startsWith(PREFIX)).sort();
  for (const old of kept.slice(0, -KEEP)) await rm(join(folder, old), { force: true });
  return path;
}
