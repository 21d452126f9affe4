import { defineConfig } from 'vitest/config';

/**
 * Unit tests: Node for shared/ and main/, a real PostgreSQL for team sync, fake-indexeddb for
 * renderer/db, jsdom for components.
 */
/** Tests do real work (a demo book, a 190 MB file, processes): two loaded cores need more than 5 s. */
const testTimeout = 60_000;

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          testTimeout,
          // The tests' fake Lens listens on this machine (shared/lens.ts LOOPBACK_SETTING).
          env: { CSM_LENS_LOOPBACK: '1' },
          globalSetup: ['test/unit/build-cli.ts'],
          include: [
            'test/unit/shared/**/*.test.ts',
            'test/unit/main/**/*.test.ts',
            'test/unit/scripts/**/*.test.ts',
          ],
        },
      },
      {
        // Team sync against a real PostgreSQL each file starts (test/support/postgres.ts).
        test: {
          name: 'sync',
          environment: 'node',
          globalSetup: ['test/unit/build-cli.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          include: ['test/unit/sync/**/*.test.ts'],
          setupFiles: ['test/unit/setup-indexeddb.ts'],
        },
      },
      {
        test: {
          name: 'db',
          environment: 'node',
          testTimeout,
          include: ['test/unit/renderer/db/**/*.test.ts'],
          setupFiles: ['test/unit/setup-indexeddb.ts'],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          testTimeout,
          include: [
            'test/unit/renderer/{app,components,features,i18n,platform}/**/*.test.{ts,tsx}',
          ],
          setupFiles: ['test/unit/setup-dom.ts'],
        },
      },
    ],
  },
});
