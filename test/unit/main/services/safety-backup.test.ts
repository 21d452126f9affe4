/**
 * The safety copies kept before a restore or joining a team book (main/services/safety-backup.ts):
 * named by why and when, listed newest first with their dates and sizes, read back by name only,
 * the ten newest of each kind kept.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  keepSafetyBackup,
  listSafetyBackups,
  readSafetyBackup,
} from '../../../../main/services/safety-backup';

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'csm-safety-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe('safety copies', () => {
  it('names each by why and when, and lists them newest first with date and size', async () => {
    const restorePath = await keepSafetyBackup(
      dataDir,
      bytes('{"a":1}'),
      'restore',
      new Date('2026-11-30T09:15:00.007Z'),
    );
    const joinPath = await keepSafetyBackup(
      dataDir,
      bytes('{"joined":true}'),
      'join',
      new Date('2026-12-01T14:05:09.120Z'),
    );
    expect(restorePath).toBe(join(dataDir, 'backups', 'before-restore-2026-11-30-09-15-00-7.json'));
    expect(joinPath).toBe(join(dataDir, 'backups', 'before-joining-2026-12-01-14-05-09-120.json'));
    expect((await stat(joinPath)).mode & 0o777).toBe(0o600);
    expect(await listSafetyBackups(dataDir)).toEqual([
      {
        name: 'before-joining-2026-12-01-14-05-09-120.json',
        reason: 'join',
        at: '2026-12-01T14:05:09.120Z',
        bytes: 15,
      },
      {
        name: 'before-restore-2026-11-30-09-15-00-7.json',
        reason: 'restore',
        at: '2026-11-30T09:15:00.007Z',
        bytes: 7,
      },
    ]);
    expect(
      new TextDecoder().decode(
        await readSafetyBackup(dataDir, 'before-joining-2026-12-01-14-05-09-120.json'),
      ),
    ).toBe('{"joined":true}');
  });

  it('lists nothing where none was kept, and reads nothing but a safety copy', async () => {
    expect(await listSafetyBackups(dataDir)).toEqual([]);
    await expect(readSafetyBackup(dataDir, '../team-sync.json')).rejects.toThrow(
      '../team-sync.json is not a safety copy',
    );
    await expect(
      readSafetyBackup(dataDir, 'before-restore-2026-11-30-09-15-00-7.json/../../x'),
    ).rejects.toThrow('is not a safety copy');
  });

  it('keeps the ten newest of each kind', async () => {
    for (let day = 1; day <= 12; day++) {
      const at = new Date(Date.UTC(2026, 10, day, 8));
      await keepSafetyBackup(dataDir, bytes('r'), 'restore', at);
      await keepSafetyBackup(dataDir, bytes('j'), 'join', at);
    }
    const names = await readdir(join(dataDir, 'backups'));
    expect(names.filter((n) => n.startsWith('before-restore-'))).toHaveLength(10);
    expect(names.filter((n) => n.startsWith('before-joining-'))).toHaveLength(10);
    const listed = await listSafetyBackups(dataDir);
    expect(listed.at(-1)?.at).toBe('2026-11-03T08:00:00.000Z');
    expect(listed[0]?.at).toBe('2026-11-12T08:00:00.000Z');
  });
});
