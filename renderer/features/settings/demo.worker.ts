/** Generates the demo portfolio off the UI thread. */
import { generateDemoPortfolio } from '../../../shared/demo/generate';

self.onmessage = (event: MessageEvent<{ asOf: string }>) => {
  self.postMessage(generateDemoPortfolio(event.data.asOf));
};
