import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeDevices, startFakeLens, type FakeLens } from '../../../support/fake-lens';
import { spawnCsm } from './spawn-csm';

let lens: FakeLens;
let dir = '';
let env: NodeJS.ProcessEnv = {};
let endpoints: string[] = [];

beforeAll(async () => {
  lens = await startFakeLens({
    tenants: [{ id: 'tenant-1', name: 'Kvarnen & Co', devices: fakeDevices('tenant-1', 3_456) }],
  });
  dir = await mkdtemp(join(tmpdir(), 'csm-lens-pull-'));
  env = { LENS_CLIENT_ID: lens.clientId, LENS_CLIENT_SECRET: lens.clientSecret };
  endpoints = ['--token-url', lens.tokenUrl, '--api-url', lens.apiUrl];
});

afterAll(() => lens.close());

describe('csm lens-pull', () => {
  it('pulls a tenant, writes a Lens API-dialect CSV, and prints what inspect prints for it', async () => {
    const out = join(dir, 'kvarnen.csv');
    const pulled = await spawnCsm(
      ['lens-pull', '--tenant', 'tenant-1', '--out', out, '--json', ...endpoints],
      env,
    );
    expect(pulled).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(pulled.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      file: 'kvarnen.csv',
      format: 'csv',
      encoding: 'utf-8',
      rows: 3_456,
      devices: 3_456,
      accounts: [{ account: 'Kvarnen & Co', devices: 3_456 }],
    });
    expect((await readFile(out, 'utf8')).split('\r\n')[0]).toBe(
      '\uFEFFid,serialNumber,hardwareModel,hardwareFamily,displayName,softwareVersion,connected,lastDetected,macAddress,tenantId,tenant,site.name,room.name',
    );
    const inspected = await spawnCsm(['inspect', out, '--json']);
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.stdout)).toEqual(doc);
  });

  it('exits 2 with one line and writes nothing when the pull fails', async () => {
    const out = join(dir, 'failed.csv');
    lens.faults.push({ kind: 'errors', message: 'Not authorised for tenant' });
    const failed = await spawnCsm(
      ['lens-pull', '--tenant', 'tenant-1', '--out', out, ...endpoints],
      env,
    );
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toBe(
      'csm: Lens pull: reading page 1 of tenant "tenant-1": Lens answered with an error: "Not authorised for tenant"\n',
    );
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('needs the credentials, a safe endpoint, and --force to replace a file', async () => {
    const missing = await spawnCsm(['lens-pull', '--tenant', 'tenant-1', ...endpoints], {
      LENS_CLIENT_ID: '',
      LENS_CLIENT_SECRET: '',
    });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(
      /^csm: lens-pull needs the Lens API credentials in LENS_CLIENT_ID and LENS_CLIENT_SECRET\n$/,
    );

    for (const address of ['http://lens.example.com/graphql', 'https://lens.example.com/graphql']) {
      const elsewhere = await spawnCsm(
        ['lens-pull', '--tenant', 'tenant-1', '--api-url', address],
        env,
      );
      expect(elsewhere).toMatchObject({
        code: 2,
        stderr: `csm: --api-url: ${address}: not an address of Poly Lens (https://….lens.poly.com)\n`,
      });
    }

    const out = join(dir, 'exists.csv');
    await writeFile(out, 'keep me');
    const kept = await spawnCsm(
      ['lens-pull', '--tenant', 'tenant-1', '--out', out, ...endpoints],
      env,
    );
    expect(kept.code).toBe(2);
    expect(kept.stderr).toMatch(/exists already \(--force replaces it\)/);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    const forced = await spawnCsm(
      ['lens-pull', '--tenant', 'tenant-1', '--out', out, '--force', ...endpoints],
      env,
    );
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(
      /^exists\.csv: CSV, utf-8, separator ",", as of 2026-11-28\n3456 rows, 3456 devices\n/,
    );
  });
});
