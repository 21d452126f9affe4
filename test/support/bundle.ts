// A source file bundled for Node as `npm run build` bundles main's workers and hosts.
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles `entry` into `folder` as CommonJS and answers the bundle's path. */
export async function bundleForNode(entry: string, folder: string, name: string): Promise<string> {
  const outfile = join(folder, name);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
