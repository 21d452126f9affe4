/**
 * Screenshots to read by eye (a screen in English and in Swedish): written only where SHOTS_DIR names a
 * folder, so a run of the suite alone leaves nothing behind.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env['SHOTS_DIR'];
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
