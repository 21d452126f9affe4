/**
 * The Poly Lens API client (FORMATS.md §4): a client-credentials token, and GraphQL queries with
 * everything a real integration meets handled: GraphQL errors inside an HTTP 200, 429 and 5xx retried
 * with backoff and jitter (honouring Retry-After), a token that expires part-way, answers that never
 * come or are too large. Reading a tenant's devices page by page is ./tenant-pull.
 */
import { allowsLoopback, lensEndpointProblem } from '../../../shared/lens';
import { terminalText } from '../../../shared/terminal-text';
import { CancelledError } from '../inventory/errors';
import { LENS_PAGE_SIZE } from './query';

/** A pull that cannot go on: the message says what Lens did and where the pull stopped. */
export class LensError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LensError';
  }
}

/** Refuses an address a Lens secret or token may not go to (shared/lens.ts). */
export function checkLensEndpoint(url: string, env: NodeJS.ProcessEnv = process.env): void {
  const problem = lensEndpointProblem(url, allowsLoopback(env));
  if (problem) throw new LensError(problem);
}

export interface LensAccess {
  tokenUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface PullOptions {
  signal?: AbortSignal;
  /** Devices read so far and the tenant's total, after each page. */
  onProgress?: (done: number, total: number) => void;
  pageSize?: number;
  /** The most devices a pull takes: an import's row limit. */
  maxDevices?: number;
  /** Time-out of one request, in ms. */
  timeoutMs?: number;
  /** Attempts per request when Lens answers 429, 5xx or not at all. */
  attempts?: number;
  /** The longest wait between attempts, in ms. */
  maxDelayMs?: number;
  /** Waits `ms` (tests make the waits short; the pull still passes the lengths it would wait). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

const DEFAULTS = {
  pageSize: LENS_PAGE_SIZE,
  maxDevices: 1_000_000,
  timeoutMs: 60_000,
  attempts: 6,
  maxDelayMs: 60_000,
};

/** A pull's options with every default filled in. */
export type Settings = Required<Omit<PullOptions, 'signal' | 'onProgress'>> &
  Pick<PullOptions, 'signal'>;

export function settingsOf(options: PullOptions): Settings {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...DEFAULTS, sleep, random: Math.random, ...given };
}

/** The largest answer read from Lens: a 5,000-device page is about 3 MB. */
const MAX_ANSWER_BYTES = 64 * 2 ** 20;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Lens text in a message: one line, no control characters, not endless. */
export const quoted = (text: string) =>
  `"${terminalText(text.replace(/[\t\r\n]+/g, ' ')).slice(0, 200)}"`;

/** The wait Retry-After asks for (seconds or an HTTP date), in ms; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Failures worth another attempt: throttling, a server fault, no answer in time. */
class Retryable extends Error {
  constructor(
    message: string,
    readonly waitMs: number | null,
  ) {
    super(message);
  }
}

const isRetryableStatus = (status: number) => status === 429 || (status >= 500 && status <= 599);

async function readJson(response: Response, what: string): Promise<unknown> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_ANSWER_BYTES)
    throw new LensError(`${what}: the answer is larger than ${MAX_ANSWER_BYTES / 2 ** 20} MB`);
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader)
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_ANSWER_BYTES) {
        await reader.cancel();
        throw new LensError(`${what}: the answer is larger than ${MAX_ANSWER_BYTES / 2 ** 20} MB`);
      }
      chunks.push(value);
    }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!isRetryableStatus(response.status) && response.status !== 401 && text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (response.ok) throw new LensError(`${what}: the answer is not JSON`);
    return text;
  }
}

export class LensClient {
  private token: string | null = null;
  private readonly signal: AbortSignal | undefined;
  retries = 0;

  constructor(
    private readonly access: LensAccess,
    private readonly options: Settings,
  ) {
    this.signal = options.signal;
  }

  /** Waits `ms`, or less when cancelled. */
  pause(ms: number): Promise<void> {
    return this.options.sleep(ms, this.signal);
  }

