/** Generates the demo portfolio off the UI thread. */
import { generateDemoPortfolio } from '../../../shared/demo/generate';
import type { Language } from '../../../shared/i18n';

self.onmessage = (event: MessageEvent<{ asOf: string; language: Language }>) => {
  // The current inventories are in the device lists already: they are not copied to the window twice.
  const { inventories: _current, ...stored } = generateDemoPortfolio(
    event.data.asOf,
    event.data.language,
  );
  self.postMessage(stored);
};
