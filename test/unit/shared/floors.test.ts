/**
 * The floors of shared/ and main/: each module imports only from its own floor or the floors below,
 * and no modules import each other in a circle (type imports count: they tie the code together too).
 * shared/ is below main/. A file of a folder not named here stands on the top floor of its side, so
 * nothing below may lean on it until it is given its floor.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Low to high. A path names a file, or a folder when it ends in '/'; the longest match decides. */
const FLOORS: readonly { name: string; paths: readonly string[] }[] = [
  {
    name: 'words and helpers that import nothing of ours',
    paths: [
      'shared/errors.ts',
      'shared/csv.ts',
      'shared/xml-text.ts',
      'shared/terminal-text.ts',
      'shared/limits.ts',
      'shared/files.ts',
      'shared/lens.ts',
      'shared/lens-endpoint.ts',
      'shared/workbook-spec.ts',
      'shared/model/category.ts',
      'shared/model/device.ts',
      'shared/model/name-key.ts',
      'shared/demo/random.ts',
    ],
  },
  { name: 'the terms (TERMS.md as functions)', paths: ['shared/terms/'] },
  { name: 'the product catalog', paths: ['shared/catalog/'] },
  { name: 'inventory', paths: ['shared/inventory/'] },
  {
    name: 'the stored records, their schemas, the synced-entity registry',
    paths: ['shared/model/'],
  },
  { name: 'the dictionaries', paths: ['shared/i18n/'] },
  { name: 'contracts and service records', paths: ['shared/contracts/', 'shared/service/'] },
  { name: 'growth forecasts (TERMS.md §11)', paths: ['shared/forecast/'] },
  { name: 'reports', paths: ['shared/reports/'] },
  { name: 'the top of shared/', paths: ['shared/'] },
  { name: 'what main does', paths: ['main/services/', 'main/sync-server/'] },
  { name: 'the IPC handler', paths: ['main/ipc/'] },
  { name: 'the shells', paths: ['main/app/', 'main/host/', 'main/cli/', 'main/preload/'] },
  { name: 'the top of main/', paths: ['main/'] },
];

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The project files a module imports (import, export … from, import()), as paths from the root. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const base = resolve(dirname(join(ROOT, file)), fileName);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find(
      (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
    );
    return found && /\.tsx?$/.test(found) ? [relative(ROOT, found)] : [];
  });
}

function floorOf(file: string): number {
  let best = -1;
  let length = -1;
  FLOORS.forEach((floor, index) => {
    for (const path of floor.paths)
      if ((path.endsWith('/') ? file.startsWith(path) : file === path) && path.length > length) {
        best = index;
        length = path.length;
      }
  });
  return best;
}

const files = [...sources('shared'), ...sources('main')];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** The import circles: strongly connected groups of more than one module, or one importing itself. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target))
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) found.push(group.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('the floors of shared/ and main/', () => {
  it('reads the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(graph.get('main/sync-server/push.ts')).toContain('shared/sync/merge.ts');
    expect(floorOf('shared/terms/dates.ts')).toBeLessThan(floorOf('shared/model/entities.ts'));
    for (const file of files) expect(floorOf(file), file).toBeGreaterThanOrEqual(0);
  });

  it('has no import from a lower floor to a higher one', () => {
    const upward = files.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((target) => floorOf(target) > floorOf(file))
        .map(
          (target) =>
            `${file} (${FLOORS[floorOf(file)]?.name}) imports ${target} (${FLOORS[floorOf(target)]?.name})`,
        ),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });
});
