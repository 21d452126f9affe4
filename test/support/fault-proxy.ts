/**
 * An HTTP proxy between a workstation and the sync service that fails on cue: each request takes the
 * next fault from the queue (none: passed through). Faults: the answer dropped after the service
 * answered (so after it committed), a status with Retry-After, a server that never answers, a hook
 * run while the request is with the service (to kill it or restart PostgreSQL under it).
 */
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'drop-after-answer' }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'hang' }
  | { kind: 'during'; run: () => Promise<void> };

export interface FaultProxy {
  url: string;
  faults: Fault[];
  /** Requests seen, as "METHOD /path". */
  seen: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: () => string): Promise<FaultProxy> {
  const hanging = new Set<ServerResponse>();
  const proxy: FaultProxy = { url: '', faults: [], seen: [], close: () => Promise.resolve() };
  const pass = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
      (resolve, reject) => {
        const target = new URL(req.url ?? '/', upstream());
        const out = forward(
          target,
          { method: req.method, headers: { ...req.headers, host: target.host } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 502,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
            res.on('error', reject);
          },
        );
        out.on('error', reject);
        out.end(body);
      },
    );
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        proxy.seen.push(`${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`);
        const fault = proxy.faults.shift();
        const body = Buffer.concat(chunks);
        if (fault?.kind === 'hang') return void hanging.add(res);
        if (fault?.kind === 'status') {
          res.writeHead(fault.status, {
            'content-type': 'application/json',
            ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
          });
          return void res.end(JSON.stringify({ error: `injected ${fault.status}` }));
        }
        try {
          const answer = pass(req, body);
          // A request cut by the fault itself fails below, where it is awaited.
          answer.catch(() => undefined);
          if (fault?.kind === 'during') await fault.run();
          const { status, headers, body: out } = await answer;
          if (fault?.kind === 'drop-after-answer') return void req.socket.destroy();
          res.writeHead(status, headers);
          res.end(out);
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
