/**
 * Runs a module of shared code in the spec's process: bundled by esbuild first, as the `csm` command
 * is, since Playwright's loader cannot import the catalog's JSON.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function loadBundled<T>(entry: string, outDir: string): Promise<T> {
  const built = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
  });
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'bundled.mjs');
  await writeFile(file, built.outputFiles[0]?.text ?? '');
  return (await import(pathToFileURL(file).href)) as T;
}
