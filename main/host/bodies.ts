/**
 * Request bodies of the browser host, bounded before they are read: each by its capability's limit
 * (declared and streamed alike), and all of them together by one budget of what the host holds at
 * once, so that several large uploads at a time cannot take the machine's memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeFramed, FRAMED_CONTENT_TYPE } from '../../shared/api-wire';
import { messageOf } from '../../shared/errors';

export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A request's part of the budget: what it takes as its body arrives, given back once answered. */
export interface BodyShare {
  take(bytes: number): boolean;
  release(): void;
}

/** The bytes of request bodies the host holds at once, whatever the number of requests. */
export class BodyBudget {
  private held = 0;

  constructor(readonly cap: number) {}

  get holding(): number {
    return this.held;
  }

  share(): BodyShare {
    let mine = 0;
    return {
      take: (bytes) => {
        if (this.held + bytes > this.cap) return false;
        this.held += bytes;
        mine += bytes;
        return true;
      },
      release: () => {
        this.held -= mine;
        mine = 0;
      },
    };
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * The most a body without a declared length may carry, whatever its capability takes: its chunks
 * and their joined copy are held at once at its end. Files travel with their length (a browser's
 * fetch of a Blob declares it), so this bounds only what other clients stream.
 */
export const STREAMED_BYTES = 16 * 2 ** 20;

/**
 * Reads a body of at most its capability's limit (STREAMED_BYTES without a declared length) into
 * `share`: a larger declared length is refused before reading, a longer stream when it passes the
 * limit; a body the budget cannot hold beside the others
 * is refused as busy. A declared body goes straight into one buffer of its size (no copy of the
 * chunks). The request is paused, not destroyed, on refusal, so the answer can still be sent (see
 * refuseBody).
 */
function readBody(
  request: IncomingMessage,
  capabilityLimit: number,
  share: BodyShare,
): Promise<Buffer> {
  const length = request.headers['content-length'];
  const declared = length === undefined ? null : Number(length);
  const limit = declared === null ? Math.min(capabilityLimit, STREAMED_BYTES) : capabilityLimit;
  const tooLarge = () =>
    new RequestError(
      413,
      limit < capabilityLimit
        ? `the request is larger than the ${megabytes(limit)} MB a request without a declared length may be`
        : `the request is larger than the ${megabytes(limit)} MB it may be`,
    );
  const busy = () =>
    new RequestError(
      503,
      'the host is busy reading other large files: try again when they are done',
    );
  if (declared !== null && declared > limit) return Promise.reject(tooLarge());
  if (declared !== null && !share.take(declared)) return Promise.reject(busy());
  const whole = declared === null ? null : Buffer.allocUnsafe(declared);
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const refuse = (error: RequestError) => {
      stop();
      request.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limit || (whole && size + chunk.length > whole.length))
        return refuse(tooLarge());
      if (whole) chunk.copy(whole, size);
      // Streamed: its chunks, and at its end their joined copy.
      else if (share.take(2 * chunk.length)) chunks.push(chunk);
      else return refuse(busy());
      size += chunk.length;
      return undefined;
    };
    const onEnd = () => {
      stop();
      resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** How much of a refused body is read (and dropped) so that its sender sees the answer. */
const DRAIN = { bytes: 64 * 2 ** 20, ms: 5000 };

/**
 * After a 413 or 503. A body declared too large (more than DRAIN) is not read: the connection closes
 * after the answer. Otherwise the rest is read and dropped (a busy refusal's whole body, which its
 * limit bounds; others within DRAIN), because closing while the client still sends would reset the
 * connection and the client would see a broken pipe, not the answer. Nothing drained is kept.
 */
export function refuseBody(
  request: IncomingMessage,
  response: ServerResponse,
  error: RequestError,
): void {
  const declared = Number(request.headers['content-length'] ?? 0);
  const most = error.status === 503 ? Math.max(declared, DRAIN.bytes) : DRAIN.bytes;
  if (declared > most) {
    response.setHeader('Connection', 'close');
    return;
  }
  let drained = 0;
  const stop = setTimeout(() => request.destroy(), DRAIN.ms);
  stop.unref();
  request.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > most) request.destroy();
  });
  request.once('close', () => clearTimeout(stop));
  request.resume();
}

/** The request input: framed (with file bytes) or plain JSON. Malformed input is a 400. */
export async function readInput(
  request: IncomingMessage,
  limit: number,
  share: BodyShare,
): Promise<unknown> {
  const body = await readBody(request, limit, share);
  try {
    if (request.headers['content-type'] === FRAMED_CONTENT_TYPE)
      return decodeFramed(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    return JSON.parse(body.toString('utf8') || '{}') as unknown;
  } catch (error) {
    throw new RequestError(400, `the request is not valid: ${messageOf(error)}`);
  }
}
