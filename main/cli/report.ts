/**
 * `csm report --contracts REGISTER --inventory FILE… --month YYYY-MM --out DIR`: the monthly report
 * workbook of every contract's customer and the portfolio workbook, written into DIR (FORMATS.md §3).
 * The same report model, layout and writer as the app; files are written atomically and an existing
 * file is never replaced unless --force says so.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lensAccountsOf, problemMessage } from '../../shared/contracts/register';
import { safeFileName } from '../../shared/files';
import { summarizeInventory } from '../../shared/inventory/summary';
import type { Contract, Customer, InventorySnapshot } from '../../shared/model/entities';
import {
  monthlyReport,
  type MonthlyReport,
  type ReportLanguage,
} from '../../shared/reports/monthly';
import { monthlyWorkbook } from '../../shared/reports/monthly-layout';
import { portfolioWorkbook } from '../../shared/reports/portfolio-layout';
import { contractDevices, devicesAsOf } from '../../shared/reports/status';
import { addMonthsToMonth, lastDayOfMonth, localToday } from '../../shared/terms/dates';
import { readLogo } from '../../shared/reports/logo';
import { dictionary } from '../../shared/i18n';
import { DEFAULT_BRAND } from '../../shared/terms/settings';
import { writeFileAtomic } from '../services/atomic-write';
import { UnusableFileError } from '../services/inventory/errors';
import { buildExport } from '../services/export-file';
import { readRegisterAndInventories } from './status';

export interface ReportInput {
  contracts: string;
  inventories: readonly string[];
  month: string;
  asOf: string | undefined;
  /** The partner's end-of-life register file (--eol-register), whose dates the counts use. */
  eolRegister?: string | undefined;
  out: string;
  language: ReportLanguage;
  isForced: boolean;
  /** The partner's name and logo (a data: URL) on the first page; none where not given. */
  brand?: { name: string; logo: string };
  /** Each customer's report also as a PDF beside its workbook. */
  hasPdf?: boolean;
}

export interface ReportResult {
  files: string[];
  problems: string[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function memoise<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key) as T;
  };
}

/** `--partner` and `--logo`: the logo checked as the app checks a picked one, refused with the reason. */
export async function reportBrand(
  name: string | undefined,
  logoFile: string | undefined,
): Promise<{ name: string; logo: string }> {
  if (!logoFile) return { name: name ?? '', logo: '' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(logoFile));
  } catch {
    throw new UnusableFileError(`--logo ${logoFile} cannot be read`);
  }
  const logo = readLogo(bytes);
  if ('problem' in logo)
    throw new UnusableFileError(
      `--logo ${logoFile}: ${dictionary('en').firstPage.logoProblems[logo.problem]}`,
    );
  return { name: name ?? '', logo: logo.dataUrl };
}

/** The reports of a register's contracts against the inventories, one per contract. */
export async function registerReports(
  input: Omit<ReportInput, 'out' | 'isForced'>,
): Promise<{ reports: MonthlyReport[]; problems: string[] }> {
  const { register, files, catalog } = await readRegisterAndInventories(input);
  const generatedAt = new Date().toISOString();
  const dates = [...new Set(files.map((f) => f.asOf))].sort();
  const { current, previous } = {
    current: lastDayOfMonth(input.month),
    previous: lastDayOfMonth(addMonthsToMonth(input.month, -1)),
  };
  // What the files held on a day is the same for every contract; each contract's share once per day.
  const onDay = memoise((day: string) => devicesAsOf(files, day));
  const reports = register.contracts.map((entry, c) => {
    const id = `register-${c + 1}`;
    const devicesOn = memoise((day: string) => {
      const at = onDay(day);
      return at.asOf === null ? null : contractDevices(entry, at.devices);
    });
    const customer: Customer = {
      id,
      name: entry.customer,
      masterAccountId: entry.masterAccountId,
      country: 'SE',
      lensAccounts: lensAccountsOf(entry),
      csm: '',
      accountManager: '',
      isArchived: false,
    };
    const contract: Contract = {
      ...entry.contract,
      id,
      customerId: id,
      tam: false,
      professionalServicesDiscountPct: 0,
      isEcps: false,
      isArchived: false,
    };
    // One snapshot per inventory date: what each account's latest file on or before it held, counted
    // by the register's stale rule (TERMS.md §12).
    const snapshots = dates.map((asOf): InventorySnapshot => ({
      id: `${id}:${asOf}`,
      customerId: id,
      importId: null,
      asOf,
      month: asOf.slice(0, 7),
      summary: summarizeInventory(
        devicesOn(asOf) ?? [],
        catalog,
        asOf,
        entry.contract.staleDays ?? null,
      ),
      added: 0,
      removed: 0,
    }));
    return monthlyReport({
      month: input.month,
      generatedAt,
      brand: {
        ...(input.brand ?? { name: '', logo: '' }),
        primaryColor: DEFAULT_BRAND.primaryColor,
      },
      customer,
      contract,
      trueUps: [],
      snapshots,
      devices: devicesOn(current),
      previousDevices: devicesOn(previous),
      catalog,
      rmas: [],
      timeEntries: [],
      cases: [],
      incidents: [],
      note: '',
      today: localToday(),
    });
  });
  return { reports, problems: register.problems.map(problemMessage) };
}

export async function writeReports(
  input: ReportInput,
  onFile?: (path: string) => void,
): Promise<ReportResult> {
  const { reports, problems } = await registerReports(input);
  await mkdir(input.out, { recursive: true });
  const named = reports.flatMap((report) => {
    const base = safeFileName(
      `${report.customer.name} ${report.contract?.number ?? ''} ${input.month}`,
    );
    const spec = monthlyWorkbook(report, input.language);
    return [
      { path: join(input.out, `${base}.xlsx`), spec },
      ...(input.hasPdf ? [{ path: join(input.out, `${base}.pdf`), spec }] : []),
    ];
  });
  named.push({
    path: join(input.out, safeFileName(`portfolio ${input.month}.xlsx`)),
    spec: portfolioWorkbook(reports, input.month, input.language, input.brand?.name ?? ''),
  });
  if (!input.isForced)
    for (const { path } of named)
      if (await exists(path))
        throw new UnusableFileError(`${path} exists already; use --force to replace it`);
  const files: string[] = [];
  for (const { path, spec } of named) {
    await writeFileAtomic(path, await buildExport(path, spec));
    files.push(path);
    onFile?.(path);
  }
  return { files, problems };
}