  /** One request with its time-out; a 429, 5xx or time-out becomes Retryable. */
  private async post(url: string, init: RequestInit, what: string): Promise<Answer> {
    if (this.signal?.aborted) throw new CancelledError();
    checkLensEndpoint(url);
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
    try {
      const response = await fetch(url, { ...init, method: 'POST', signal });
      const body = await readJson(response, what);
      if (isRetryableStatus(response.status))
        throw new Retryable(
          `${what}: Lens answered ${response.status}`,
          retryAfterMs(response.headers.get('retry-after')),
        );
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (this.signal?.aborted) throw new CancelledError();
      if (error instanceof Retryable || error instanceof LensError) throw error;
      if (timeout.aborted)
        throw new Retryable(
          `${what}: Lens did not answer within ${this.options.timeoutMs / 1000} s`,
          null,
        );
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Retryable(
        `${what}: ${cause?.code ?? cause?.message ?? (error as Error).message} (${new URL(url).host})`,
        null,
      );
    }
  }

  /** `post`, repeated with backoff and jitter while Lens throttles, fails or does not answer. */
  private async withRetries(url: string, init: () => RequestInit, what: string): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.post(url, init(), what);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (attempt >= this.options.attempts)
          throw new LensError(`${error.message}; gave up after ${attempt} attempts`);
        const backoff = Math.min(this.options.maxDelayMs, 500 * 2 ** (attempt - 1));
        const jittered = backoff / 2 + (this.options.random() * backoff) / 2;
        const wait = Math.min(this.options.maxDelayMs, error.waitMs ?? jittered);
        this.retries++;
        await this.pause(wait);
      }
    }
  }

  /** A fresh access token (client credentials). */
  async authenticate(): Promise<void> {
    const answer = await this.withRetries(
      this.access.tokenUrl,
      () => ({
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: this.access.clientId,
          client_secret: this.access.clientSecret,
        }),
      }),
      'signing in to Lens',
    );
    const token = (answer.body as { access_token?: unknown } | null)?.access_token;
    if (answer.status === 400 || answer.status === 401 || answer.status === 403)
      throw new LensError(
        `signing in to Lens: the client ID and secret were refused (${answer.status})`,
      );
    if (answer.status !== 200 || typeof token !== 'string' || token === '')
      throw new LensError(`signing in to Lens: no access token in the answer (${answer.status})`);
    this.token = token;
  }

  /** One GraphQL query; a 401 signs in again once and repeats it. */
  async query(query: string, variables: Record<string, unknown>, what: string): Promise<unknown> {
    if (!this.token) await this.authenticate();
    for (let signedIn = 0; ; signedIn++) {
      const answer = await this.withRetries(
        this.access.apiUrl,
        () => ({
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            Authorization: `Bearer ${this.token}`,
          },
          body: JSON.stringify({ query, variables }),
        }),
        what,
      );
      if (answer.status === 401 && signedIn === 0) {
        this.retries++;
        await this.authenticate();
        continue;
      }
      if (answer.status === 401)
        throw new LensError(`${what}: Lens refused a fresh access token (401)`);
      const body = answer.body as { data?: unknown; errors?: unknown } | null;
      const errors = errorsText(body?.errors);
      if (answer.status !== 200)
        throw new LensError(`${what}: Lens answered ${answer.status}${errors && `: ${errors}`}`);
      if (errors) throw new LensError(`${what}: Lens answered with an error: ${errors}`);
      if (typeof body?.data !== 'object' || body.data === null)
        throw new LensError(`${what}: the answer holds no data`);
      return body.data;
    }
  }
}

/** A GraphQL answer's errors as one line: the first message quoted, and how many more; '' for none. */
function errorsText(errors: unknown): string {
  if (!Array.isArray(errors) || errors.length === 0) return '';
  const message = (errors[0] as { message?: unknown } | null)?.message;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${quoted(typeof message === 'string' ? message : 'no message')}${more}`;
}
