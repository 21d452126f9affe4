/**
 * The service's HTTP: bodies read within a limit, answers as JSON, and every failure answered in the
 * one sync failure shape (shared/sync/failure) with the status that says its kind.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { failureBody, failureKindOf, type SyncFailureKind } from '../../shared/sync/failure';

/** A request the service does not carry out, with the status and the words to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What an app older than the service is told (by header or by the push's protocol). */
export const UPDATE_NEEDED =
  'this version of CSM Workstation is older than the team server: update it; your unsynced changes are kept';

export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `the body is over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function send(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/** A failure answer: its status, and the failure of the kind that status means. */
export function sendFailure(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  kind: SyncFailureKind = failureKindOf(status),
): void {
  send(response, status, failureBody({ kind, message }), headers);
}

/** PostgreSQL unreachable or restarting: the client is asked to come back shortly. */
export function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
    ].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(
      String((error as Error).message),
    )
  );
}

/** The deepest nesting a request's JSON may have (records are a few levels deep). */
export const JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `max`, walked without recursion. */
export function isDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
