/**
 * The `csm` command (FORMATS.md §3). Exit 0 when the work ran, 2 on unusable input or arguments with one
 * clear line on stderr. The commands run the same shared/ and main/services code as the app.
 */
import { resolve } from 'node:path';
import { allowsLoopback, lensEndpointProblem } from '../../shared/lens-endpoint';
import { terminalText } from '../../shared/terminal-text';
import { isCalendarDate, isCalendarMonth, localToday } from '../../shared/terms/dates';
import { isCappedCommand, runCapped, serveCappedCommand } from './capped';
import { parseOptions, UsageError, type Options, type Output } from './options';
import { messageOf } from '../../shared/errors';

const USAGE = `usage: csm <command> [options]

commands:
  inspect FILE [--as-of YYYY-MM-DD] [--stale-days N] [--json]
      read a Lens inventory export (CSV or XLSX) and print what it holds: format, encoding,
      separator, rows, devices, duplicates, rejected rows, counts per category, excluded devices,
      unknown models and accounts; with --stale-days, devices not seen for more than N days
      before the as-of date are not counted and are listed with their last detection
  status --contracts REGISTER --inventory FILE [--inventory FILE…] --month YYYY-MM
         [--as-of YYYY-MM-DD] [--eol-register FILE] [--json]
      each contract of a contract register (CSV or XLSX), each category, against the Lens
      inventories: ordered, baseline, triggerAt, count, status and the true-up; accounts that
      match no contract are listed
  plan --contracts REGISTER --inventory FILE [--inventory FILE…] --month YYYY-MM
       [--as-of YYYY-MM-DD] [--eol-register FILE] [--json]
      each contract's growth plan per category (TERMS.md §11): month-end history, forecast with
      80 % and 95 % intervals to the next term's end, the method and its backtest error, expected
      additions, recommended growth, P(adjustment), up-front and expected mid-term amounts
  report --contracts REGISTER --inventory FILE [--inventory FILE…] --month YYYY-MM --out DIR
         [--as-of YYYY-MM-DD] [--language en|sv] [--partner NAME] [--logo FILE.png|.jpg]
         [--eol-register FILE] [--pdf] [--force] [--json]
      the monthly report workbook of every contract's customer and the portfolio workbook,
      written into DIR (existing files are only replaced with --force); prints the paths;
      --eol-register: the partner's end-of-life register (CSV or XLSX) the counts use
      the first page carries the partner's name and logo where given; --pdf: each customer's
      report also as a PDF beside its workbook (its first page and summary sheets)
  lens-pull --tenant ID [--out FILE.csv] [--force] [--json] [--token-url URL] [--api-url URL]
      pull one tenant's devices from the Poly Lens API (credentials in LENS_CLIENT_ID and
      LENS_CLIENT_SECRET), print what inspect prints for them, and write them as a Lens
      API-dialect CSV into FILE (an existing file is only replaced with --force)
  sync-admin migrate --database URL [--json]
  sync-admin add-user --database URL --name NAME --email EMAIL
             --role admin|csm|account-manager|read-only [--expires YYYY-MM-DD] [--json]
  sync-admin revoke-user --database URL --email EMAIL [--json]
  sync-admin list-users --database URL [--json]
  sync-admin set-role --database URL --email EMAIL
             --role admin|csm|account-manager|read-only [--json]
      create or upgrade the team database's schema; add a user (prints the access token once;
      --expires: it works through that day, UTC); end a user's access; list the users (role,
      last seen, expiry or revocation); give a user another role. The last admin is neither
      revoked nor demoted. URL is a PostgreSQL connection string (or CSM_SYNC_DATABASE)
  sync-server --database URL [--port 4700] [--host 127.0.0.1] [--tls-cert FILE --tls-key FILE]
      serve team sync; prints "CSM sync server: URL" when ready, stops cleanly on SIGTERM
  demo --out DIR [--as-of YYYY-MM-DD] [--json]
      write the demo partner book as the files users bring: Lens inventory exports in several
      dialects (CSV comma/semicolon/tab, UTF-8/Windows-1252/UTF-16, XLSX) and a contract register
`;

