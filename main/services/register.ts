/** A contract register file (FORMATS.md §2), CSV or XLSX, read into contracts and per-row problems. */
import {
  registerMapping,
  REGISTER_COLUMNS,
  type ParsedRegister,
} from '../../shared/contracts/register';
import { readRegister } from '../../shared/contracts/register-read';
import { MAX_REGISTER_BYTES } from '../../shared/limits';
import type { CurrencyCode } from '../../shared/terms/money';
import { UnusableFileError } from './inventory/errors';
import { readTableFile } from './table';

export const REGISTER_LIMITS = { bytes: MAX_REGISTER_BYTES, rows: 100_000 };

export interface RegisterFile extends ParsedRegister {
  file: string;
  format: 'csv' | 'xlsx';
}

export async function parseRegisterFile(
  bytes: Uint8Array,
  fileName: string,
  defaultCurrency: CurrencyCode,
): Promise<RegisterFile> {
  const table = await readTableFile(bytes, {
    maxBytes: REGISTER_LIMITS.bytes,
    maxRows: REGISTER_LIMITS.rows,
    rule: {
      isHeaderRow: (texts) => registerMapping(texts).missing.length === 0,
      description:
        'the contract register columns (Contract ID, Customer, Term Start, Category, Installed At Start, Unit Price)',
    },
  });
  const { missing } = registerMapping(table.headers);
  if (missing.length > 0)
    throw new UnusableFileError(
      `${fileName} is not a contract register: it has no ${missing.map((m) => JSON.stringify(REGISTER_COLUMNS[m][0])).join(', ')} column. Headers found: ${table.headers.filter(Boolean).join(', ') || 'none'}`,
    );
  return {
    file: fileName,
    format: table.format,
    ...readRegister(table.headers, table.rows, defaultCurrency),
  };
}
