import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  LensError,
  retryAfterMs,
  type LensAccess,
  type PullOptions,
} from '../../../../../main/services/lens/connector';
import { pullTenant } from '../../../../../main/services/lens/tenant-pull';
import { lensCsv, pullFileName } from '../../../../../main/services/lens/csv';
import { pullAsFile } from '../../../../../main/services/lens/pull';
import { parseInventory } from '../../../../../main/services/inventory/parse';
import { CancelledError } from '../../../../../main/services/inventory/errors';
import { fakeDevices, startFakeLens, type FakeLens } from '../../../../support/fake-lens';

let lens: FakeLens;
let access: LensAccess;
/** The waits the pull asked for, instead of waiting them. */
let waits: number[] = [];
const quick: PullOptions = {
  sleep: (ms) => {
    waits.push(ms);
    return Promise.resolve();
  },
  random: () => 0.5,
};

beforeAll(async () => {
  lens = await startFakeLens({
    tenants: [
      { id: 'tenant-big', name: 'Nordbank AB', devices: fakeDevices('tenant-big', 100_000) },
      { id: 'tenant-small', name: 'Kvarnen & Co', devices: fakeDevices('tenant-small', 2_500) },
    ],
  });
  access = {
    tokenUrl: lens.tokenUrl,
    apiUrl: lens.apiUrl,
    clientId: lens.clientId,
    clientSecret: lens.clientSecret,
  };
});

afterAll(() => lens.close());

afterEach(() => {
  waits = [];
  lens.requests.length = 0;
  lens.faults.length = 0;
  const small = lens.tenants.get('tenant-small')!;
  small.devices = fakeDevices('tenant-small', 2_500);
});

const graphqlRequests = () => lens.requests.filter((r) => r.path === '/graphql');

