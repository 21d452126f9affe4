/**
 * Starts the built `csm` command as a separate process, as a user's shell does: the real heap cap,
 * time-out, exit code and bytes on each stream. (run-csm.ts calls it in-process instead.)
 */
import { spawn } from 'node:child_process';

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function spawnCsm(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/csm.mjs', ...args], {
      env: { ...process.env, CSM_PREBUILT: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
