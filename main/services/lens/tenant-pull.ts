/**
 * Pulls one tenant's devices from the Poly Lens API (FORMATS.md §4): `deviceSearch` page by page until
 * `hasNextPage` is false, within the query-cost budget, guarding against a page token that loops, a
 * total that changes and more devices than an import takes. A pull either returns every device or
 * throws; nothing half-pulled goes further. Each page goes to a sink as it arrives (the import's sink
 * keeps only its CSV lines, not the devices), so a large tenant is never held twice.
 */
import {
  LensClient,
  LensError,
  quoted,
  settingsOf,
  type LensAccess,
  type PullOptions,
} from './connector';
import { devicesQuery, type LensNode, type LensPageInfo, type LensTenant } from './query';

/** Where a pull's pages go as they arrive. */
export interface DeviceSink {
  add(nodes: readonly LensNode[], tenant: LensTenant): void;
  /** Forgets every page: the pull starts again from the first. */
  clear(): void;
}

export interface PullReceipt {
  tenant: LensTenant;
  /** Devices the pull received. */
  count: number;
  pulledAt: string;
  pages: number;
  /** Requests repeated after 429, 5xx, a time-out or an expired token. */
  retries: number;
}

export interface LensPull extends PullReceipt {
  devices: LensNode[];
}

/** Pulls restarted from the first page when the tenant's total changes part-way. */
const RESTARTS = 2;

const textOrNull = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

const named = (value: unknown) =>
  typeof value === 'object' && value !== null
    ? {
        id: textOrNull((value as { id?: unknown }).id),
        name: textOrNull((value as { name?: unknown }).name),
      }
    : null;

/** A node as the connector keeps it: only the queried fields, each a string, a boolean or null. */
function nodeOf(value: unknown, where: string): LensNode {
  if (typeof value !== 'object' || value === null)
    throw new LensError(`${where}: a device is not an object`);
  const n = value as Record<string, unknown>;
  return {
    id: textOrNull(n.id),
    name: textOrNull(n.name),
    displayName: textOrNull(n.displayName),
    serialNumber: textOrNull(n.serialNumber),
    macAddress: textOrNull(n.macAddress),
    hardwareModel: textOrNull(n.hardwareModel),
    hardwareFamily: textOrNull(n.hardwareFamily),
    softwareVersion: textOrNull(n.softwareVersion),
    connected: typeof n.connected === 'boolean' ? n.connected : null,
    lastDetected: textOrNull(n.lastDetected),
    tenantId: textOrNull(n.tenantId),
    site: named(n.site),
    room: named(n.room),
    deleted: typeof n.deleted === 'boolean' ? n.deleted : null,
  };
}

interface Page {
  tenant: LensTenant;
  nodes: LensNode[];
  pageInfo: LensPageInfo;
  cost: { costRemaining: number; secondsToReset: number } | null;
}

function pageOf(data: unknown, tenantId: string, where: string): Page {
  const d = data as {
    tenant?: {
      id?: unknown;
      name?: unknown;
      inventory?: { deviceSearch?: { edges?: unknown; pageInfo?: Record<string, unknown> } };
    } | null;
    calculateQueryCost?: { costRemaining?: unknown; secondsToReset?: unknown } | null;
  };
  if (!d.tenant)
    throw new LensError(
      `tenant ${quoted(tenantId)} is unknown to Lens or not visible to this client ID`,
    );
  const search = d.tenant.inventory?.deviceSearch;
  const info = search?.pageInfo;
  if (!Array.isArray(search?.edges) || !info || typeof info.hasNextPage !== 'boolean')
    throw new LensError(`${where}: the answer is not a device page`);
  const nodes = search.edges.map((edge: unknown) =>
    nodeOf((edge as { node?: unknown } | null)?.node, where),
  );
  const cost = d.calculateQueryCost;
  return {
    tenant: {
      id: textOrNull(d.tenant.id) ?? tenantId,
      name: textOrNull(d.tenant.name) ?? '',
    },
    nodes,
    pageInfo: {
      totalCount: typeof info.totalCount === 'number' ? info.totalCount : nodes.length,
      countOnPage: typeof info.countOnPage === 'number' ? info.countOnPage : nodes.length,
      nextToken: textOrNull(info.nextToken),
      hasNextPage: info.hasNextPage,
    },
    cost:
      typeof cost?.costRemaining === 'number' && typeof cost.secondsToReset === 'number'
        ? { costRemaining: cost.costRemaining, secondsToReset: cost.secondsToReset }
        : null,
  };
}

class TotalChanged extends Error {}

