import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../main/services/atomic-write';

describe('atomic writes', () => {
  it('replaces the file in one step and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csm-atomic-'));
    const path = join(dir, 'rapport åäö.xlsx');
    await writeFile(path, 'old');
    await writeFileAtomic(path, new TextEncoder().encode('new'));
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['rapport åäö.xlsx']);
  });

  it('leaves the old file intact when the write cannot happen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csm-atomic-'));
    await expect(
      writeFileAtomic(join(dir, 'missing-folder', 'x.txt'), new Uint8Array([1])),
    ).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
