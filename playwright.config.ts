import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { BROWSER_TIME_ZONE } from './test/e2e/calendar';

/**
 * Two projects (STYLE.md 12): `web` runs the renderer in Debian's Chromium against the browser host;
 * `electron` runs the desktop shell where its binary exists and is skipped, with the reason, where not.
 */
const port = Number(process.env['E2E_PORT'] ?? 4599);
/** The browser host's first (single-use) link token; global-setup.ts redeems it once for every test. */
export const E2E_TOKEN = 'e2e-token-0123456789abcdef';
/** The installation's host name the tests run the host under. */
const hostName = 'e2etestworkstation.localhost';
export const E2E_ORIGIN = `http://${hostName}:${port}`;
/** The signed-in browser state every test starts from (its session cookie). */
export const AUTH_STATE = 'test-results/.auth/state.json';
/** The browser host's own data folder (safety backups, Lens API connections). */
export const HOST_DATA = 'test-results/host-data';
const isCi = Boolean(process.env['CI']);

export default defineConfig({
  testDir: 'test/e2e',
  forbidOnly: isCi,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCi ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/runs',
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    baseURL: E2E_ORIGIN,
    storageState: AUTH_STATE,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: BROWSER_TIME_ZONE,
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
    // Ready once it listens (its pages live at the installation's origin, which Node cannot resolve).
    port,
    env: {
      CSM_HOST_TOKEN: E2E_TOKEN,
      CSM_HOST_NAME: hostName.replace('.localhost', ''),
      CSM_HOST_DATA: HOST_DATA,
      // The fake Lens of lens.spec.ts listens on this machine (shared/lens.ts LOOPBACK_SETTING).
      CSM_LENS_LOOPBACK: '1',
    },
    // The first link works once: a server left running from another run could not sign in again.
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
