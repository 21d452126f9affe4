/**
 * `--eol-register FILE` of status, plan and report: the partner's end-of-life register the counts
 * use (TERMS.md §12), read as the app imports one (README, "The end-of-life register"): all or
 * nothing, every problem named by row and column.
 */
import { basename } from 'node:path';
import type { EolIssue, EolRecord } from '../../shared/catalog';
import { fill, dictionary } from '../../shared/i18n';
import { EOL_REGISTER_LIMITS, parseEolRegisterFile } from '../services/eol-register';
import { UnusableFileError } from '../services/inventory/errors';
import { named, readInput } from './files';

const WORDS = dictionary('en').eolRegister;

function issueText(issue: EolIssue): string {
  if (issue.code === 'order')
    return fill(WORDS.issues.order, { before: WORDS[issue.before].toLowerCase() });
  if (issue.code === 'duplicate') return fill(WORDS.issues.duplicate, { model: issue.model });
  return WORDS.issues[issue.code];
}

/** The register's lines; none without the option. */
export async function readEolRegisterOption(path: string | undefined): Promise<EolRecord[]> {
  if (path === undefined) return [];
  const parsed = await named(path, async () =>
    parseEolRegisterFile(await readInput(path, EOL_REGISTER_LIMITS.bytes), basename(path)),
  );
  if (parsed.problems.length > 0)
    throw new UnusableFileError(
      `${path}: nothing read, every row must be right: ${parsed.problems
        .map((p) =>
          fill(WORDS.problem, { row: p.row, column: p.column, problem: issueText(p.issue) }),
        )
        .join('; ')}`,
    );
  return parsed.lines.map((line, i) => ({ ...line, id: String(i + 1), source: parsed.file }));
}
