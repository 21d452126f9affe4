import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lensConnectionInputSchema, lensEndpointProblem } from '../../../../../shared/lens';
import { FILE_SEALER, LensConnections } from '../../../../../main/services/lens/connections';
import { pullTenant, probeTenant } from '../../../../../main/services/lens/tenant-pull';
import { fakeDevices, startFakeLens, type FakeLens } from '../../../../support/fake-lens';

/** A listener on this machine that keeps every byte it is sent (a token address changed to it). */
async function startListener(): Promise<{
  url: string;
  received: string[];
  close(): Promise<void>;
}> {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push(`${request.url} ${Buffer.concat(chunks).toString('utf8')}`);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"access_token":"stolen","token_type":"Bearer","expires_in":60}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const verify = async (access: Parameters<typeof probeTenant>[0], tenantId: string) => {
  const { tenant, devices } = await probeTenant(access, tenantId);
  return { name: tenant.name, devices };
};

describe('a saved Lens secret goes only where it was saved for', () => {
  let lens: FakeLens;
  let listener: Awaited<ReturnType<typeof startListener>>;
  beforeAll(async () => {
    lens = await startFakeLens({
      tenants: [{ id: 'tenant-1', name: 'Kvarnen', devices: fakeDevices('tenant-1', 3) }],
    });
    listener = await startListener();
  });
  afterAll(async () => {
    await lens.close();
    await listener.close();
  });

  it('refuses an edit that moves the token or API address without the secret typed again', async () => {
    const connections = new LensConnections(
      await mkdtemp(join(tmpdir(), 'csm-lens-')),
      FILE_SEALER,
    );
    const input = {
      label: 'Partner',
      clientId: lens.clientId,
      clientSecret: lens.clientSecret,
      tokenUrl: lens.tokenUrl,
      apiUrl: lens.apiUrl,
      tenantIds: ['tenant-1'],
    };
    const saved = await connections.save(input, verify);
    const edit = { ...input, id: saved.id, clientSecret: '' };

    for (const moved of [
      { tokenUrl: `${listener.url}/oauth/token` },
      { apiUrl: `${listener.url}/graphql` },
    ])
      await expect(connections.save({ ...edit, ...moved }, verify)).rejects.toThrow(
        'the token or API address changed: type the client secret again (a stored secret is only sent to the addresses it was saved for)',
      );
    expect(listener.received).toEqual([]);
    expect((await connections.list())[0]).toMatchObject({
      tokenUrl: lens.tokenUrl,
      apiUrl: lens.apiUrl,
    });

    // At the same addresses the stored secret is kept; typed again, it may go to a new one.
    await expect(connections.save({ ...edit, label: 'Renamed' }, verify)).resolves.toMatchObject({
      label: 'Renamed',
    });
    await expect(
      connections.save(
        { ...edit, clientSecret: 'typed-again', tokenUrl: `${listener.url}/t` },
        verify,
      ),
    ).rejects.toThrow();
    // The token request with the secret typed again, and once more when the API refuses that token.
    const tokenRequest = `/t ${JSON.stringify({
      grant_type: 'client_credentials',
      client_id: lens.clientId,
      client_secret: 'typed-again',
    })}`;
    expect(listener.received).toEqual([tokenRequest, tokenRequest]);
    expect(listener.received.join()).not.toContain(lens.clientSecret);
  });

  it("sends a secret only to Poly's Lens hosts, and to this machine only behind the setting", async () => {
    for (const good of [
      'https://login.lens.poly.com/oauth/token',
      'https://api.silica-prod01.io.lens.poly.com/graphql',
      'https://api.eu1.lens.poly.com/graphql',
    ]) {
      expect(lensEndpointProblem(good, false)).toBeNull();
      expect(lensConnectionInputSchema.shape.tokenUrl.safeParse(good).success).toBe(true);
    }
    for (const bad of [
      'https://evil.example.com/oauth/token',
      'https://lens.poly.com.evil.example.com/oauth/token',
      'https://evil.example.com/#.lens.poly.com',
      'https://user:pw@login.lens.poly.com/oauth/token',
      'https://login.lens.poly.com:8443/oauth/token',
      'http://login.lens.poly.com/oauth/token',
      'https://10.0.0.5/oauth/token',
      'https://192.168.1.10/graphql',
      'https://[fd00::1]/graphql',
      'not a url',
    ]) {
      expect(lensEndpointProblem(bad, true)).toMatch(/not an address of Poly Lens/);
      expect(lensConnectionInputSchema.shape.tokenUrl.safeParse(bad).success).toBe(false);
    }
    expect(lensEndpointProblem('http://127.0.0.1:9/oauth/token', false)).toBe(
      'http://127.0.0.1:9/oauth/token: not an address of Poly Lens (https://….lens.poly.com)',
    );
    expect(lensEndpointProblem('http://127.0.0.1:9/oauth/token', true)).toBeNull();
    expect(lensEndpointProblem('http://[::1]:9/oauth/token', true)).toBeNull();

    // Without the setting nothing is sent to a listener on this machine, by any path.
    vi.stubEnv('CSM_LENS_LOOPBACK', '');
    try {
      const access = {
        tokenUrl: `${listener.url}/oauth/token`,
        apiUrl: `${listener.url}/graphql`,
        clientId: 'c',
        clientSecret: 'never-sent',
      };
      await expect(pullTenant(access, 'tenant-1', { attempts: 1 })).rejects.toThrow(
        /not an address of Poly Lens/,
      );
      const connections = new LensConnections(
        await mkdtemp(join(tmpdir(), 'csm-lens-')),
        FILE_SEALER,
      );
      await expect(
        connections.save({ ...access, label: 'L', tenantIds: ['tenant-1'] }, verify),
      ).rejects.toThrow(/not an address of Poly Lens/);
      expect(listener.received.join()).not.toContain('never-sent');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
