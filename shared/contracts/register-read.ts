/**
 * Reading a contract register table (FORMATS.md §2): rows grouped by contract number, the rows of one
 * contract agreeing on its fields, each contract read as a draft with the contract rules, every
 * problem with its row and column. A contract with a problem in any of its rows is refused whole.
 */
import { unguardFormula } from '../csv';
import type { CellValue } from '../inventory/normalise';
import { nameKey } from '../model/name-key';
import type { CurrencyCode } from '../terms/money';
import { readContractDraft, type ContractDraft } from './draft';
import {
  REGISTER_COLUMNS,
  registerMapping,
  type ParsedRegister,
  type RegisterColumn,
  type RegisterContract,
  type RegisterProblem,
} from './register';

/** A cell as text: a date cell as YYYY-MM-DD, a guarded formula unguarded. */
export const cellText = (cell: CellValue | undefined): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : unguardFormula((cell ?? '').trim());

interface Group {
  number: string;
  rows: { row: number; text: (column: RegisterColumn) => string }[];
}

const CONTRACT_LEVEL: RegisterColumn[] = [
  'customer',
  'masterAccountId',
  'lensAccount',
  'termStart',
  'termMonths',
  'currency',
  'baselinePct',
  'adjustmentMonth',
  'blocksPerMonth',
  'rmaPct',
  'staleDays',
];

/** Field names of draft issues → the register column they came from. */
const COLUMN_OF_FIELD: Record<string, RegisterColumn> = {
  number: 'contractId',
  termStart: 'termStart',
  termMonths: 'termMonths',
  currency: 'currency',
  adjustmentMonth: 'adjustmentMonth',
  baselinePct: 'baselinePct',
  rmaPct: 'rmaPct',
  blocksPerMonth: 'blocksPerMonth',
  category: 'category',
  installedAtStart: 'installedAtStart',
  agreedGrowth: 'agreedGrowth',
  unitPrice: 'unitPrice',
  staleDays: 'staleDays',
};

/**
 * The contract-level values of a contract's rows: a cell left blank takes the value of the contract's
 * other rows (else the default); only two different values written out are a problem.
 */
function agreedValues(
  group: Group,
  header: (column: RegisterColumn) => string,
): { agreed: Map<RegisterColumn, string>; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const agreed = new Map<RegisterColumn, string>();
  for (const column of CONTRACT_LEVEL) {
    const given = group.rows.filter((r) => r.text(column) !== '');
    const earlier = given[0];
    const other = given.find((r) => r.text(column) !== earlier?.text(column));
    agreed.set(column, earlier?.text(column) ?? '');
    if (earlier && other)
      problems.push({
        row: other.row,
        column: header(column),
        issue: {
          code: column === 'currency' ? 'currencyMismatch' : 'conflictingValue',
          field: header(column),
          value: other.text(column),
          contract: group.number,
          other: earlier.text(column),
          otherRow: earlier.row,
          row: other.row,
        },
      });
  }
  return { agreed, problems };
}

function readGroup(
  group: Group,
  headers: readonly string[],
  mapping: Partial<Record<RegisterColumn, number>>,
  defaultCurrency: CurrencyCode,
): { contract: RegisterContract | null; problems: RegisterProblem[] } {
  const header = (column: RegisterColumn) => {
    const index = mapping[column];
    return index === undefined ? REGISTER_COLUMNS[column][0] : (headers[index] ?? '').trim();
  };
  const first = group.rows[0];
  if (!first) return { contract: null, problems: [] };
  const { agreed, problems } = agreedValues(group, header);
  const contractLevel = (column: RegisterColumn) => agreed.get(column) ?? '';
  const draft: ContractDraft = {
    number: group.number,
    termStart: contractLevel('termStart'),
    termMonths: contractLevel('termMonths'),
    currency: contractLevel('currency'),
    adjustmentMonth: contractLevel('adjustmentMonth'),
    baselinePct: contractLevel('baselinePct'),
    rmaPct: contractLevel('rmaPct'),
    blocksPerMonth: contractLevel('blocksPerMonth'),
    blockHours: '',
    carryOverHours: false,
    tam: false,
    professionalServicesDiscountPct: '',
    isEcps: false,
    staleDays: contractLevel('staleDays'),
    categories: group.rows.map(({ text }) => ({
      category: text('category'),
      installedAtStart: text('installedAtStart'),
      agreedGrowth: text('agreedGrowth'),
      unitPrice: text('unitPrice'),
    })),
  };
  const customer = contractLevel('customer');
  if (!customer)
    problems.push({
      row: first.row,
      column: header('customer'),
      issue: { code: 'required', field: header('customer'), value: '' },
    });
  const read = readContractDraft(draft, defaultCurrency);
  for (const issue of read.issues) {
    const [, line, field] = /^categories\.(\d+)\.(\w+)$/.exec(issue.field) ?? [];
    const column = COLUMN_OF_FIELD[field ?? issue.field];
    const row = line === undefined ? first.row : (group.rows[Number(line)]?.row ?? first.row);
    const named = column ? header(column) : null;
    problems.push({ row, column: named, issue: { ...issue, field: named ?? issue.field } });
  }
  if (!read.contract || problems.length > 0) return { contract: null, problems };
  // A register without the column says nothing of the stale rule: the contract keeps its own.
  const { staleDays, ...terms } = read.contract;
  return {
    contract: {
      contract: mapping.staleDays === undefined ? terms : { ...terms, staleDays },
      customer,
      masterAccountId: contractLevel('masterAccountId'),
      lensAccount: contractLevel('lensAccount'),
      rows: group.rows.map((r) => r.row),
    },
    problems,
  };
}

/**
 * Reads a register table. A contract with a problem in any of its rows is refused as a whole (a
 * contract missing one category would be wrong, not smaller); the others are read.
 */
export function readRegister(
  headers: readonly string[],
  rows: readonly { row: number; cells: readonly CellValue[] }[],
  defaultCurrency: CurrencyCode,
): ParsedRegister {
  const { mapping } = registerMapping(headers);
  const groups = new Map<string, Group>();
  const problems: RegisterProblem[] = [];
  for (const { row, cells } of rows) {
    if (cells.every((c) => cellText(c) === '')) continue;
    const text = (column: RegisterColumn) => {
      const index = mapping[column];
      return index === undefined ? '' : cellText(cells[index]);
    };
    const number = text('contractId');
    if (!number) {
      const header = headers[mapping.contractId ?? 0] ?? 'Contract ID';
      problems.push({ row, column: header, issue: { code: 'required', field: header, value: '' } });
      continue;
    }
    const key = nameKey(number);
    const group = groups.get(key) ?? { number, rows: [] };
    group.rows.push({ row, text });
    groups.set(key, group);
  }
  const contracts: RegisterContract[] = [];
  const refused: string[] = [];
  for (const group of groups.values()) {
    const read = readGroup(group, headers, mapping, defaultCurrency);
    problems.push(...read.problems);
    if (read.contract) contracts.push(read.contract);
    else refused.push(group.number);
  }
  problems.sort((a, b) => a.row - b.row);
  return { contracts, problems, refused, rows: rows.length };
}
