/**
 * An end-of-life register file (README, "The end-of-life register"), CSV or XLSX, read by the one table reader
 * (its size cap and the zip pre-scan) into lines and every problem by row and column.
 */
import {
  eolMapping,
  EOL_COLUMNS,
  readEolTable,
  type ParsedEolFile,
} from '../../shared/eol-register-file';
import { MAX_REGISTER_BYTES } from '../../shared/limits';
import { UnusableFileError } from './inventory/errors';
import { readTableFile } from './table';

/** A register has a line per model: a few thousand at most. */
export const EOL_REGISTER_LIMITS = { bytes: MAX_REGISTER_BYTES, rows: 20_000 };

export async function parseEolRegisterFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<ParsedEolFile> {
  const table = await readTableFile(bytes, {
    maxBytes: EOL_REGISTER_LIMITS.bytes,
    maxRows: EOL_REGISTER_LIMITS.rows,
    rule: {
      isHeaderRow: (texts) => eolMapping(texts) !== null,
      description: 'a Model column',
    },
  });
  if (!eolMapping(table.headers))
    throw new UnusableFileError(
      `${fileName} is not an end-of-life register: it has no ${JSON.stringify(EOL_COLUMNS.model[0])} column. Headers found: ${table.headers.filter(Boolean).join(', ') || 'none'}`,
    );
  return readEolTable(fileName, table.headers, table.rows);
}
