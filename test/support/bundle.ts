// A source file bundled for Node as `npm run build` bundles main's workers and hosts.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles `entry` as CommonJS and answers the bundle's path. The packages that read their own files
 * (PDFKit's data, fontkit) stay outside the bundle, as in the build, so the bundle lives inside the
 * checkout (dist/, ignored) where Node finds them.
 */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const dist = join(process.cwd(), 'dist');
  await mkdir(dist, { recursive: true });
  const outfile = join(await mkdtemp(join(dist, 'test-bundle-')), name);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['pdfkit', 'fontkit', '@expo-google-fonts/noto-sans'],
    logLevel: 'error',
  });
  return outfile;
}
