/**
 * The copies of the current data kept before something replaces it (a restore, or joining a team
 * book): beside the app's own data, readable by this user only, the ten newest of each kind kept.
 * Each is named by why and when it was kept; Settings → Data lists them and restores one.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SAFETY_BACKUP_NAME, type SafetyBackup, type SafetyReason } from '../../shared/api';
import { writeFileAtomic } from './atomic-write';

const KEEP = 10;
const PREFIX: Record<SafetyReason, string> = {
  restore: 'before-restore-',
  join: 'before-joining-',
};

const folderOf = (dataDir: string) => join(dataDir, 'backups');

export async function keepSafetyBackup(
  dataDir: string,
  bytes: Uint8Array,
  reason: SafetyReason = 'restore',
  now = new Date(),
): Promise<string> {
  const folder = folderOf(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const path = join(folder, `${PREFIX[reason]}${stamp}-${now.getMilliseconds()}.json`);
  await writeFileAtomic(path, bytes, 0o600);
  const kept = (await readdir(folder)).filter((n) => n.startsWith(PREFIX[reason])).sort();
  for (const old of kept.slice(0, -KEEP)) await rm(join(folder, old), { force: true });
  return path;
}

/** The safety copies kept, newest first. */
export async function listSafetyBackups(dataDir: string): Promise<SafetyBackup[]> {
  const names = await readdir(folderOf(dataDir)).catch(() => [] as string[]);
  const listed: SafetyBackup[] = [];
  for (const name of names) {
    const parts = SAFETY_BACKUP_NAME.exec(name);
    if (!parts) continue;
    const [, kind, day, hours, minutes, seconds, ms] = parts;
    const at = `${day}T${hours}:${minutes}:${seconds}.${(ms ?? '0').padStart(3, '0')}Z`;
    const { size } = await stat(join(folderOf(dataDir), name));
    listed.push({ name, reason: kind === 'joining' ? 'join' : 'restore', at, bytes: size });
  }
  return listed.sort((a, b) => b.at.localeCompare(a.at));
}

/** One safety copy's bytes, by its listed name (nothing else in or outside the folder). */
export async function readSafetyBackup(dataDir: string, name: string): Promise<Uint8Array> {
  if (!SAFETY_BACKUP_NAME.test(name)) throw new Error(`${name} is not a safety copy`);
  return new Uint8Array(await readFile(join(folderOf(dataDir), name)));
}
