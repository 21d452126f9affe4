/** What a route of the service is: its method and path, and the handler that answers it. */
import type { IncomingMessage } from 'node:http';
import type { Pool } from './pool';
import type { SyncUser } from './users';

export interface RouteContext {
  pool: Pool;
  user: SyncUser;
  request: IncomingMessage;
  url: URL;
  /** What the path's pattern captured (a blob's hash). */
  params: string[];
}

/** A route's answer: JSON, or bytes with their own headers. */
export type Reply = { json: unknown } | { bytes: Buffer; headers: Record<string, string | number> };

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: string | RegExp;
  handle: (context: RouteContext) => Promise<Reply>;
}
