#!/usr/bin/env node
// The `csm` command. In a checkout it rebuilds its bundle first (esbuild, well under a second) so it
// always runs the current sources; an installed package runs the bundle it shipped with.
// CSM_PREBUILT=1 skips the rebuild (the tests build once, then start the command many times).
import { existsSync } from 'node:fs';
import { createRequire, enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli/csm.cjs`;
if (existsSync(`${root}main/cli/csm.ts`) && process.env.CSM_PREBUILT !== '1') {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['scripts/build.mjs', '--cli'], { cwd: root, stdio: 'inherit' });
}
// Compiled once, then read from Node's cache beside the bundle (main/cli/capped.ts does the same).
enableCompileCache?.(`${root}dist/cli/.compile-cache`);
const { main } = createRequire(import.meta.url)(bundle);
process.exitCode = await main(process.argv.slice(2));
