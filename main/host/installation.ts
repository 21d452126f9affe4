/**
 * The browser host's own folder (its per-installation address, safety backups, secrets) and the
 * address itself: a random name under .localhost, chosen once per installation. The browser keeps the
 * workstation's data per origin, so an origin no other program can guess keeps another local program
 * that takes the port from reading that data by being visited at 127.0.0.1:PORT.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../services/atomic-write';

/** Where the host keeps its files: CSM_HOST_DATA, else the platform's per-user config folder. */
export function hostDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['CSM_HOST_DATA']) return env['CSM_HOST_DATA'];
  if (process.platform === 'win32')
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'CSM Workstation host');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'CSM Workstation host');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'csm-workstation-host');
}

const NAME = /^[a-z0-9]{8,40}$/;

/** The installation's host name ("w3k9…q.localhost"), created on first use. */
export async function installationHost(dataDir: string, chosen?: string): Promise<string> {
  if (chosen) {
    if (!NAME.test(chosen)) throw new Error(`CSM_HOST_NAME must be 8 to 40 letters a–z or digits`);
    return `${chosen}.localhost`;
  }
  const file = join(dataDir, 'installation.json');
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { name?: unknown };
    if (typeof stored.name === 'string' && NAME.test(stored.name))
      return `${stored.name}.localhost`;
  } catch {
    // First run, or an unreadable file: a new name (the old origin's data stays in the browser).
  }
  const name = `w${randomBytes(10).toString('hex')}`;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify({ name })}\n`));
  return `${name}.localhost`;
}
