/** Generates the demo portfolio off the UI thread. */
import { generateDemoPortfolio } from '../../../shared/demo/generate';

self.onmessage = (event: MessageEvent<{ asOf: string }>) => {
  // The current inventories are in the device lists already: they are not copied to the window twice.
  const { inventories: _current, ...stored } = generateDemoPortfolio(event.data.asOf);
  self.postMessage(stored);
};
