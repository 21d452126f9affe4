/** How an error reads in words, wherever it came from: a thrown value, a failed schema check. */
import type { ZodError } from 'zod';

/** The message of a thrown value: an Error's message, anything else as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first thing a schema check found wrong: where (the path in the value) and what. */
export function firstIssue(
  error: ZodError,
  fallback = 'invalid',
): { path: PropertyKey[]; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path ?? [], message: issue?.message ?? fallback };
}

/**
 * A failed schema check in one line, "where: what", from its first issue; `whole` names the value
 * itself when the issue is at its top.
 */
export function issueMessage(error: ZodError, whole = 'input', fallback = 'invalid'): string {
  const issue = firstIssue(error, fallback);
  return `${issue.path.join('.') || whole}: ${issue.message}`;
}
