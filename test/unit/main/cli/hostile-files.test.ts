/**
 * Hostile and careless inventory files against the real `csm` process: each gets exit 2 and one line
 * that names the file (or, where the file is usable, a normal answer), within the import worker's heap
 * cap and time-out, never a crash, and no temporary file left behind.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCapped } from '../../../../main/cli/capped';
import { WORKER_LIMITS } from '../../../../main/services/inventory/run-worker';
import { sheetRow, sheetXml, workbookZip } from '../services/inventory/xlsx-builder';
import { spawnCsm } from './spawn-csm';

let dir = '';
let temp = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csm-hostile-'));
  temp = await mkdtemp(join(tmpdir(), 'csm-hostile-tmp-'));
});

/** `csm inspect FILE --json` with its own empty temp folder. */
const inspect = (file: string, ...extra: string[]) =>
  spawnCsm(['inspect', file, ...extra], { TMPDIR: temp, TMP: temp, TEMP: temp });

function oneLine(stderr: string, file: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  return lines[0] ?? '';
}

describe('sparse and lying workbooks', () => {
  it('reads a 30,000-row sheet whose rows each have one cell in column XFD without padding them', async () => {
    const rows = [
      sheetRow(1, { A: 'Model', B: 'Serial' }),
      sheetRow(2, { A: 'Poly CCX 400', B: 'C1' }),
    ];
    for (let r = 3; r < 30_003; r++) rows.push(sheetRow(r, { XFD: 'x' }));
    const path = join(dir, 'sparse.xlsx');
    await writeFile(path, workbookZip(sheetXml(rows)));
    const result = await inspect(path, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      devices: number;
      rejected: { row: number; reason: string }[];
    };
    expect(doc.devices).toBe(1);
    expect(doc.rejected).toHaveLength(30_000);
    expect(doc.rejected[0]).toEqual({
      row: 3,
      reason: "the row has a value beyond the header's 2 columns",
    });
  });

  it('refuses a sheet with no header, only cells in column XFD, in one line', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => sheetRow(i + 1, { XFD: 'x' }));
    const path = join(dir, 'no-header.xlsx');
    await writeFile(path, workbookZip(sheetXml(rows)));
    const result = await inspect(path);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr, 'no-header.xlsx')).toMatch(/no sheet has a model column/);
  });

  it('stops a sheet that inflates past what its zip directory declares, counting real bytes', async () => {
    const rows = [sheetRow(1, { A: 'Model', B: 'Serial' })];
    const filler = sheetRow(2, { A: 'Poly CCX 400', B: 'C'.repeat(1000) });
    const body = sheetXml([...rows, ...Array.from({ length: 50_000 }, () => filler)]);
    const path = join(dir, 'liar.xlsx');
    await writeFile(path, workbookZip({ data: Buffer.from(body), declaredSize: 1000 }));
    const result = await inspect(path);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr, 'liar.xlsx')).toMatch(
      /inflates to more than the 1,000 bytes its directory declares: refused as a zip bomb/,
    );
  });

  it('names an HTML page saved as .xlsx as what it is', async () => {
    const path = join(dir, 'report.xlsx');
    await writeFile(
      path,
      '<!DOCTYPE html><html><body><table><tr><td>Model</td></tr></table></body></html>',
    );
    const result = await inspect(path);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr, 'report.xlsx')).toMatch(/an HTML page.*not a spreadsheet/);
  });

  it('leaves no temporary file behind, on success, refusal or crash', async () => {
    expect(await readdir(temp)).toEqual([]);
  });
});

describe('things that are not files', () => {
  it('refuses a symlink to /dev/zero before reading it', async () => {
    const path = join(dir, 'zero.csv');
    await symlink('/dev/zero', path);
    const result = await inspect(path);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr, 'zero.csv')).toMatch(/a device, not a file/);
  });

  it('names a folder given as a file', async () => {
    const path = join(dir, 'folder.csv');
    await mkdir(path);
    const result = await inspect(path);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr, 'folder.csv')).toMatch(/a folder, not a file/);
  });
});

