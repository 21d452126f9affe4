// Builds everything `npm start`, the tests and electron-builder need into dist/:
// the renderer (Vite) and the main process, preload, browser host and `csm` command (esbuild).
// `--cli` builds only the command.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const onlyCli = process.argv.includes('--cli');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};

const cli = build({ ...node, entryPoints: ['main/cli/csm.ts'], outfile: 'dist/cli/csm.cjs' });
if (onlyCli) {
  await cli;
} else {
  const { build: viteBuild } = await import('vite');
  await Promise.all([
    cli,
    build({
      ...node,
      entryPoints: ['main/index.ts'],
      outfile: 'dist/main/index.cjs',
      external: ['electron'],
    }),
    // The sandboxed preload may only require 'electron': everything else is bundled in.
    build({
      ...node,
      packages: undefined,
      entryPoints: ['main/preload/index.ts'],
      outfile: 'dist/main/preload.cjs',
      external: ['electron'],
    }),
    build({ ...node, entryPoints: ['main/host/host.ts'], outfile: 'dist/host/host.cjs' }),
    // Self-contained, so it runs unpacked beside the app's asar with nothing to resolve.
    build({
      ...node,
      packages: undefined,
      entryPoints: ['main/services/inventory/worker.ts'],
      outfile: 'dist/workers/inventory.cjs',
    }),
    viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  ]);
}
