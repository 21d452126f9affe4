import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from '../../../../shared/csv';
import { parseInventory } from '../../../../main/services/inventory/parse';
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
      '\uFEFFid,serialNumber,hardwareModel,hardwareFamily,displayName,softwareVersion,connected,lastDetected,macAddress,tenantId,tenant,site.name,room.name,deleted',
    );
    const inspected = await spawnCsm(['inspect', out, '--json']);
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.stdout)).toEqual(doc);
  });

  it('guards formula-like text in --out, and inspect and the import read back exactly what Lens sent', async () => {
    const hostile = [
      '=HYPERLINK("http://evil","x")',
      '+SUM(1,2)',
      '-2+3',
      '@cmd',
      "'=already quoted",
      "''+twice",
      '＝full-width',
      "it's fine",
    ];
    const devices = fakeDevices('tenant-h', hostile.length).map((d, i) => ({
      ...d,
      displayName: hostile[i]!,
      site: { id: `s-${i}`, name: hostile[(i + 1) % hostile.length]! },
      room: { id: `r-${i}`, name: hostile[(i + 2) % hostile.length]! },
      serialNumber: `-SN${i}`,
    }));
    const tenantName = '=HYPERLINK("http://evil")  Kvarnen';
    lens.tenants.set('tenant-h', { id: 'tenant-h', name: tenantName, devices });
    const out = join(dir, 'hostile.csv');
    const pulled = await spawnCsm(
      ['lens-pull', '--tenant', 'tenant-h', '--out', out, '--json', ...endpoints],
      env,
    );
    expect(pulled).toMatchObject({ code: 0, stderr: '' });
    const written = await readFile(out, 'utf8');
    // Written guarded: no field of the file starts a formula.
    expect(written).toContain(`"'=HYPERLINK(""http://evil"")  Kvarnen"`);
    expect(written).toContain("''=already quoted");
    expect(written).not.toMatch(/(^|,)[=+\-@＝]/m);

    const inspected = await spawnCsm(['inspect', out, '--json']);
    expect(inspected.code).toBe(0);
    const doc = JSON.parse(inspected.stdout) as { accounts: { account: string }[] };
    expect(doc.accounts).toEqual([
      expect.objectContaining({ account: tenantName, devices: hostile.length }),
    ]);
    expect(JSON.parse(pulled.stdout)).toEqual(doc);

    const parsed = await parseInventory(new Uint8Array(await readFile(out)), {
      fileName: 'hostile.csv',
      locale: 'sv-SE',
      today: '2026-12-01',
    });
    expect(parsed.rejected).toEqual([]);
    const read = [...parsed.devices].sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1));
    expect(read.map((d) => [d.name, d.site, d.room, d.serial, d.account])).toEqual(
      devices.map((d) => [d.displayName, d.site.name, d.room.name, d.serialNumber, tenantName]),
    );
    for (const text of [...hostile, tenantName, ''])
      expect(unguardFormula(guardFormula(text))).toBe(text);
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