describe('text that is not what it seems', () => {
  it('reads UTF-16 without a byte-order mark', async () => {
    const text = 'Device Model\tSerial Number\tAccount\r\nPoly CCX 400\tC1\tÖresund AB\r\n';
    for (const [encoding, name] of [
      ['utf16le', 'le.txt'],
      ['utf16be', 'be.txt'],
    ] as const) {
      const path = join(dir, name);
      await writeFile(path, iconv.encode(text, encoding, { addBOM: false }));
      const result = await inspect(path, '--json');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        encoding: encoding === 'utf16le' ? 'utf-16le' : 'utf-16be',
        devices: 1,
        accounts: [{ account: 'Öresund AB', devices: 1 }],
      });
    }
  });

  it('refuses a file that is partly UTF-8 and partly Windows-1252, naming both lines', async () => {
    const path = join(dir, 'mixed.csv');
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from('Model,Serial,Account\r\nPoly CCX 400,C1,Öresund AB\r\n', 'utf8'),
        iconv.encode('Poly CCX 400,C2,Öresund AB\r\n', 'win1252'),
      ]),
    );
    const result = await inspect(path);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr, 'mixed.csv')).toMatch(
      /mixes two text encodings: line 2 is UTF-8 but line 3 is not \(byte 0xD6\)/,
    );
  });

  it('never echoes control characters from the file to the terminal', async () => {
    const path = join(dir, 'escape.csv');
    await writeFile(
      path,
      'Model,Serial,Account,Status\n' +
        'Poly CCX 400,M1,Evil\u009b1m Corp\u202e,Online\n' +
        'Poly CCX 400,C1,Contoso,\u001b[31mRED\u001b[0m\n',
    );
    const human = await inspect(path);
    expect(human.code).toBe(0);
    expect(human.stdout).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(human.stdout).toContain('account "Evil\\u009b1m Corp\\u202e": 1 devices');
    expect(human.stdout).toContain('row 3: status "\\u001b[31mRED\\u001b[0m" is not');
    const json = await inspect(path, '--json');
    expect(json.stdout).not.toMatch(/[\u001b\u009b\u202e]/);
    const { accounts } = JSON.parse(json.stdout) as { accounts: unknown[] };
    expect(accounts).toContainEqual({ account: 'Evil\u009b1m Corp\u202e', devices: 1 });
    const refused = join(dir, 'escape-header.csv');
    await writeFile(refused, 'Colour,\u001b]0;pwned\u0007\nred,1\n');
    const result = await inspect(refused);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr, 'escape-header.csv')).toContain('\\u001b]0;pwned\\u0007');
  });
});

describe('memory-hungry shapes within the cap', () => {
  it('reads a 190 MB CSV of 38,000 rows × 5,000 empty columns inside the import heap cap', async () => {
    const path = join(dir, 'wide.csv');
    const out = createWriteStream(path);
    const empty = ','.repeat(4_997);
    out.write(`Model,Serial,Account${empty}\n`);
    for (let r = 0; r < 38_000; r++) {
      if (!out.write(`Poly CCX 400,C${r},Contoso${empty}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
    const result = await inspect(path, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 38_000, devices: 38_000 });
  });
});

describe('the capped worker every file-reading command runs in', () => {
  const output = () => {
    const text = { out: '', err: '' };
    return {
      text,
      stdout: { write: (t: string) => (text.out += t) },
      stderr: { write: (t: string) => (text.err += t) },
    };
  };

  it('turns running out of its heap into exit 2 and one line naming the file', async () => {
    const entry = join(dir, 'hog.cjs');
    await writeFile(
      entry,
      'const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random()));',
    );
    const { text, stdout, stderr } = output();
    const code = await runCapped(entry, ['inspect', 'huge.xlsx'], stdout, stderr, {
      ...WORKER_LIMITS,
      heapMb: 64,
      timeoutMs: 60_000,
    });
    expect(code).toBe(2);
    expect(text.err).toBe(
      'csm: huge.xlsx: reading it needs more memory than one import may use (64 MB): refused\n',
    );
  });

  it('stops a command that takes longer than the time-out', async () => {
    const entry = join(dir, 'hang.cjs');
    await writeFile(entry, 'setInterval(() => {}, 1000);');
    const { text, stdout, stderr } = output();
    const code = await runCapped(entry, ['inspect', 'slow.csv'], stdout, stderr, {
      ...WORKER_LIMITS,
      heapMb: 256,
      timeoutMs: 300,
    });
    expect(code).toBe(2);
    expect(text.err).toBe('csm: slow.csv: reading it took longer than 0.3 s: stopped\n');
  });
});
