// Benchmark child: runs one `csm` command in this process (the code `csm` runs in its worker) and prints
// its time and this process's peak memory. The bundle is loaded before the clock starts.
import { createRequire } from 'node:module';

const { run } = createRequire(import.meta.url)('../dist/cli/csm.cjs');
const started = performance.now();
const code = await run(process.argv.slice(2), { write: () => true }, process.stderr);
const ms = performance.now() - started;
console.log(JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
