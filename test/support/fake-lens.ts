/**
 * A fake Poly Lens on loopback: the FORMATS.md §4 subset (token endpoint, `tenant { inventory {
 * deviceSearch } }`, `tenants { id name region { id } }`, `calculateQueryCost`, the deleted mark), with every query validated against an SDL of that subset
 * by the `graphql` package and executed by it, so a query that asks for a field Lens is not known to
 * have fails here as it would there. Faults are scripted per request: 429 with Retry-After, 5xx, a
 * token that stops working, `errors` under HTTP 200, a looping page token, a total that changes,
 * an answer that never comes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, execute, parse, validate, type GraphQLSchema } from 'graphql';
import type { LensNode } from '../../main/services/lens/query';

export const LENS_SDL = `
  type Query {
    tenant(id: String!): Tenant
    tenants: [TenantInfo!]!
    calculateQueryCost: QueryCost
  }
  type TenantInfo { id: String! name: String! region: Region }
  type Region { id: String! }
  type QueryCost { costRemaining: Int! secondsToReset: Int! }
  type Tenant { id: String! name: String! inventory: Inventory! }
  type Inventory { deviceSearch(params: DeviceFindArgs): DeviceConnection! }
  input DeviceFindArgs { pageSize: Int nextToken: String filter: DeviceFilter sort: DeviceSort }
  input DeviceFilter { field: String contains: String }
  input DeviceSort { direction: String }
  type DeviceConnection { edges: [DeviceEdge!]! pageInfo: PageInfo! }
  type DeviceEdge { node: Device! }
  type PageInfo { totalCount: Int! countOnPage: Int! nextToken: String hasNextPage: Boolean! }
  type Named { id: String name: String }
  type Device {
    id: String! name: String displayName: String serialNumber: String macAddress: String
    hardwareModel: String hardwareFamily: String softwareVersion: String connected: Boolean
    lastDetected: String tenantId: String site: Named room: Named deleted: Boolean
  }
`;

/** The SDL of a Lens whose API has no deleted mark (FORMATS.md §4 says where one exists). */
const SDL_WITHOUT_MARK = LENS_SDL.replace(' deleted: Boolean', '');

/** A device as the fake answers it: the fields the connector asks for (FORMATS.md §4). */
export type FakeDevice = LensNode;

export interface FakeTenant {
  id: string;
  name: string;
  /** Lens's data region (US-1, EU-1); absent from `tenants` when not given. */
  region?: string;
  devices: FakeDevice[];
}

/** What one request meets instead of its normal answer; each fault is used once, in order. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; on?: 'token' | 'graphql' }
  | { kind: 'expire-token' }
  | { kind: 'errors'; message: string }
  | { kind: 'loop' }
  | { kind: 'add-device' }
  | { kind: 'hang' }
  | { kind: 'budget'; costRemaining: number; secondsToReset: number };

export interface LensRequest {
  path: string;
  at: number;
  status: number;
  variables?: { tenantId?: string; params?: { pageSize?: number; nextToken?: string | null } };
  authorization?: string;
  /** The fields of the query's selection, as validated. */
  query?: string;
}

const MODELS: [string, string][] = [
  ['Voyager Focus 2 UC', 'Headset'],
  ['Blackwire 5220', 'Headset'],
  ['Savi 8220', 'Headset'],
  ['Poly Studio X50', 'Video'],
  ['Poly Studio X30', 'Video'],
  ['CCX 500', 'Voice'],
  ['VVX 450', 'Voice'],
  ['Poly Sync 20', 'Headset'],
];

