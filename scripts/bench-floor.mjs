// Benchmark child: the parse floor for `csm inspect`, a bare papaparse parse of the same file (read and
// decoded as UTF-8, every row to an array of strings), with this process's peak memory.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';

const started = performance.now();
const text = await readFile(process.argv[2], 'utf8');
const rows = Papa.parse(text, { skipEmptyLines: true }).data.length;
const ms = performance.now() - started;
console.log(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