async function inspectCommand(args: readonly string[], stdout: Output): Promise<number> {
  const [file, ...rest] = args;
  if (!file || file.startsWith('--')) throw new UsageError('inspect needs a FILE');
  const options = parseOptions(rest, ['as-of', 'stale-days'], ['json']);
  const asOf = options.get('as-of');
  if (asOf !== undefined && !isCalendarDate(asOf))
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, not ${asOf}`);
  const staleDays = options.get('stale-days');
  if (staleDays !== undefined && !/^[1-9]\d{0,8}$/.test(staleDays))
    throw new UsageError(`--stale-days must be a whole number of days from 1, not ${staleDays}`);
  // Each command loads its own code: reading a CSV never loads the workbook writer.
  const { inspect } = await import('./inspect');
  await inspect(
    file,
    asOf,
    staleDays === undefined ? null : Number(staleDays),
    options.has('json'),
    (text) => stdout.write(text),
  );
  return 0;
}

/** `status` and `plan` read the same files. */
async function statusCommand(
  command: 'status' | 'plan',
  args: readonly string[],
  stdout: Output,
): Promise<number> {
  const options = parseOptions(
    args,
    ['contracts', 'inventory', 'month', 'as-of', 'eol-register'],
    ['json'],
    ['inventory'],
  );
  const contracts = options.get('contracts');
  if (!contracts) throw new UsageError(`${command} needs --contracts REGISTER`);
  const inventories = options.all('inventory');
  if (inventories.length === 0)
    throw new UsageError(`${command} needs at least one --inventory FILE`);
  const month = options.get('month');
  if (!month || !isCalendarMonth(month))
    throw new UsageError(`${command} needs --month YYYY-MM${month ? `, not ${month}` : ''}`);
  const asOf = options.get('as-of');
  if (asOf !== undefined && !isCalendarDate(asOf))
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, not ${asOf}`);
  const input = { contracts, inventories, month, asOf, eolRegister: options.get('eol-register') };
  if (command === 'plan') {
    const { computePlan, humanPlan } = await import('./plan');
    const plan = await computePlan(input);
    stdout.write(
      options.has('json')
        ? `${JSON.stringify({ month, contracts: plan })}\n`
        : humanPlan(month, plan),
    );
    return 0;
  }
  const { computeStatus, humanStatus } = await import('./status');
  const result = await computeStatus(input);
  if (!options.has('json')) stdout.write(humanStatus(result));
  else {
    const { computePlan } = await import('./plan');
    const plan = await computePlan(input);
    stdout.write(`${JSON.stringify({ ...result.document, plan })}\n`);
  }
  return 0;
}

async function reportCommand(args: readonly string[], stdout: Output): Promise<number> {
  const options = parseOptions(
    args,
    [
      'contracts',
      'inventory',
      'month',
      'as-of',
      'out',
      'language',
      'partner',
      'logo',
      'eol-register',
    ],
    ['json', 'force', 'pdf'],
    ['inventory'],
  );
  const contracts = options.get('contracts');
  if (!contracts) throw new UsageError('report needs --contracts REGISTER');
  const inventories = options.all('inventory');
  if (inventories.length === 0) throw new UsageError('report needs at least one --inventory FILE');
  const month = options.get('month');
  if (!month || !isCalendarMonth(month))
    throw new UsageError(`report needs --month YYYY-MM${month ? `, not ${month}` : ''}`);
  const out = options.get('out');
  if (!out) throw new UsageError('report needs --out DIR');
  const asOf = options.get('as-of');
  if (asOf !== undefined && !isCalendarDate(asOf))
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, not ${asOf}`);
  const language = options.get('language') ?? 'en';
  if (language !== 'en' && language !== 'sv')
    throw new UsageError(`--language must be en or sv, not ${language}`);
  const { writeReports, reportBrand } = await import('./report');
  const result = await writeReports({
    contracts,
    inventories,
    month,
    asOf,
    eolRegister: options.get('eol-register'),
    out: resolve(out),
    language,
    brand: await reportBrand(options.get('partner'), options.get('logo')),
    isForced: options.has('force'),
    hasPdf: options.has('pdf'),
  });
  stdout.write(
    options.has('json')
      ? `${JSON.stringify(result)}\n`
      : `${[...result.files, ...result.problems.map((p) => `register problem (contract left out): ${p}`)].join('\n')}\n`,
  );
  return 0;
}

async function lensPullCommand(args: readonly string[], stdout: Output): Promise<number> {
  const options = parseOptions(args, ['tenant', 'out', 'token-url', 'api-url'], ['json', 'force']);
  const tenant = options.get('tenant');
  if (!tenant) throw new UsageError('lens-pull needs --tenant ID');
  for (const name of ['token-url', 'api-url']) {
    const value = options.get(name);
    const problem =
      value === undefined ? null : lensEndpointProblem(value, allowsLoopback(process.env));
    if (problem) throw new UsageError(`--${name}: ${problem}`);
  }
  const out = options.get('out');
  const { lensPull } = await import('./lens-pull');
  await lensPull(
    {
      tenant,
      out: out === undefined ? undefined : resolve(out),
      isForced: options.has('force'),
      asJson: options.has('json'),
      tokenUrl: options.get('token-url'),
      apiUrl: options.get('api-url'),
      env: process.env,
    },
    (text) => stdout.write(text),
  );
  return 0;
}

function databaseOf(options: Options): string {
  const database = options.get('database') ?? process.env['CSM_SYNC_DATABASE'];
  if (!database) throw new UsageError('--database URL is needed (or CSM_SYNC_DATABASE)');
  return database;
}

async function syncAdminCommand(args: readonly string[], stdout: Output): Promise<number> {
  const [action, ...rest] = args;
  if (
    action !== 'migrate' &&
    action !== 'add-user' &&
    action !== 'revoke-user' &&
    action !== 'list-users' &&
    action !== 'set-role'
  )
    throw new UsageError('sync-admin needs migrate, add-user, revoke-user, list-users or set-role');
  const options = parseOptions(rest, ['database', 'name', 'email', 'role', 'expires'], ['json']);
  const { syncAdmin } = await import('./sync');
  await syncAdmin(
    action,
    {
      database: databaseOf(options),
      name: options.get('name'),
      email: options.get('email'),
      role: options.get('role'),
      expires: options.get('expires'),
      asJson: options.has('json'),
    },
    (text) => stdout.write(text),
  );
  return 0;
}

async function syncServerCommand(args: readonly string[], stdout: Output): Promise<number> {
  const options = parseOptions(args, ['database', 'port', 'host', 'tls-cert', 'tls-key'], []);
  const port = Number(options.get('port') ?? 4700);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0 to 65535, not ${options.get('port')}`);
  const cert = options.get('tls-cert');
  const key = options.get('tls-key');
  if (Boolean(cert) !== Boolean(key)) throw new UsageError('--tls-cert and --tls-key go together');
  const { syncServer } = await import('./sync');
  await syncServer(
    {
      database: databaseOf(options),
      port,
      host: options.get('host') ?? '127.0.0.1',
      ...(cert && key ? { tls: { cert, key } } : {}),
    },
    (text) => stdout.write(text),
  );
  return 0;
}