/** Whether Lens refused a query for its `deleted` field: an API that does not have the mark. */
const refusesMark = (error: unknown) =>
  error instanceof LensError && /field\W+deleted\b/i.test(error.message);

type ReadPage = (
  params: { pageSize: number; nextToken: string | null },
  what: string,
  where: string,
) => Promise<Page>;

/** Reads one tenant's pages, asking for the deleted mark until Lens refuses the field once. */
function pageReader(client: LensClient, tenantId: string): ReadPage {
  let withMark = true;
  return async (params, what, where) => {
    for (;;) {
      try {
        const data = await client.query(devicesQuery(withMark), { tenantId, params }, what);
        return pageOf(data, tenantId, where);
      } catch (error) {
        if (!withMark || !refusesMark(error)) throw error;
        withMark = false;
      }
    }
  };
}

/** Reaches a tenant with one small page: its name and how many devices Lens counts. */
export async function probeTenant(
  access: LensAccess,
  tenantId: string,
  options: PullOptions = {},
): Promise<{ tenant: LensTenant; devices: number }> {
  const client = new LensClient(access, settingsOf(options));
  const page = await pageReader(client, tenantId)(
    { pageSize: 1, nextToken: null },
    `reaching tenant ${quoted(tenantId)}`,
    'page 1',
  );
  return { tenant: page.tenant, devices: page.pageInfo.totalCount };
}

/** Every device of one tenant held as nodes, or a LensError that says where the pull stopped and why. */
export async function pullTenant(
  access: LensAccess,
  tenantId: string,
  options: PullOptions = {},
): Promise<LensPull> {
  let devices: LensNode[] = [];
  const receipt = await pullTenantInto(
    access,
    tenantId,
    {
      add: (nodes) => {
        for (const node of nodes) devices.push(node);
      },
      clear: () => (devices = []),
    },
    options,
  );
  return { ...receipt, devices };
}

/** Every device of one tenant into a sink, page by page; a LensError says where it stopped and why. */
export async function pullTenantInto(
  access: LensAccess,
  tenantId: string,
  sink: DeviceSink,
  options: PullOptions = {},
): Promise<PullReceipt> {
  const settings = settingsOf(options);
  const client = new LensClient(access, settings);
  const { pageSize, maxDevices } = settings;
  const readPage = pageReader(client, tenantId);
  for (let restart = 0; ; restart++) {
    try {
      return await pullOnce();
    } catch (error) {
      if (!(error instanceof TotalChanged)) throw error;
      if (restart >= RESTARTS)
        throw new LensError(
          `${error.message}, on ${RESTARTS + 1} pulls in a row: devices are being added or removed; pull again later`,
        );
    }
  }

  async function pullOnce(): Promise<PullReceipt> {
    sink.clear();
    let count = 0;
    const seen = new Set<string>();
    let nextToken: string | null = null;
    let total: number | null = null;
    let lastCost: number | null = null;
    for (let pages = 1; ; pages++) {
      const where = `page ${pages}`;
      const page = await readPage(
        { pageSize, nextToken },
        `reading ${where} of tenant ${quoted(tenantId)}`,
        where,
      );
      if (total !== null && page.pageInfo.totalCount !== total)
        throw new TotalChanged(
          `the tenant's device count changed from ${total} to ${page.pageInfo.totalCount} during the pull`,
        );
      total = page.pageInfo.totalCount;
      if (count + page.nodes.length > maxDevices)
        throw new LensError(
          `tenant ${quoted(tenantId)} has more than ${maxDevices} devices, more than one import takes: stopped at ${where}`,
        );
      sink.add(page.nodes, page.tenant);
      count += page.nodes.length;
      options.onProgress?.(count, Math.max(total, count));
      if (!page.pageInfo.hasNextPage)
        return {
          tenant: page.tenant,
          count,
          pulledAt: new Date().toISOString(),
          pages,
          retries: client.retries,
        };
      const token = page.pageInfo.nextToken;
      if (!token)
        throw new LensError(`${where} says more pages follow but gives no page token: stopped`);
      if (seen.has(token))
        throw new LensError(
          `Lens gave the same page token twice (after ${where}): stopped, so the pull cannot loop`,
        );
      seen.add(token);
      nextToken = token;
      // The query-cost budget: when the next page would overdraw it, wait for its reset.
      if (page.cost) {
        const used = lastCost === null ? 0 : Math.max(0, lastCost - page.cost.costRemaining);
        lastCost = page.cost.costRemaining;
        if (page.cost.costRemaining <= Math.max(used, 1)) {
          client.retries++;
          await client.pause(Math.min(60_000, page.cost.secondsToReset * 1000));
          lastCost = null;
        }
      }
    }
  }
}
