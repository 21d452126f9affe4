// `npm run bench`: what users wait for, measured in real Chromium against the browser host and in real
// `csm` processes, each figure beside its target and, where the issue names one, its floor: the same
// work done by the bare library (papaparse, IndexedDB, exceljs) on this machine, in the same run.
// Product and floor runs alternate, so a slow moment of the machine falls on both.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { benchCsv, benchRegister, benchXlsx } from './bench-data.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { forecastAccuracy, printAccuracy } from './forecast-accuracy.mjs';

const port = Number(process.env.BENCH_PORT ?? 4590);
const origin = `http://benchworkstation.localhost:${port}`;
const token = 'bench-token-0123456789abcdef';
const runs = Number(process.env.BENCH_RUNS ?? 5);
/**
 * BENCH_ONLY=imports,commands (lens, sync, first-run, imports, portfolio, planner, commands, device-lists, forecast) runs only
 * those.
 */
const only = process.env.BENCH_ONLY?.split(',');
const want = (section) => !only || only.includes(section);
const importRuns = Math.min(3, runs);
const authState = 'bench-results/.auth/state.json';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const nextFrame = (page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );

const results = [];
/**
 * One figure: its samples, its target (absolute, or `factor` × its floor's median) and, for linearity,
 * the figure it should be twice of.
 */
function record(name, samples, { target = null, unit = 'ms', floor = null, factor = null } = {}) {
  const entry = {
    name,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
    unit,
    floor: floor === null ? null : median(floor),
    factor,
    target: factor !== null && floor !== null ? factor * median(floor) : target,
  };
  results.push(entry);
  return entry;
}

async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    banner: {
      // As the app's CommonJS bundles have them: the fonts resolve from the bundle's own file.
      js: "import { createRequire } from 'module'; import { fileURLToPath } from 'url'; const require = createRequire(import.meta.url); const __filename = fileURLToPath(import.meta.url);",
    },
  });
  return outfile;
}

/** Runs a benchmark child process and answers the JSON it prints. */
const child = (args) =>
  JSON.parse(
    execFileSync(process.execPath, ['--no-deprecation', ...args], {
      encoding: 'utf8',
      maxBuffer: 2 ** 24,
    }),
  );

