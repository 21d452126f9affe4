/**
 * The e2e suite's `test`: Playwright's, with every test's browser context on the pinned clock
 * (calendar.ts). Contexts a test opens itself call pinClock too.
 */
import { test as base } from '@playwright/test';
import { pinClock } from './calendar';

export const test = base.extend({
  context: async ({ context }, use) => {
    await pinClock(context);
    await use(context);
  },
});

export { expect } from '@playwright/test';
export type { Browser, Download, Locator, Page } from '@playwright/test';
