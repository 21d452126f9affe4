/**
 * `csm sync-admin` and `csm sync-server` as a partner's administrator runs them (FORMATS.md §5): the
 * built command in its own process against a real PostgreSQL, plain HTTP on loopback and HTTPS with a
 * certificate, stopped by SIGTERM.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { spawnCsm } from '../main/cli/spawn-csm';

let postgres: TestPostgres;
let database: string;
let folder: string;

beforeAll(async () => {
  postgres = await startPostgres();
  database = await postgres.createDatabase('cli');
  folder = await mkdtemp(join(tmpdir(), 'csm-sync-cli-'));
});

afterAll(async () => {
  await postgres?.stop();
  await rm(folder, { recursive: true, force: true });
});

/** Starts `csm sync-server`; resolves with its address once it says it is ready. */
function serve(args: string[]) {
  const child = spawn(process.execPath, ['bin/csm.mjs', 'sync-server', ...args], {
    env: { ...process.env, CSM_PREBUILT: '1', CSM_SYNC_DATABASE: database },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /^CSM sync server: (\S+)\n/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, ready, exited };
}

it('migrates, adds and revokes users, and says what is wrong', async () => {
  const early = serve(['--port', '0']);
  await expect(early.ready).rejects.toThrow(/schema 0: run csm sync-admin migrate first/);

  const migrated = await spawnCsm(['sync-admin', 'migrate', '--database', database]);
  expect(migrated).toMatchObject({
    code: 0,
    stdout: 'The team database is at schema 4 (was 0).\n',
  });
  const again = await spawnCsm(['sync-admin', 'migrate', '--database', database, '--json']);
  expect(JSON.parse(again.stdout)).toEqual({ from: 4, to: 4 });

  const added = await spawnCsm(
    [
      'sync-admin',
      'add-user',
      '--name',
      'Karin Lindqvist',
      '--email',
      'karin@partner.se',
      '--role',
      'csm',
    ],
    { CSM_SYNC_DATABASE: database },
  );
  expect(added.code).toBe(0);
  expect(added.stdout).toMatch(/^csm_[\w-]{43}\n$/);
  const twice = await spawnCsm([
    'sync-admin',
    'add-user',
    '--database',
    database,
    '--name',
    'K',
    '--email',
    'KARIN@partner.se',
    '--role',
    'csm',
  ]);
  expect(twice).toMatchObject({
    code: 2,
    stderr: 'csm: a user with the e-mail KARIN@partner.se exists already\n',
  });
  const badRole = await spawnCsm([
    'sync-admin',
    'add-user',
    '--database',
    database,
    '--name',
    'K',
    '--email',
    'k@p.se',
    '--role',
    'boss',
  ]);
  expect(badRole.stderr).toMatch(/--role admin\|csm\|account-manager\|read-only/);
  const noDatabase = await spawnCsm(['sync-admin', 'migrate'], { CSM_SYNC_DATABASE: '' });
  expect(noDatabase).toMatchObject({
    code: 2,
    stderr: 'csm: --database URL is needed (or CSM_SYNC_DATABASE)\n',
  });

  const server = serve(['--port', '0']);
  const url = await server.ready;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const token = added.stdout.trim();
  const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ name: 'Karin Lindqvist', role: 'csm', version: 0 });

  const revoked = await spawnCsm([
    'sync-admin',
    'revoke-user',
    '--database',
    database,
    '--email',
    'karin@partner.se',
  ]);
  expect(revoked).toMatchObject({ code: 0, stdout: 'Revoked karin@partner.se.\n' });
  const after = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(after.status).toBe(401);
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
});

it('serves HTTPS with the partner’s certificate', async () => {
  const cert = join(folder, 'cert.pem');
  const key = join(folder, 'key.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  const server = serve(['--port', '0', '--tls-cert', cert, '--tls-key', key]);
  const url = await server.ready;
  expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const ca = await readFile(cert);
  const body = await new Promise<string>((resolve, reject) =>
    get(`${url}/v1/health`, { ca }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(text));
    }).on('error', reject),
  );
  expect(JSON.parse(body)).toEqual({ ok: true });
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
});
