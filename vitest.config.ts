import { defineConfig } from 'vitest/config';

/** Unit tests: Node for shared/ and main/, fake-indexeddb for renderer/db, jsdom for components. */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          globalSetup: ['test/unit/build-cli.ts'],
          include: [
            'test/unit/shared/**/*.test.ts',
            'test/unit/main/**/*.test.ts',
            'test/unit/scripts/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'db',
          environment: 'node',
          include: ['test/unit/renderer/db/**/*.test.ts'],
          setupFiles: ['test/unit/setup-indexeddb.ts'],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/unit/renderer/{components,features,i18n,platform}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/setup-dom.ts'],
        },
      },
    ],
  },
});