/** `count` devices of one tenant, the same on every call. */
export function fakeDevices(tenantId: string, count: number, prefix = 'SN'): FakeDevice[] {
  return Array.from({ length: count }, (_, i) => {
    const [model, family] = MODELS[i % MODELS.length]!;
    const site = i % 7;
    return {
      id: `${tenantId}-dev-${String(i).padStart(7, '0')}`,
      name: `device-${i}`,
      displayName: i % 5 === 0 ? null : `Device ${i}`,
      serialNumber: i % 97 === 0 ? null : `${prefix}${String(i).padStart(9, '0')}`,
      macAddress: `00:04:f2:${(i >> 16) & 255}:${(i >> 8) & 255}:${i & 255}`,
      hardwareModel: model,
      hardwareFamily: family,
      softwareVersion: `8.${i % 4}.0`,
      connected: i % 3 !== 0,
      lastDetected: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T08:${String(i % 60).padStart(2, '0')}:00Z`,
      tenantId,
      site: { id: `site-${site}`, name: `Site ${site}` },
      room: i % 4 === 0 ? null : { id: `room-${i % 40}`, name: `Room ${i % 40}` },
      deleted: false,
    };
  });
}

export interface FakeLens {
  url: string;
  tokenUrl: string;
  apiUrl: string;
  tenants: Map<string, FakeTenant>;
  faults: Fault[];
  requests: LensRequest[];
  /** Access tokens given out; a request with another is a 401. */
  tokens: Set<string>;
  clientId: string;
  clientSecret: string;
  /** Stops the server, ending any answer it holds back. */
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const decodeToken = (token: string) =>
  Number(/^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString())?.[1] ?? NaN);

export async function startFakeLens(
  options: {
    tenants?: FakeTenant[];
    clientId?: string;
    clientSecret?: string;
    /** An API without the deleted mark: a query asking for it is refused. */
    withoutMark?: boolean;
    /** A credential that may not list tenants: `tenants` answers an error. */
    cannotList?: boolean;
  } = {},
): Promise<FakeLens> {
  const schema: GraphQLSchema = buildSchema(options.withoutMark ? SDL_WITHOUT_MARK : LENS_SDL);
  const tenants = new Map((options.tenants ?? []).map((t) => [t.id, t]));
  const faults: Fault[] = [];
  const requests: LensRequest[] = [];
  const tokens = new Set<string>();
  const hung = new Set<() => void>();
  const clientId = options.clientId ?? 'client-id-1';
  const clientSecret = options.clientSecret ?? 'client-secret-1';
  let issued = 0;
  let lastToken: string | null = null;

  const takeFault = (on: 'token' | 'graphql'): Fault | undefined => {
    const index = faults.findIndex((f) =>
      f.kind === 'status' ? (f.on ?? 'graphql') === on : on === 'graphql',
    );
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        requests.at(-1)!.status = status;
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        response.end(JSON.stringify(value));
      };
      const entry: LensRequest = {
        path,
        at: Date.now(),
        status: 0,
        authorization: request.headers.authorization,
      };
      requests.push(entry);
      if (request.method !== 'POST') return json(405, { error: 'method' });
      if (path === '/oauth/token') {
        const fault = takeFault('token');
        if (fault?.kind === 'status')
          return json(
            fault.status,
            { error: 'fault' },
            fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
          );
        const form =
          request.headers['content-type']?.startsWith('application/json') === true
            ? (JSON.parse(body) as Record<string, string>)
            : Object.fromEntries(new URLSearchParams(body));
        if (
          form.grant_type !== 'client_credentials' ||
          form.client_id !== clientId ||
          form.client_secret !== clientSecret
        )
          return json(401, { error: 'access_denied' });
        const token = `token-${++issued}`;
        tokens.add(token);
        lastToken = token;
        return json(200, { access_token: token, token_type: 'Bearer', expires_in: 86400 });
      }
      if (path !== '/graphql') return json(404, { error: 'not found' });
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!tokens.has(token)) return json(401, { errors: [{ message: 'Unauthorized' }] });
      const { query, variables } = JSON.parse(body) as {
        query: string;
        variables: LensRequest['variables'];
      };
      entry.variables = variables;
      entry.query = query;
      let document;
      try {
        document = parse(query);
      } catch (error) {
        return json(400, { errors: [{ message: (error as Error).message }] });
      }
      const invalid = validate(schema, document);
      if (invalid.length > 0)
        return json(400, { errors: invalid.map((e) => ({ message: e.message })) });
      const fault = takeFault('graphql');
      if (fault?.kind === 'hang') {
        // Held until the client gives up (or the server closes).
        return hung.add(() => response.destroy());
      }
      if (fault?.kind === 'status')
        return json(
          fault.status,
          { error: 'fault' },
          fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
        );
      if (fault?.kind === 'expire-token') {
        if (lastToken) tokens.delete(lastToken);
        return json(401, { errors: [{ message: 'Token expired' }] });
      }
      if (fault?.kind === 'errors')
        return json(200, { data: null, errors: [{ message: fault.message }] });
      if (options.cannotList && query.includes('tenants'))
        return json(200, { data: null, errors: [{ message: 'Forbidden: tenants' }] });
      const tenant = tenants.get(variables?.tenantId ?? '');
      const params = variables?.params ?? {};
      const pageSize = Math.min(5000, Math.max(1, params.pageSize ?? 10));
      const offset = params.nextToken ? decodeToken(params.nextToken) : 0;
      if (Number.isNaN(offset))
        return json(200, { data: null, errors: [{ message: 'Invalid nextToken' }] });
      if (fault?.kind === 'add-device' && tenant)
        tenant.devices.push(
          ...fakeDevices(tenant.id, 1, `NEW${tenant.devices.length}-`).map((d) => ({
            ...d,
            id: `${d.id}-new-${tenant.devices.length}`,
          })),
        );
      const slice = tenant?.devices.slice(offset, offset + pageSize) ?? [];
      const hasNextPage = tenant !== undefined && offset + pageSize < tenant.devices.length;
      const nextToken = !hasNextPage
        ? null
        : fault?.kind === 'loop'
          ? params.nextToken || encodeToken(offset + pageSize)
          : encodeToken(offset + pageSize);
      const rootValue = {
        tenants: [...tenants.values()].map((t) => ({
          id: t.id,
          name: t.name,
          region: t.region ? { id: t.region } : null,
        })),
        tenant: tenant && {
          id: tenant.id,
          name: tenant.name,
          inventory: {
            deviceSearch: {
              edges: slice.map((node) => ({ node })),
              pageInfo: {
                totalCount: tenant.devices.length,
                countOnPage: slice.length,
                nextToken,
                hasNextPage,
              },
            },
          },
        },
        calculateQueryCost:
          fault?.kind === 'budget'
            ? { costRemaining: fault.costRemaining, secondsToReset: fault.secondsToReset }
            : { costRemaining: 10_000, secondsToReset: 60 },
      };
      const result = await execute({
        schema,
        document,
        rootValue,
        variableValues: variables,
      });
      return json(200, result);
    })().catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500);
        response.end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    tokenUrl: `${url}/oauth/token`,
    apiUrl: `${url}/graphql`,
    tenants,
    faults,
    requests,
    tokens,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        for (const end of hung) end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
