/**
 * The contract register (FORMATS.md §2): one row per contract and category. Columns are found by name
 * (English or Swedish, ignoring case, spaces, `_`, `-` and `.`); rows of one contract must agree on the
 * contract's fields. Reading (./register-read) gives contracts and every problem with its row and
 * column; writing gives the rows back, so that exporting then importing changes nothing.
 */
import { headerKey } from '../inventory/aliases';
import type { Contract, Customer } from '../model/entities';
import { adjustmentMonth } from '../terms/term';
import { draftOf, type ContractTerms } from './draft';
import { issueMessage, type ContractIssue } from './issues';

export const REGISTER_COLUMNS = {
  contractId: ['Contract ID', 'Contract Number', 'Avtals-ID', 'Avtalsnummer'],
  customer: ['Customer', 'Customer Name', 'Kund', 'Kundnamn'],
  masterAccountId: ['Master Account ID', 'Huvudkonto-ID', 'Huvudkonto'],
  /** Several accounts are separated by semicolons. */
  lensAccount: ['Lens Account', 'Lens Tenant', 'Lens-konto'],
  termStart: ['Term Start', 'Start Date', 'Avtalsstart', 'Startdatum'],
  termMonths: ['Term Months', 'Term', 'Löptid', 'Löptid (månader)', 'Månader'],
  currency: ['Currency', 'Valuta'],
  category: ['Category', 'Kategori'],
  installedAtStart: ['Installed At Start', 'Installerade vid start'],
  agreedGrowth: ['Agreed Growth', 'Avtalad tillväxt'],
  unitPrice: ['Unit Price', 'Enhetspris', 'Pris per enhet'],
  baselinePct: ['Baseline %', 'Baseline', 'Baslinje %'],
  adjustmentMonth: ['Adjustment Month', 'Justeringsmånad'],
  blocksPerMonth: ['CSM Blocks Per Month', 'CSM Blocks', 'CSM-block per månad'],
  rmaPct: ['RMA %', 'RMA'],
  /** Blank: no stale rule (TERMS.md §12). */
  staleDays: ['Stale Days', 'Inaktiv efter dagar'],
} as const;
export type RegisterColumn = keyof typeof REGISTER_COLUMNS;

/** The header each column is written with: the first alias. */
export const REGISTER_HEADERS = Object.values(REGISTER_COLUMNS).map((aliases) => aliases[0]);
const COLUMN_KEYS = Object.keys(REGISTER_COLUMNS) as RegisterColumn[];
const REQUIRED: RegisterColumn[] = [
  'contractId',
  'customer',
  'termStart',
  'category',
  'installedAtStart',
  'unitPrice',
];

const COLUMN_BY_KEY = new Map<string, RegisterColumn>(
  COLUMN_KEYS.flatMap((column) =>
    REGISTER_COLUMNS[column].map((alias) => [headerKey(alias), column] as const),
  ),
);

/** Where each register column is in a header row; the columns it lacks that are required. */
export function registerMapping(headers: readonly string[]): {
  mapping: Partial<Record<RegisterColumn, number>>;
  missing: RegisterColumn[];
} {
  const mapping: Partial<Record<RegisterColumn, number>> = {};
  headers.forEach((header, i) => {
    const column = COLUMN_BY_KEY.get(headerKey(header));
    if (column && mapping[column] === undefined) mapping[column] = i;
  });
  return { mapping, missing: REQUIRED.filter((c) => mapping[c] === undefined) };
}

/** One contract as the register describes it, with its customer's fields and the rows it came from. */
export interface RegisterContract {
  contract: ContractTerms;
  customer: string;
  masterAccountId: string;
  lensAccount: string;
  rows: number[];
}

export interface RegisterProblem {
  row: number;
  /** The column's header as written in the file; null for the row or contract as a whole. */
  column: string | null;
  issue: ContractIssue;
}

export interface ParsedRegister {
  contracts: RegisterContract[];
  problems: RegisterProblem[];
  /** Contract numbers refused because of a problem in one of their rows. */
  refused: string[];
  rows: number;
}

/** The Lens accounts a register row names (several are separated by semicolons). */
export function lensAccountsOf(entry: Pick<RegisterContract, 'lensAccount'>): string[] {
  return entry.lensAccount
    .split(';')
    .map((account) => account.trim())
    .filter(Boolean);
}

/**
 * A contract with the register's figures over it: the register carries the number, term, currency,
 * categories, adjustment month, baseline %, CSM blocks, RMA % and, where it has the column, the stale
 * rule; the rest (TAM, ECPS, block hours, carry-over, discount) stays as the contract has it.
 */
export function withRegister<C extends ContractTerms>(existing: C, entry: RegisterContract): C {
  const read = entry.contract;
  return {
    ...existing,
    number: read.number,
    termStart: read.termStart,
    currency: read.currency,
    categories: read.categories,
    adjustmentMonth: read.adjustmentMonth,
    settings: {
      ...existing.settings,
      baselinePct: read.settings.baselinePct,
      termMonths: read.settings.termMonths,
      blocksPerMonth: read.settings.blocksPerMonth,
      rmaPct: read.settings.rmaPct,
    },
    ...(read.staleDays === undefined ? {} : { staleDays: read.staleDays }),
  };
}

/** "row 7, column "Unit Price": Unit Price must be an amount …" */
export function problemMessage(problem: RegisterProblem): string {
  return `row ${problem.row}${problem.column ? `, column ${JSON.stringify(problem.column)}` : ''}: ${issueMessage(problem.issue)}`;
}

/** The register's rows for contracts (header first): numbers as the editor writes them, dates ISO. */
export function registerRows(
  contracts: readonly Contract[],
  customers: readonly Customer[],
): string[][] {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const rows: string[][] = [REGISTER_HEADERS.slice()];
  for (const contract of contracts) {
    const customer = byId.get(contract.customerId);
    const draft = draftOf(contract);
    const month = adjustmentMonth(
      contract.termStart,
      contract.settings.termMonths,
      contract.adjustmentMonth,
    );
    for (const line of draft.categories) {
      const values: Record<RegisterColumn, string> = {
        contractId: contract.number,
        customer: customer?.name ?? '',
        masterAccountId: customer?.masterAccountId ?? '',
        lensAccount: customer?.lensAccounts.join('; ') ?? '',
        termStart: contract.termStart,
        termMonths: draft.termMonths,
        currency: contract.currency,
        category: line.category,
        installedAtStart: line.installedAtStart,
        agreedGrowth: line.agreedGrowth,
        unitPrice: line.unitPrice,
        baselinePct: draft.baselinePct,
        adjustmentMonth: month,
        blocksPerMonth: draft.blocksPerMonth,
        rmaPct: draft.rmaPct,
        staleDays: draft.staleDays,
      };
      rows.push(COLUMN_KEYS.map((column) => values[column]));
    }
  }
  return rows;
}

/** The register columns typed for a spreadsheet: numbers where the register holds numbers. */
export const REGISTER_COLUMN_TYPES: Record<RegisterColumn, 'text' | 'number' | 'date'> = {
  contractId: 'text',
  customer: 'text',
  masterAccountId: 'text',
  lensAccount: 'text',
  termStart: 'date',
  termMonths: 'number',
  currency: 'text',
  category: 'text',
  installedAtStart: 'number',
  agreedGrowth: 'number',
  unitPrice: 'number',
  baselinePct: 'number',
  adjustmentMonth: 'text',
  blocksPerMonth: 'number',
  rmaPct: 'number',
  staleDays: 'number',
};