async function demo(args: readonly string[], stdout: Output): Promise<number> {
  const options = parseOptions(args, ['out', 'as-of'], ['json']);
  const out = options.get('out');
  if (!out) throw new UsageError('demo needs --out DIR');
  const asOf = options.get('as-of') ?? localToday();
  if (!isCalendarDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not ${asOf}`);
  const [{ generateDemoPortfolio }, { writeDemoFiles }] = await Promise.all([
    import('../../shared/demo/generate'),
    import('../services/demo-files'),
  ]);
  const files = await writeDemoFiles(resolve(out), generateDemoPortfolio(asOf));
  stdout.write(
    options.has('json') ? `${JSON.stringify({ asOf, files })}\n` : `${files.join('\n')}\n`,
  );
  return 0;
}

/** Writes what a command prints with the file-borne control characters made visible. */
const safe = (output: Output): Output => ({ write: (text) => output.write(terminalText(text)) });

export async function run(
  argv: readonly string[],
  rawStdout: Output,
  rawStderr: Output,
): Promise<number> {
  const [command, ...args] = argv;
  const stdout = safe(rawStdout);
  const stderr = safe(rawStderr);
  try {
    if (command === 'demo') return await demo(args, stdout);
    if (command === 'inspect') return await inspectCommand(args, stdout);
    if (command === 'status' || command === 'plan')
      return await statusCommand(command, args, stdout);
    if (command === 'report') return await reportCommand(args, stdout);
    if (command === 'lens-pull') return await lensPullCommand(args, stdout);
    if (command === 'sync-admin') return await syncAdminCommand(args, stdout);
    if (command === 'sync-server') return await syncServerCommand(args, stdout);
    if (command === undefined || command === '--help' || command === 'help') {
      stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command ${command} (csm --help lists the commands)`);
  } catch (error) {
    stderr.write(`csm: ${messageOf(error)}\n`);
    return 2;
  }
}

/** The process entry (bin/csm.mjs): commands that read users' files run in a capped worker. */
export function main(argv: readonly string[]): Promise<number> {
  return isCappedCommand(argv)
    ? runCapped(__filename, argv, process.stdout, process.stderr)
    : run(argv, process.stdout, process.stderr);
}

serveCappedCommand(run);
