/**
 * Signs in once, as a user does: opens the browser host's single-use link and keeps the session cookie
 * and key it leaves, so every test's browser starts signed in (each still with its own empty database).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { AUTH_STATE, E2E_ORIGIN, E2E_TOKEN } from '../../playwright.config';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export default async function globalSetup(): Promise<void> {
  await mkdir(dirname(AUTH_STATE), { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${E2E_ORIGIN}/?token=${E2E_TOKEN}`);
    await page.waitForURL(`${E2E_ORIGIN}/`);
    // The sign-in page leaves the session's key in the origin's storage: the state keeps it.
    await page.waitForFunction(() => localStorage.getItem('csm-session-key'));
    await context.storageState({ path: AUTH_STATE });
  } finally {
    await browser.close();
  }
}
