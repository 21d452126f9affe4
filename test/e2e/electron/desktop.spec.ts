import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { API } from '../../../shared/api';

const binary = electronBinary();

const SKIP_REASON =
  'The Electron binary is not installed here (npm install runs no install scripts and this machine cannot download it); the desktop shell runs where it exists.';

// The list reporter does not print skip reasons: say it in the output too.
if (binary === null) console.log(`[electron] skipped: ${SKIP_REASON}`);
test.skip(binary === null, SKIP_REASON);

test('the desktop window loads the app from app:// with isolation and the sandbox on', async () => {
  const app = await electron.launch({ executablePath: binary ?? '', args: ['.'] });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Welcome to CSM Workstation' })).toBeVisible();
  expect(window.url()).toMatch(/^app:\/\/workstation\//);
  const exposed = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: Object.keys((globalThis as unknown as { api: object }).api).sort(),
  }));
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    // One function per capability of the contract, and the two subscriptions: nothing generic.
    api: [...Object.keys(API), 'onMenuCommand', 'onProgress'].sort(),
  });
  await app.close();
});
