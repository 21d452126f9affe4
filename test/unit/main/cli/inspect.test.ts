import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { csm } from './run-csm';
import { spawnCsm } from './spawn-csm';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csm-inspect-'));
});

describe('csm inspect', () => {
  it('prints exactly the FORMATS.md §3 document for a Swedish Excel CSV', async () => {
    const rows = [
      'sep=;',
      'Enhetsmodell;Serienummer;Senast upptäckt;Konto',
      'Poly Studio X50;8L1000;31.07.2026 10:00;Contoso AB',
      'Poly Studio X50;8l1000 ;30.07.2026 10:00;Contoso AB',
      'Polycom VVX 310;V1;31.07.2026 09:00;Contoso AB',
      'Poly Mystery 9;M1;31.07.2026 09:00;Fabrikam',
      'Lens Desktop;L1;;Contoso AB',
      'Poly CCX 400;;;Contoso AB',
    ];
    const path = join(dir, 'contoso.csv');
    await writeFile(path, iconv.encode(`${rows.join('\r\n')}\r\n`, 'win1252'));
    const result = await csm('inspect', path, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({
      file: 'contoso.csv',
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      asOf: '2026-07-31',
      rows: 6,
      devices: 4,
      duplicates: [{ id: '8L1000', rows: [2, 3] }],
      rejected: [{ row: 7, reason: 'no serial number or device ID' }],
      staleDays: null,
      counts: { headsets: 0, video: 1, voice: 0 },
      excluded: { eol: 1, quote: 0, software: 1, unknown: 1, deleted: 0, archived: 0, stale: 0 },
      unknownModels: [{ model: 'Poly Mystery 9', devices: 1 }],
      notCounted: [],
      accounts: [
        { account: 'Contoso AB', devices: 3 },
        { account: 'Fabrikam', devices: 1 },
      ],
    });
  });

  it('takes --as-of, which decides end-of-life', async () => {
    const path = join(dir, 'trio.csv');
    await writeFile(path, 'Model,Serial\nPoly Trio 8800,T1\n');
    const before = JSON.parse(
      (await csm('inspect', path, '--as-of', '2028-06-30', '--json')).stdout,
    ) as { counts: { voice: number } };
    const after = JSON.parse(
      (await csm('inspect', path, '--json', '--as-of=2028-07-01')).stdout,
    ) as { excluded: { eol: number } };
    expect(before.counts.voice).toBe(1);
    expect(after.excluded.eol).toBe(1);
  });

  it('prints a readable report without --json', async () => {
    const path = join(dir, 'plain.csv');
    await writeFile(path, 'Model,Serial\nPoly G7500,G1\nPoly G7500,\n');
    const { code, stdout } = await csm('inspect', path);
    expect(code).toBe(0);
    expect(stdout).toContain('2 rows, 1 devices');
    expect(stdout).toContain('row 3: no serial number or device ID');
  });

  it.each([
    [['inspect'], /^csm: inspect needs a FILE$/],
    [['inspect', '/nonexistent/x.csv'], /^csm: \/nonexistent\/x\.csv: no such file$/],
    [
      ['inspect', 'FILE', '--as-of', 'tomorrow'],
      /^csm: --as-of must be a date YYYY-MM-DD, not tomorrow$/,
    ],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, stderr, stdout } = await csm(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(message);
  });

  it('exits 2 naming the file and the missing columns for an unusable file', async () => {
    const path = join(dir, 'wrong.csv');
    await writeFile(path, 'Name,Colour\nx,y\n');
    const { code, stderr } = await csm('inspect', path, '--json');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'csm: wrong.csv: the file has no model column and neither a serial number nor a device ID column, so nothing can be imported. Headers found: Name, Colour\n',
    );
  });

  it('with --stale-days, as a process: devices not seen for more than N days are not counted, listed with their last detection', async () => {
    const path = join(dir, 'stale.csv');
    await writeFile(
      path,
      [
        'Model,Serial,Last Detected',
        'Poly Studio X50,S0,2026-07-31T10:00:00Z',
        'Poly Studio X50,S30,2026-07-01T10:00:00Z',
        'Poly Studio X50,S31,2026-06-30T10:00:00Z',
        'Poly Studio X50,SN,',
      ].join('\n'),
    );
    const json = await spawnCsm([
      'inspect',
      path,
      '--as-of',
      '2026-07-31',
      '--stale-days',
      '30',
      '--json',
    ]);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      staleDays: 30,
      counts: { video: 2 },
      excluded: { stale: 2 },
      notCounted: [
        {
          id: 'S31',
          model: 'Poly Studio X50',
          reason: 'stale',
          lastDetected: '2026-06-30T10:00:00Z',
        },
        { id: 'SN', model: 'Poly Studio X50', reason: 'stale', lastDetected: null },
      ],
    });
    const text = await spawnCsm(['inspect', path, '--as-of', '2026-07-31', '--stale-days', '30']);
    expect(text.stdout).toContain('stale 2 (not seen for more than 30 days)');
    expect(text.stdout).toContain(
      'stale: S31 (Poly Studio X50), last detected 2026-06-30T10:00:00Z',
    );
    const without = JSON.parse(
      (await spawnCsm(['inspect', path, '--as-of', '2026-07-31', '--json'])).stdout,
    ) as unknown;
    expect(without).toMatchObject({
      staleDays: null,
      counts: { video: 4 },
      excluded: { stale: 0 },
    });
    const bad = await spawnCsm(['inspect', path, '--stale-days', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--stale-days must be a whole number of days from 1, not 0');
  });
});