describe('pulling a tenant from Lens', () => {
  it('reads 100,000 devices in pages of 1,000 into a CSV the import reads as the same devices', async () => {
    const progress: number[] = [];
    const pull = await pullTenant(access, 'tenant-big', {
      ...quick,
      onProgress: (done, total) => {
        expect(total).toBe(100_000);
        progress.push(done);
      },
    });
    expect(pull.tenant).toEqual({ id: 'tenant-big', name: 'Nordbank AB' });
    expect(pull.devices).toHaveLength(100_000);
    expect(pull.pages).toBe(100);
    expect(progress.at(-1)).toBe(100_000);
    // Every query was valid against the SDL (the fake answers 400 otherwise) and asked 1,000 a page.
    const queries = graphqlRequests();
    expect(queries).toHaveLength(100);
    expect(queries.every((r) => r.status === 200)).toBe(true);
    expect(queries.every((r) => r.variables?.params?.pageSize === 1000)).toBe(true);
    expect(queries[0]?.variables?.params?.nextToken).toBeNull();
    expect(lens.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(1);

    const parsed = await parseInventory(lensCsv(pull), {
      fileName: 'pull.csv',
      locale: 'sv-SE',
      today: '2026-12-01',
    });
    expect(parsed.devices).toHaveLength(100_000);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.accounts).toEqual([
      { account: 'Nordbank AB', accountId: 'tenant-big', devices: 100_000 },
    ]);
    const first = parsed.devices.find((d) => d.deviceId === 'tenant-big-dev-0000001');
    expect(first).toMatchObject({
      serial: 'SN000000001',
      model: 'Blackwire 5220',
      name: 'Device 1',
      site: 'Site 1',
      room: 'Room 1',
      online: true,
      softwareVersion: '8.1.0',
      lastDetected: '2026-11-02T08:01:00Z',
      hardwareFamily: 'Headset',
    });
    // A device without a serial is identified by its Lens device ID, as in a file.
    expect(parsed.devices.find((d) => d.deviceId === 'tenant-big-dev-0000000')?.id).toBe(
      'id:tenant-big-dev-0000000',
    );
  });

  it('gives the same bytes for an unchanged tenant, whatever order Lens answers in', async () => {
    const first = lensCsv(await pullTenant(access, 'tenant-small', quick));
    lens.tenants.get('tenant-small')!.devices.reverse();
    const second = lensCsv(await pullTenant(access, 'tenant-small', quick));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('de-duplicates devices by identity as a file import does', async () => {
    const small = lens.tenants.get('tenant-small')!;
    small.devices.push({ ...small.devices[1]!, id: 'another-id-same-serial' });
    const parsed = await parseInventory(lensCsv(await pullTenant(access, 'tenant-small', quick)), {
      fileName: 'pull.csv',
      locale: 'en-GB',
      today: '2026-12-01',
    });
    expect(parsed.devices).toHaveLength(2_500);
    expect(parsed.duplicates).toHaveLength(1);
    expect(parsed.duplicates[0]?.id).toBe('SN000000001');
  });

  it('waits as long as a 429 says in Retry-After, then goes on', async () => {
    lens.faults.push({ kind: 'status', status: 429, retryAfter: '7' });
    const pull = await pullTenant(access, 'tenant-small', quick);
    expect(pull.devices).toHaveLength(2_500);
    expect(waits).toEqual([7000]);
    expect(pull.retries).toBe(1);
  });

  it('retries 502 with growing, jittered waits, and gives up with a message after its attempts', async () => {
    lens.faults.push({ kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    const pull = await pullTenant(access, 'tenant-small', quick);
    expect(pull.devices).toHaveLength(2_500);
    // 500 ms then 1,000 ms backoff, each jittered to between half and all of it (random 0.5: ¾).
    expect(waits).toEqual([375, 750]);

    waits = [];
    lens.faults.push(
      ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 502 })),
    );
    const failed = pullTenant(access, 'tenant-small', { ...quick, attempts: 3 });
    await expect(failed).rejects.toThrow(LensError);
    await expect(failed).rejects.toThrow(/Lens answered 502; gave up after 3 attempts/);
  });

  it('signs in again once when the token stops working part-way, and resumes at the same page', async () => {
    // Page 1 answers, then the token expires on page 2.
    const pull = pullTenant(access, 'tenant-small', {
      ...quick,
      onProgress: (done) => {
        if (done === 1000) lens.faults.push({ kind: 'expire-token' });
      },
    });
    const result = await pull;
    expect(result.devices).toHaveLength(2_500);
    expect(new Set(result.devices.map((d) => d.id)).size).toBe(2_500);
    expect(lens.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(2);
    const pages = graphqlRequests().map((r) => r.variables?.params?.nextToken ?? null);
    // Page 2 asked twice (401, then with the new token), nothing read twice into the result.
    expect(pages).toHaveLength(4);
    expect(pages[1]).toBe(pages[2]);
  });

  it('stops when a fresh token is refused too', async () => {
    lens.faults.push({ kind: 'expire-token' }, { kind: 'expire-token' });
    await expect(pullTenant(access, 'tenant-small', quick)).rejects.toThrow(
      /refused a fresh access token \(401\)/,
    );
  });

  it('treats GraphQL errors inside an HTTP 200 as a failure, with Lens’s message', async () => {
    lens.faults.push({ kind: 'errors', message: 'Query cost exceeded\u001b[31m' });
    await expect(pullTenant(access, 'tenant-small', quick)).rejects.toThrow(
      /Lens answered with an error: "Query cost exceeded\\u001b\[31m"/,
    );
  });

  it('stops at a page token it has seen before instead of looping', async () => {
    const pull = pullTenant(access, 'tenant-small', {
      ...quick,
      onProgress: (done) => {
        if (done === 1000) lens.faults.push({ kind: 'loop' });
      },
    });
    await expect(pull).rejects.toThrow(/same page token twice \(after page 2\)/);
  });

  it('starts again when the total changes during the pull, and stops if it keeps changing', async () => {
    let added = 0;
    const pull = await pullTenant(access, 'tenant-small', {
      ...quick,
      onProgress: (done) => {
        if (done === 1000 && added++ === 0) lens.faults.push({ kind: 'add-device' });
      },
    });
    expect(pull.devices).toHaveLength(2_501);
    expect(new Set(pull.devices.map((d) => d.id)).size).toBe(2_501);

    const changing = pullTenant(access, 'tenant-small', {
      ...quick,
      onProgress: (done) => {
        if (done === 1000) lens.faults.push({ kind: 'add-device' });
      },
    });
    await expect(changing).rejects.toThrow(
      /device count changed from \d+ to \d+ during the pull, on 3 pulls in a row/,
    );
  });

  it('writes each page as it arrives into the same bytes as the held pull, restarts included', async () => {
    let added = 0;
    const file = await pullAsFile(access, 'tenant-small', {
      ...quick,
      onProgress: (done) => {
        if (done === 1000 && added++ === 0) lens.faults.push({ kind: 'add-device' });
      },
    });
    // The first pull's 1,000 devices were forgotten when the total changed: each device once.
    expect(file.devices).toBe(2_501);
    expect(
      Buffer.from(file.bytes).equals(
        Buffer.from(lensCsv(await pullTenant(access, 'tenant-small', quick))),
      ),
    ).toBe(true);
  });

  it('gives up on an answer that never comes after its time-out, and retries it first', async () => {
    lens.faults.push({ kind: 'hang' });
    const pull = await pullTenant(access, 'tenant-small', { ...quick, timeoutMs: 300 });
    expect(pull.devices).toHaveLength(2_500);
    expect(pull.retries).toBe(1);

    lens.faults.push({ kind: 'hang' }, { kind: 'hang' });
    await expect(
      pullTenant(access, 'tenant-small', { ...quick, timeoutMs: 300, attempts: 2 }),
    ).rejects.toThrow(/did not answer within 0.3 s; gave up after 2 attempts/);
  });

  it('stops before a page that would pass the row limit', async () => {
    await expect(
      pullTenant(access, 'tenant-small', { ...quick, maxDevices: 2_000 }),
    ).rejects.toThrow(/more than 2000 devices, more than one import takes: stopped at page 3/);
  });

  it('waits for the query-cost budget to reset when the next page would overdraw it', async () => {
    lens.faults.push({ kind: 'budget', costRemaining: 0, secondsToReset: 3 });
    const pull = await pullTenant(access, 'tenant-small', quick);
    expect(pull.devices).toHaveLength(2_500);
    expect(waits).toEqual([3000]);
  });

  it('says when the client ID and secret are refused, or the tenant is unknown', async () => {
    await expect(
      pullTenant({ ...access, clientSecret: 'wrong' }, 'tenant-small', quick),
    ).rejects.toThrow(/client ID and secret were refused \(401\)/);
    await expect(pullTenant(access, 'no-such-tenant', quick)).rejects.toThrow(
      /tenant "no-such-tenant" is unknown to Lens or not visible to this client ID/,
    );
  });

  it('retries a token endpoint that throttles', async () => {
    lens.faults.push({ kind: 'status', status: 503, on: 'token', retryAfter: '1' });
    const pull = await pullTenant(access, 'tenant-small', quick);
    expect(pull.devices).toHaveLength(2_500);
    expect(waits).toEqual([1000]);
  });

  it('stops when cancelled, between pages or while it waits', async () => {
    const controller = new AbortController();
    const pull = pullTenant(access, 'tenant-big', {
      ...quick,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 3000) controller.abort();
      },
    });
    await expect(pull).rejects.toThrow(CancelledError);
    expect(graphqlRequests().length).toBeLessThan(5);
  });

  it('names a pull by its tenant, without folders or bidi controls from Lens', () => {
    expect(pullFileName({ tenant: { id: 't-1', name: 'Kvarnen & Co' } })).toBe(
      'Lens API – Kvarnen & Co',
    );
    expect(pullFileName({ tenant: { id: 't-1', name: 'A/B\u202eC' } })).toBe('Lens API – A-BC');
    expect(pullFileName({ tenant: { id: 't-1', name: '' } })).toBe('Lens API – t-1');
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('12')).toBe(12_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:30 GMT', Date.UTC(2026, 11, 1, 10, 0, 0))).toBe(
      30_000,
    );
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
