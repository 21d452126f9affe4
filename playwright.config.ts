import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/**
 * Two projects (STYLE.md 12): `web` runs the renderer in Debian's Chromium against the browser host;
 * `electron` runs the desktop shell where its binary exists and is skipped, with the reason, where not.
 */
const port = Number(process.env['E2E_PORT'] ?? 4599);
export const E2E_TOKEN = 'e2e-token-0123456789abcdef';
const isCi = Boolean(process.env['CI']);

export default defineConfig({
  testDir: 'test/e2e',
  forbidOnly: isCi,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCi ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/Stockholm',
  },
  projects: [
    {
      name: 'web',
      testIgnore: /electron\//,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      },
    },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
  ],
  webServer: {
    command: `node dist/host/host.cjs --no-open --port ${port}`,
    url: `http://127.0.0.1:${port}/?token=${E2E_TOKEN}`,
    env: { CSM_HOST_TOKEN: E2E_TOKEN },
    reuseExistingServer: !isCi,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