/** A whole process, timed from outside: start-up, loading and its capped worker included. */
const wholeProcess = (args, env = {}) => {
  const started = performance.now();
  execFileSync(process.execPath, ['--no-deprecation', ...args], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  return performance.now() - started;
};

async function startHost(dataDir) {
  const host = spawn(
    process.execPath,
    ['dist/host/host.cjs', '--no-open', '--port', String(port)],
    {
      env: {
        ...process.env,
        CSM_HOST_TOKEN: token,
        CSM_HOST_NAME: 'benchworkstation',
        CSM_HOST_DATA: dataDir,
        // The fake Lens of the pull benchmark listens on this machine (shared/lens.ts).
        CSM_LENS_LOOPBACK: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    host.stdout.on('data', (chunk) => String(chunk).includes('CSM Workstation') && resolve());
    host.on('exit', (code) => reject(new Error(`browser host exited with ${code}`)));
  });
  return host;
}

/** Opens the host's single-use link once and keeps the session cookie for every later context. */
async function signIn(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/?token=${token}`);
  await page.waitForURL(`${origin}/`);
  // The sign-in page leaves the session's key in the origin's storage: the state keeps it.
  await page.waitForFunction(() => localStorage.getItem('csm-session-key'));
  await mkdir('bench-results/.auth', { recursive: true });
  await context.storageState({ path: authState });
  await context.close();
}

/** A fresh profile (its own empty IndexedDB), signed in, past the first-run screen. */
async function freshProfile(browser, start = 'Start with an empty portfolio') {
  const context = await browser.newContext({ storageState: authState });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByLabel('Your name').fill('Bench');
  await page.getByRole('button', { name: start }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Imports' }).waitFor();
  return { context, page };
}

/** Portfolio rows on screen, waited for frame by frame. */
const portfolioRows = (page, n, timeout = 30_000) =>
  page.waitForFunction(
    (min) => document.querySelectorAll('[data-testid="portfolio-table"] tbody tr').length >= min,
    n,
    { polling: 'raf', timeout },
  );

/**
 * One import into a fresh profile, so it is a first import (new content hash, empty database): file
 * chosen → preview on screen (upload, parse in the host's worker, devices to the window), then the
 * Import click → report on screen (one transaction). Long tasks on the page are watched throughout.
 */
async function firstImport(browser, file) {
  const { context, page } = await freshProfile(browser);
  await page.goto(`${origin}/#/imports`);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) =>
      window.__longTasks.push(...list.getEntries().map((e) => e.duration)),
    ).observe({ type: 'longtask', buffered: false });
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import inventory…' }).click();
  const picked = await chooser;
  const started = Date.now();
  await picked.setFiles(file);
  await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
  const parsed = Date.now() - started;
  const button = page.getByRole('button', { name: /^Import [\d,]+ devices$/ });
  await button.waitFor();
  const committing = Date.now();
  await button.click();
  await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
  const committed = Date.now() - committing;
  const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
  return { context, page, parsed, committed, total: parsed + committed, longest };
}

/**
 * The floor of that import, in the same Chromium at the same origin: the file's bytes, decoded,
 * parsed by papaparse, every row mapped to a device object, and one IndexedDB transaction writing them
 * as 20 records of 5,000 devices (how the app keeps an inventory).
 */
async function browserFloor(browser, file) {
  const context = await browser.newContext({ storageState: authState, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${origin}/bench-floor`); // a page of this origin that loads nothing of the app
  await page.addScriptTag({ path: 'node_modules/papaparse/papaparse.min.js' });
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'floor-file';
    document.body.append(input);
    window.__floor = new Promise((resolve) =>
      input.addEventListener('change', async () => {
        const started = performance.now();
        const text = new TextDecoder().decode(await input.files[0].arrayBuffer());
        const [header, ...rows] = window.Papa.parse(text, { skipEmptyLines: true }).data;
        const at = (name) => header.findIndex((h) => h.replace(/^\uFEFF/, '') === name);
        const c = {
          name: at('Device Name'),
          model: at('Device Model'),
          serial: at('Serial Number'),
          mac: at('MAC Address'),
          version: at('Software Version'),
          status: at('Status'),
          detected: at('Last Detected'),
          site: at('Site'),
          room: at('Room'),
          account: at('Account'),
          accountId: at('Account ID'),
          deviceId: at('Device ID'),
        };
        const devices = rows.map((r) => ({
          id: r[c.serial],
          serial: r[c.serial],
          deviceId: r[c.deviceId],
          model: r[c.model],
          name: r[c.name],
          site: r[c.site],
          room: r[c.room],
          softwareVersion: r[c.version],
          online: r[c.status] === 'Online',
          lastDetected: r[c.detected],
          account: r[c.account],
          accountId: r[c.accountId],
          mac: r[c.mac],
          hardwareFamily: '',
        }));
        const db = await new Promise((done, fail) => {
          const open = indexedDB.open('floor', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('chunks', { keyPath: 'n' });
          open.onsuccess = () => done(open.result);
          open.onerror = () => fail(open.error);
        });
        await new Promise((done, fail) => {
          const tx = db.transaction('chunks', 'readwrite');
          const store = tx.objectStore('chunks');
          for (let n = 0; n * 5000 < devices.length; n++)
            store.put({ n, devices: devices.slice(n * 5000, (n + 1) * 5000) });
          tx.oncomplete = done;
          tx.onerror = () => fail(tx.error);
        });
        db.close();
        resolve(performance.now() - started);
      }),
    );
  });
  await page.setInputFiles('#floor-file', file);
  const ms = await page.evaluate(() => window.__floor);
  await context.close();
  return ms;
}

/** Clicks inside the page and waits there for `ready`: Playwright's own click and polling add ~0.5 s. */
const clickUntil = (page, clickSelector, linkText, readySelector, readyText) =>
  page.evaluate(
    ([selector, text, ready, wanted]) =>
      new Promise((resolve) => {
        const started = performance.now();
        const isReady = () => {
          const element = document.querySelector(ready);
          return element && (!wanted || element.textContent === wanted);
        };
        new MutationObserver((_, observer) => {
          if (!isReady()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        [...document.querySelectorAll(selector)]
          .find((e) => !text || e.textContent === text)
          .click();
      }),
    [clickSelector, linkText, readySelector, readyText],
  );

/** One keystroke in the device explorer: input event → the count shows the new result, painted. */
const keystroke = (page, value) =>
  page.evaluate(
    (text) =>
      new Promise((resolve) => {
        const input = document.querySelector('[data-testid="explorer-search"]');
        const count = document.querySelector('[data-testid="explorer-count"]');
        const before = count.textContent;
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (count.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        }).observe(count, { childList: true, characterData: true, subtree: true });
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    value,
  );

async function browserBenchmarks(browser, host) {
  if (want('lens')) await lensBenchmarks(browser, host);
  if (want('sync')) await syncBenchmarks(browser);
  if (want('first-run')) await firstRunBenchmarks(browser);
  if (want('imports')) await importBenchmarks(browser);
  if (want('portfolio') || want('planner')) await portfolioBenchmarks(browser);
}

/**
 * The growth planner: a growth typed (set as a user's input event) → its figures painted. One render
 * paints them all (next ordered, triggerAt, P(adjustment), the amounts, the chart's lines); next ordered
 * is watched because it changes with every growth, where P stays 0 % in a book growing as slowly as
 * the bench's (its recommended growth is 0).
 */
const plannerKeystroke = (page, growth) =>
  page.evaluate(
    (value) =>
      new Promise((resolve, reject) => {
        const planner = document.querySelector('[data-testid="growth-planner"]');
        const input = planner.querySelector('input[aria-label^="Next agreed growth to try"]');
        const figure = planner.querySelector('[data-field="nextOrdered"]');
        const before = figure.textContent;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (figure.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(figure, { childList: true, characterData: true, subtree: true });
        // A growth that leaves the figure as it was would never answer: say so instead of waiting.
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`next ordered did not change at growth ${value}: ${before}`));
        }, 5000);
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    String(growth),
  );

/**
 * Renewals of the 200-customer book (36 months each): click → every renewing contract's categories
 * forecast in the worker and the screen told so; then a growth typed in one contract's planner.
 */
async function plannerBenchmarks(context) {
  const forecastAll = [];
  const inWorker = [];
  const cards = [];
  const typed = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(`${origin}/#/portfolio`);
    await portfolioRows(page, 20);
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('navigation').getByRole('link', { name: 'Renewals' }).click();
    await page.getByTestId('renewal').first().waitFor({ timeout: 60_000 });
    cards.push((await nextFrame(page)) - clicked);
    await page.locator('[data-plans="ready"]').waitFor({ timeout: 60_000 });
    forecastAll.push((await nextFrame(page)) - clicked);
    // The last plan is every renewal's (the pipeline's live query may have answered twice).
    const worker = await page.evaluate(
      () => performance.getEntriesByName('growth plans: worker').at(-1)?.duration,
    );
    inWorker.push(worker);
    await page.getByRole('button', { name: 'Plan growth' }).first().click();
    await page.getByTestId('planner-outcome').waitFor();
    for (let k = 0; k < 6; k++) typed.push(await plannerKeystroke(page, 10 + (k % 2)));
    await page.close();
  }
  record(
    'renewals of 200 customers × 36 months: every history read and forecast in the worker',
    inWorker,
    {
      target: 2000,
    },
  );
  record(
    '  the same: click Renewals → the renewals painted, before any plan (no stated target)',
    cards,
  );
  record(
    '  the same: click Renewals → every renewal painted with its plan (no stated target)',
    forecastAll,
  );
  record(
    '  growth planner (36 months): a typed growth → its figures painted (its chart lines follow, deferred)',
    typed,
    {
      target: 50,
    },
  );
}

/** The host process's resident memory now, in MB (its worker threads included). */
async function residentMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * A Lens API pull of 100,000 devices from a fake Lens on loopback (pages of 1,000, every query
 * validated by graphql-js) into a stored snapshot, through the app as a user does it: Pull clicked →
 * preview → Import clicked → report. Each run in a fresh profile, so it is a first import; the host's
 * resident memory is sampled throughout.
 */
async function lensBenchmarks(browser, host) {
  const { startFakeLens, fakeDevices } = await import(
    `${process.cwd()}/${await bundle('test/support/fake-lens.ts', 'bench-results/fake-lens.mjs')}`
  );
  const lens = await startFakeLens({
    tenants: [
      {
        id: 'bench-tenant',
        name: 'Bench Tenant AB',
        devices: fakeDevices('bench-tenant', 100_000),
      },
    ],
  });
  const samples = { total: [], pulled: [], committed: [], memory: [] };
  try {
    for (let i = 0; i < importRuns; i++) {
      const { context, page } = await freshProfile(browser);
      if (i === 0) {
        const saved = await page.evaluate(
          (input) =>
            fetch('/api/saveLensConnection', {
              method: 'POST',
              // Every call carries the session's key the sign-in page left (main/host/sessions.ts).
              headers: {
                'Content-Type': 'application/json',
                'x-csm-session-key': localStorage.getItem('csm-session-key') ?? '',
              },
              body: JSON.stringify(input),
            }).then((r) => r.json()),
          {
            label: 'Bench',
            clientId: lens.clientId,
            clientSecret: lens.clientSecret,
            tokenUrl: lens.tokenUrl,
            apiUrl: lens.apiUrl,
            tenantIds: ['bench-tenant'],
          },
        );
        if (saved.ok !== true) throw new Error(`the bench's Lens connection: ${saved.error}`);
      }
      await page.goto(`${origin}/#/imports`);
      const pull = page.getByRole('button', { name: 'Pull Bench Tenant AB from Lens' });
      await pull.waitFor();
      let peak = await residentMb(host.pid);
      const sampler = setInterval(
        () => void residentMb(host.pid).then((mb) => (peak = Math.max(peak, mb))),
        50,
      );
      const started = Date.now();
      await pull.click();
      await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
      const pulled = Date.now() - started;
      const committing = Date.now();
      await page.getByRole('button', { name: /^Import [\d,]+ devices$/ }).click();
      await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
      const committed = Date.now() - committing;
      clearInterval(sampler);
      samples.total.push(pulled + committed);
      samples.pulled.push(pulled);
      samples.committed.push(committed);
      samples.memory.push(peak);
      await context.close();
    }
  } finally {
    await lens.close();
  }
  record(
    'Lens API pull of 100,000 devices into a stored snapshot: Pull clicked → report',
    samples.total,
    {
      target: 10_000,
    },
  );
  record(
    '  of which Pull clicked → preview on screen (token, 100 pages, CSV, parse)',
    samples.pulled,
  );
  record('  of which Import clicked → report on screen (one transaction)', samples.committed);
  record('  browser host peak resident memory during the pull', samples.memory, {
    unit: 'MB',
    target: 400,
  });
}

async function firstRunBenchmarks(browser) {
  // First run: name → Load demo portfolio → the portfolio painted (generated in a worker, one transaction).
  const firstRun = [];
  let demo;
  for (let i = 0; i < importRuns; i++) {
    await demo?.context.close();
    const context = await browser.newContext({ storageState: authState });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('Your name').fill('Bench');
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Load demo portfolio' }).click();
    await portfolioRows(page, 12, 60_000);
    firstRun.push((await nextFrame(page)) - started);
    demo = { context, page };
  }
  record(
    'first run: Load demo portfolio → painted portfolio (12 customers, one of 50k devices)',
    firstRun,
    {
      target: 5000,
    },
  );

  // Navigation → painted portfolio with the demo data, in a fresh tab each time (same profile).
  const painted = [];
  for (let i = 0; i < runs; i++) {
    const page = await demo.context.newPage();
    await page.goto(`${origin}/#/portfolio`);
    await portfolioRows(page, 12);
    painted.push(await nextFrame(page));
    await page.close();
  }
  record('navigation → painted portfolio (demo data)', painted, { target: 1500 });
  await demo.context.close();
}

async function importBenchmarks(browser) {
  // First imports, each into a fresh profile, against the in-browser floor (alternating).
  let kept = null;
  for (const [label, file, floored] of [
    ['100,000-row CSV', await benchCsv(100_000), true],
    ['200,000-row CSV', await benchCsv(200_000), true],
    ['100,000-row XLSX', await benchXlsx(100_000), false],
  ]) {
    const samples = { parsed: [], committed: [], total: [], longest: [], floor: [] };
    for (let i = 0; i < importRuns; i++) {
      if (floored) samples.floor.push(await browserFloor(browser, file));
      const run = await firstImport(browser, file);
      for (const key of ['parsed', 'committed', 'total', 'longest']) samples[key].push(run[key]);
      if (label === '100,000-row CSV' && i === importRuns - 1) kept = run;
      else await run.context.close();
    }
    record(
      `first import of a ${label} into a fresh profile: file chosen → stored snapshot`,
      samples.total,
      floored ? { floor: samples.floor, factor: 2 } : { target: 8000 },
    );
    record('  of which file chosen → preview on screen', samples.parsed);
    record('  of which Import clicked → report on screen (one transaction)', samples.committed);
    record('  longest renderer task during that import', samples.longest, { target: 200 });
  }

  // The kept profile has a customer with 100,000 devices: its dashboard, its devices, a keystroke.
  const overview = [];
  const devicesTab = [];
  const narrowKey = [];
  const broadKey = [];
  for (let i = 0; i < importRuns; i++) {
    const page = await kept.context.newPage();
    await page.goto(`${origin}/#/portfolio`);
    await page.getByTestId('portfolio-table').waitFor();
    await page.waitForTimeout(1500);
    overview.push(await clickUntil(page, 'a', 'Bench AB', '[data-testid="excluded-table"]', null));
    await page.waitForTimeout(500);
    devicesTab.push(
      await clickUntil(
        page,
        '[role="tab"]',
        'Devices',
        '[data-testid="explorer-count"]',
        '100,000 of 100,000 devices',
      ),
    );
    await page.locator('[data-testid="device-explorer"] tbody tr[data-serial]').first().waitFor();
    narrowKey.push(await keystroke(page, 'SN000001234'));
    await keystroke(page, '');
    broadKey.push(await keystroke(page, '1'));
    await page.close();
  }
  record(
    'customer dashboard, 100,000 devices: click in the portfolio → painted overview',
    overview,
    {
      target: 500,
    },
  );
  record('  devices tab: click → 100,000 devices ready and painted (no stated target)', devicesTab);
  record('  filter keystroke in the device explorer (narrow query)', narrowKey, { target: 100 });
  record('  filter keystroke in the device explorer (broad query, ~40k matches)', broadKey, {
    target: 100,
  });
  await kept.context.close();
}

async function portfolioBenchmarks(browser) {
  // A partner book of 200 customers with 36 months of snapshots, restored from a backup file.
  const { portfolioBackup } = await import(
    `${process.cwd()}/${await bundle('test/bench/portfolio-seed.ts', 'bench-results/portfolio-seed.mjs')}`
  );
  const seed = 'bench-results/data/portfolio-200x36.json';
  await mkdir('bench-results/data', { recursive: true });
  await writeFile(seed, JSON.stringify(portfolioBackup(200, 36, '2026-10')));
  const big = await freshProfile(browser);
  await big.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const chooser = big.page.waitForEvent('filechooser');
  await big.page.getByRole('button', { name: 'Restore…' }).click();
  await (await chooser).setFiles(seed);
  await big.page.getByRole('button', { name: 'Replace with backup' }).click();
  await big.page.getByText(/Restored \d+ records/).waitFor({ timeout: 120_000 });
  await big.page.close();
  if (want('planner')) await plannerBenchmarks(big.context);
  if (!want('portfolio')) return big.context.close();
  const bigPortfolio = [];
  const bigAll = [];
  const bigCold = [];
  for (let i = 0; i < runs; i++) {
    const page = await big.context.newPage();
    await page.goto(`${origin}/#/portfolio`);
    await portfolioRows(page, 200);
    bigCold.push(await nextFrame(page));
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.waitForTimeout(500);
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('navigation').getByRole('link', { name: 'Portfolio' }).click();
    await portfolioRows(page, 20);
    bigPortfolio.push((await nextFrame(page)) - clicked);
    await portfolioRows(page, 200);
    bigAll.push((await nextFrame(page)) - clicked);
    await page.close();
  }
  record(
    'portfolio of 200 customers × 36 months: click Portfolio → first screenful painted',
    bigPortfolio,
    {
      target: 300,
    },
  );
  record('  the same → all 200 rows painted', bigAll, { target: 1000 });
  record('  the same, cold page load → all rows painted', bigCold, { target: 1500 });
  await big.context.close();
}

/** `csm inspect` and `csm report` in their own processes, against their floors, and at twice the size. */
async function commandBenchmarks() {
  const csv = { 100_000: await benchCsv(100_000), 200_000: await benchCsv(200_000) };
  const inspect = {};
  for (const size of [100_000, 200_000]) {
    const samples = { time: [], memory: [], floor: [], floorMemory: [], whole: [], wholeFloor: [] };
    for (let i = 0; i < runs; i++) {
      const floor = child(['scripts/bench-floor.mjs', csv[size]]);
      const out = child(['scripts/bench-csm.mjs', 'inspect', csv[size], '--json']);
      samples.floor.push(floor.ms);
      samples.floorMemory.push(floor.maxRssMb);
      samples.time.push(out.ms);
      samples.memory.push(out.maxRssMb);
      // Issue 24's floor: both as whole processes, in turn.
      samples.wholeFloor.push(wholeProcess(['scripts/bench-floor.mjs', csv[size]]));
      samples.whole.push(
        wholeProcess(['bin/csm.mjs', 'inspect', csv[size], '--json'], { CSM_PREBUILT: '1' }),
      );
    }
    const name = `csm inspect ${size.toLocaleString('en')}-row CSV`;
    inspect[size] = {
      whole: record(`${name}: whole process (node bin/csm.mjs)`, samples.whole, {
        floor: samples.wholeFloor,
        factor: 1.6,
      }),
      time: record(`${name}: time in the process`, samples.time, {
        floor: samples.floor,
        factor: 1.6,
      }),
      memory: record(`${name}: peak memory`, samples.memory, {
        unit: 'MB',
        target: size === 100_000 ? 300 : null,
        floor: samples.floorMemory,
      }),
    };
  }
  const xlsx = [];
  const xlsxMemory = [];
  for (let i = 0; i < Math.min(3, runs); i++) {
    const out = child(['scripts/bench-csm.mjs', 'inspect', await benchXlsx(100_000), '--json']);
    xlsx.push(out.ms);
    xlsxMemory.push(out.maxRssMb);
  }
  record('csm inspect 100,000-row XLSX: time', xlsx, { target: 8000 });
  record('csm inspect 100,000-row XLSX: peak memory', xlsxMemory, { unit: 'MB', target: 500 });

  // The monthly workbook: stored data → report model → .xlsx on disk, against a bare exceljs writer of
  // the same cells (made before its clock starts) with the same widths and one style per column.
  const reportBench = await bundle('test/bench/report-bench.ts', 'bench-results/report-bench.mjs');
  const workbook = { time: [], memory: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    workbook.floor.push(child([reportBench, 'floor']).ms);
    const out = child([reportBench, 'one']);
    workbook.time.push(out.ms);
    workbook.memory.push(out.maxRssMb);
  }
  record('monthly workbook, one customer with 100,000 devices: time', workbook.time, {
    floor: workbook.floor,
    factor: 1.15,
  });
  record('monthly workbook, one customer with 100,000 devices: peak memory', workbook.memory, {
    unit: 'MB',
    target: 300,
  });
  const batch = [];
  for (let i = 0; i < Math.min(3, runs); i++) batch.push(child([reportBench, 'batch']).ms);
  record('monthly reports, 200 customers × 1,000 devices + portfolio workbook', batch, {
    target: 30000,
  });

  // `csm report` as a user runs it: register and export read, report written; and at twice the size.
  const register = await benchRegister();
  const report = {};
  for (const size of [100_000, 200_000]) {
    const time = [];
    const memory = [];
    for (let i = 0; i < Math.min(3, runs); i++) {
      const out = await mkdtemp(join(tmpdir(), 'csm-bench-report-'));
      const result = child([
        'scripts/bench-csm.mjs',
        'report',
        '--contracts',
        register,
        '--inventory',
        csv[size],
        '--month',
        '2026-10',
        '--out',
        out,
        '--json',
      ]);
      await rm(out, { recursive: true, force: true });
      time.push(result.ms);
      memory.push(result.maxRssMb);
    }
    const name = `csm report, one customer, ${size.toLocaleString('en')}-row export`;
    report[size] = {
      time: record(`${name}: time`, time),
      memory: record(`${name}: peak memory`, memory, { unit: 'MB' }),
    };
  }
  return { inspect, report };
}

/** What keeping every import's device list costs, 5 years × 200 customers × 1,000 devices. */
/** First line of a child's output, as JSON (the child keeps running). */
const firstJsonLine = (process) =>
  new Promise((resolve, reject) => {
    let text = '';
    process.stdout.on('data', (chunk) => {
      text += chunk;
      const line = text.split('\n')[0];
      if (text.includes('\n')) resolve(JSON.parse(line));
    });
    process.on('exit', (code) => reject(new Error(`the sync team exited with ${code}`)));
  });

/**
 * Team sync: a new workstation's first pull of 20,000 contracts with their related records (in
 * Chromium, through the browser host's main side, with the page's heap watched), a push of 1,000
 * edits, the incremental pull of them, and pushes per second from 50 clients against one and two
 * service instances in front of one PostgreSQL.
 */
async function syncBenchmarks(browser) {
  const teamScript = await bundle('test/bench/sync-team.ts', 'bench-results/sync-team.mjs');
  const loadScript = await bundle('test/bench/sync-load.ts', 'bench-results/sync-load.mjs');
  const team = spawn(process.execPath, ['--no-deprecation', teamScript], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const info = await firstJsonLine(team);
  const { context, page } = await freshProfile(browser);
  page.on('console', (m) => m.text().startsWith('PAGE') && console.log(m.text()));
  try {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    const form = page.getByTestId('team-sync-form');
    await form.getByLabel('Server address').fill(info.url);
    await form.getByLabel('Access token').fill(info.token);
    await page.evaluate(() => {
      window.__peakHeap = performance.memory.usedJSHeapSize;
      window.__heapTimer = setInterval(() => {
        window.__peakHeap = Math.max(window.__peakHeap, performance.memory.usedJSHeapSize);
      }, 100);
    });
    const before = await page.evaluate(() => performance.memory.usedJSHeapSize);
    const started = Date.now();
    await form.getByRole('button', { name: 'Connect' }).click();
    const connected = page.getByTestId('team-sync-connected');
    await connected.and(page.locator('[data-last-sync^="20"]')).waitFor({ timeout: 300_000 });
    const firstPull = Date.now() - started;
    const peak = await page.evaluate(() => {
      clearInterval(window.__heapTimer);
      return window.__peakHeap;
    });
    record(
      `team sync: first pull, 20,000 contracts + customers, true-ups, time (${info.records.toLocaleString('en')} records)`,
      [firstPull],
      { target: 30_000 },
    );
    record('  page heap before → peak during it', [(peak - before) / 2 ** 20], { unit: 'MB' });

    const pushed = child([loadScript, info.url, info.database, info.token, 'edits']);
    record('team sync: push of 1,000 edits (two batches)', [pushed.pushMs], { target: 10_000 });
    const last = await connected.getAttribute('data-last-sync');
    const pullStarted = Date.now();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page
      .locator(`[data-testid="team-sync-connected"]:not([data-last-sync="${last}"])`)
      .waitFor({
        timeout: 60_000,
      });
    record('team sync: incremental pull of those 1,000 changes', [Date.now() - pullStarted], {
      target: 5_000,
    });

    for (const [mode, label] of [
      ['one', 'one service instance'],
      ['two', 'two service instances, one PostgreSQL'],
    ]) {
      const load = child([loadScript, info.url, info.database, info.token, mode]);
      record(
        `team sync: 50 clients pushing, ${label}: ${Math.round(load.pushesPerSecond)} pushes/s (${load.failures} failed); time per push`,
        [1000 / load.pushesPerSecond],
        { target: 20 },
      );
    }
  } finally {
    await context.close();
    team.stdin.end();
    await new Promise((resolve) => team.once('exit', resolve));
  }
}

async function deviceListStorage() {
  const out = child([
    await bundle('test/bench/device-list-bench.ts', 'bench-results/device-list-bench.mjs'),
  ]);
  record('device lists, 200 customers × 1,000 devices × 60 months: stored', [out.storedMb], {
    unit: 'MB',
    floor: [out.completeEveryMonthMb],
    factor: 0.5,
  });
  record('  the same, gzipped as sent between workstations', [out.gzipMb], { unit: 'MB' });
  record('  reading back the deepest month (11 diffs)', [out.deepestReadMs]);
}

await mkdir('bench-results', { recursive: true });
const hostData = await mkdtemp(join(tmpdir(), 'csm-bench-host-'));
const host = await startHost(hostData);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  await signIn(browser);
  await browserBenchmarks(browser, host);
} finally {
  await browser.close();
  host.kill();
  await rm(hostData, { recursive: true, force: true });
}
const linear = want('commands') ? await commandBenchmarks() : null;
if (want('device-lists')) await deviceListStorage();
const accuracy = want('forecast') ? await forecastAccuracy() : null;

// Twice the rows should cost about twice the time and no more than twice the memory.
const doubling = (name, small, large) =>
  results.push({
    name: `  linearity, ${name}: 200,000 ÷ 100,000`,
    median: large.median / small.median,
    min: large.min / small.max,
    max: large.max / small.min,
    runs: Math.min(large.runs, small.runs),
    unit: '×',
    floor: null,
    factor: null,
    target: 2.3,
  });
if (linear) {
  doubling('csm inspect time', linear.inspect[100_000].time, linear.inspect[200_000].time);
  doubling('csm inspect memory', linear.inspect[100_000].memory, linear.inspect[200_000].memory);
  doubling('csm report time', linear.report[100_000].time, linear.report[200_000].time);
  doubling('csm report memory', linear.report[100_000].memory, linear.report[200_000].memory);
}

const pad = (text, width) => String(text).padEnd(width);
const figure = (value, unit) =>
  unit === '×' ? `${value.toFixed(2)} ×` : `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
console.log(
  [
    `${pad('benchmark', 92)} ${pad('median', 10)} ${pad('min', 8)} ${pad('max', 8)} ${pad('floor', 10)} ${pad('×floor', 7)} ${pad('target', 16)} ratio`,
    ...results.map((r) =>
      [
        pad(r.name, 92),
        pad(figure(r.median, r.unit), 10),
        pad(r.min.toFixed(r.unit === '×' ? 2 : 0), 8),
        pad(r.max.toFixed(r.unit === '×' ? 2 : 0), 8),
        pad(r.floor === null ? '–' : figure(r.floor, r.unit), 10),
        pad(r.floor === null ? '–' : (r.median / r.floor).toFixed(2), 7),
        pad(
          r.target === null
            ? '–'
            : r.factor !== null
              ? `≤ ${r.factor} × floor`
              : `≤ ${r.unit === '×' ? r.target.toFixed(1) : r.target}`,
          16,
        ),
        r.target === null ? '–' : (r.median / r.target).toFixed(2),
      ].join(' '),
    ),
  ].join('\n'),
);
if (accuracy) printAccuracy(accuracy);
await writeFile(
  'bench-results/latest.json',
  JSON.stringify({ at: new Date().toISOString(), results, forecastAccuracy: accuracy }, null, 2),
);
if (results.some((r) => r.target !== null && r.median > r.target)) {
  console.log('\nSome figures miss their target (ratio > 1).');
  process.exitCode = 1;
}
