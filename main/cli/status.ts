/**
 * `csm status --contracts REGISTER --inventory FILE… --month YYYY-MM [--as-of DATE]
 * [--eol-register FILE] [--json]`: each
 * contract and category against the inventories (FORMATS.md §3), through the same register reader,
 * inventory parser and shared/ rules as the app.
 */
import { basename } from 'node:path';
import { createCatalog, SHIPPED_CATALOG_ENTRIES } from '../../shared/catalog';
import { problemMessage, type ParsedRegister } from '../../shared/contracts/register';
import {
  statusDocument,
  type InventoryFile,
  type StatusDocument,
} from '../../shared/reports/status';
import { localToday } from '../../shared/terms/dates';
import { IMPORT_LIMITS, readInventory } from '../services/inventory/parse';
import { parseRegisterFile } from '../services/register';
import { readEolRegisterOption } from './eol-register';
import { named, readInput } from './files';

export interface StatusInput {
  contracts: string;
  inventories: readonly string[];
  month: string;
  asOf: string | undefined;
  /** The partner's end-of-life register file (--eol-register), whose dates the counts use. */
  eolRegister?: string | undefined;
}

export interface StatusResult {
  document: StatusDocument & {
    problems: { row: number; column: string | null; message: string }[];
  };
  register: ParsedRegister;
}

/** The register and the inventories a command reads, and the as-of date they are counted on. */
export async function readRegisterAndInventories(input: Omit<StatusInput, 'month'>) {
  const register = await named(input.contracts, async () =>
    parseRegisterFile(
      await readInput(input.contracts, IMPORT_LIMITS.bytes),
      basename(input.contracts),
      'SEK',
    ),
  );
  const eolRegister = await readEolRegisterOption(input.eolRegister);
  const parsed = [];
  for (const path of input.inventories)
    parsed.push(
      await named(path, async () =>
        readInventory(await readInput(path, IMPORT_LIMITS.bytes), {
          fileName: basename(path),
          asOf: input.asOf,
          locale: Intl.DateTimeFormat().resolvedOptions().locale,
          today: localToday(),
          eolRegister,
        }),
      ),
    );
  const files: InventoryFile[] = parsed.map((p) => ({ asOf: p.asOf, devices: p.devices }));
  return { register, files, catalog: createCatalog(SHIPPED_CATALOG_ENTRIES, [], eolRegister) };
}

export async function computeStatus(input: StatusInput): Promise<StatusResult> {
  const { register, files, catalog } = await readRegisterAndInventories(input);
  const document = statusDocument(input.month, register.contracts, files, catalog);
  return {
    register,
    document: {
      ...document,
      problems: register.problems.map((p) => ({
        row: p.row,
        column: p.column,
        message: problemMessage(p),
      })),
    },
  };
}

/** How many devices are not counted for what Lens says of them, and the first of them. */
function notCountedLines(c: StatusDocument['contracts'][number]): string[] {
  if (c.notCounted.length === 0) return [];
  const stale = c.notCounted.filter((d) => d.reason === 'stale').length;
  const rule = c.staleDays === null ? '' : ` (not seen for more than ${c.staleDays} days)`;
  return [
    `  not counted: ${stale} stale${rule}, ${c.notCounted.length - stale} deleted or archived in Lens`,
    ...c.notCounted
      .slice(0, 50)
      .map(
        (d) => `    ${d.reason}: ${d.id} (${d.model}), last detected ${d.lastDetected ?? 'never'}`,
      ),
  ];
}

export function humanStatus({ document }: StatusResult): string {
  const lines = [`month ${document.month}, inventory as of ${document.asOf ?? 'none'}`];
  for (const c of document.contracts) {
    lines.push(
      '',
      `${c.contractId} ${c.customer} (${c.currency}): term ${c.termStart} – ${c.termEnd}, adjustment ${c.adjustmentMonth}, renewal ${c.renewalDate}, ${c.devices} devices`,
      ...notCountedLines(c),
    );
    for (const k of c.categories) {
      const trueUp = k.trueUp
        ? `, true-up ${k.trueUp.projected ? '(projected) ' : ''}${k.trueUp.added} added × ${k.trueUp.monthsCharged} months = ${k.trueUp.amount} ${c.currency}`
        : '';
      lines.push(
        `  ${k.category.padEnd(8)} ordered ${k.ordered}, baseline ${k.baseline}, triggerAt ${k.triggerAt}, count ${k.count}: ${k.status}${k.action ? ` (${k.action})` : ''}${trueUp}`,
      );
    }
  }
  if (document.unmatched.length > 0) {
    lines.push('', 'accounts matching no contract:');
    for (const u of document.unmatched)
      lines.push(`  ${JSON.stringify(u.account)}: ${u.devices} devices`);
  }
  if (document.problems.length > 0) {
    lines.push('', 'register problems (those contracts are left out):');
    for (const p of document.problems) lines.push(`  ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}
