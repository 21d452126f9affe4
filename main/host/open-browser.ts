/**
 * Opens the browser on the host's link without putting the launch token on a command line (where any
 * local user's process list shows it): the link goes into a page only this user can read, in a
 * private temporary folder, and the browser is given that file's path.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const html = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function launchPage(url: string): string {
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${html(url)}"><title>CSM Workstation</title><p><a href="${html(url)}">Open CSM Workstation</a></p>\n`;
}

type Spawn = (
  command: string,
  args: string[],
) => { on(event: 'error', fn: () => void): unknown; unref(): void };

const defaultSpawn: Spawn = (command, args) =>
  nodeSpawn(command, args, { detached: true, stdio: 'ignore' });

/** Writes the launch page and opens it; the page is removed a minute later. */
export async function openBrowser(url: string, spawn: Spawn = defaultSpawn): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'csm-workstation-'));
  const page = join(folder, 'open.html');
  await writeFile(page, launchPage(url), { mode: 0o600 });
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [page]]
      : process.platform === 'win32'
        ? ['explorer.exe', [page]]
        : ['xdg-open', [page]];
  const child = spawn(command, args);
  child.on('error', () => undefined);
  child.unref();
  setTimeout(() => void rm(folder, { recursive: true, force: true }), 60_000).unref();
  return page;
}
