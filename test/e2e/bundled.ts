/**
 * Runs a module of shared code in the spec's process: bundled for Node first (test/support/bundle.ts,
 * as the unit tests bundle workers), since Playwright's loader cannot import the catalog's JSON.
 */
import { createRequire } from 'node:module';
import { bundleForNode } from '../support/bundle';

export async function loadBundled<T>(entry: string): Promise<T> {
  const file = await bundleForNode(entry, 'bundled.cjs');
  return createRequire(file)(file) as T;
}
