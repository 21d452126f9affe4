// Child process for the benchmark: runs `csm inspect` on one file and prints its time and peak memory.
import { createRequire } from 'node:module';

const { run } = createRequire(import.meta.url)('../dist/cli/csm.cjs');
const started = performance.now();
const code = await run(
  ['inspect', process.argv[2], '--json'],
  { write: () => true },
  process.stderr,
);
const ms = performance.now() - started;
console.log(JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
