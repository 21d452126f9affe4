import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { osSealer, type OsSecretStore } from '../../../../../main/app/secrets';
import { LensConnections } from '../../../../../main/services/lens/connections';

/** A stand-in for safeStorage: reversible, and never the plain text. */
const store = (isAvailable = true, backend = 'gnome_libsecret'): OsSecretStore => ({
  isEncryptionAvailable: () => isAvailable,
  getSelectedStorageBackend: () => backend,
  encryptString: (text) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
  decryptString: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
});

const input = {
  label: 'Nordic partner',
  clientId: 'client-abc',
  clientSecret: 'very-secret-value',
  tokenUrl: 'https://login.lens.poly.com/oauth/token',
  apiUrl: 'https://api.silica-prod01.io.lens.poly.com/graphql',
  tenantIds: ['t-1', 't-2'],
};
const reached = (_access: unknown, id: string) =>
  Promise.resolve({ name: `Tenant ${id}`, devices: 5 });

describe('Lens API connections', () => {
  it('seals the secret with the OS store, and gives it back only to a pull', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csm-lens-'));
    const connections = new LensConnections(dir, osSealer(store()));
    const saved = await connections.save(input, reached);
    expect(saved.tenants).toEqual([
      { id: 't-1', name: 'Tenant t-1', devices: 5 },
      { id: 't-2', name: 'Tenant t-2', devices: 5 },
    ]);
    expect(JSON.stringify(await connections.list())).not.toContain('very-secret-value');
    expect(await readFile(join(dir, 'lens-connections.json'), 'utf8')).not.toContain(
      'very-secret-value',
    );
    expect((await connections.access(saved.id)).clientSecret).toBe('very-secret-value');

    // An edit without a secret keeps the stored one.
    const edited = await connections.save(
      { ...input, id: saved.id, label: 'Renamed', clientSecret: '', tenantIds: ['t-2'] },
      reached,
    );
    expect(edited).toMatchObject({ id: saved.id, label: 'Renamed', tenants: [{ id: 't-2' }] });
    expect((await connections.access(saved.id)).clientSecret).toBe('very-secret-value');
    expect(await connections.list()).toHaveLength(1);
    expect(await connections.remove(saved.id)).toBe(true);
    expect(await connections.list()).toEqual([]);
  });

  it('lists tenants with a typed credential, or a saved one at the addresses it was saved for only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csm-lens-'));
    const connections = new LensConnections(dir, osSealer(store()));
    const { label: _label, tenantIds: _tenants, ...typed } = input;
    expect(await connections.credentials(typed)).toEqual({
      tokenUrl: input.tokenUrl,
      apiUrl: input.apiUrl,
      clientId: 'client-abc',
      clientSecret: 'very-secret-value',
    });
    const saved = await connections.save(input, reached);
    expect(
      (await connections.credentials({ ...typed, id: saved.id, clientSecret: '' })).clientSecret,
    ).toBe('very-secret-value');
    await expect(
      connections.credentials({
        ...typed,
        id: saved.id,
        clientSecret: '',
        tokenUrl: 'https://login.eu.lens.poly.com/oauth/token',
      }),
    ).rejects.toThrow('the token or API address changed: type the client secret again');
    await expect(
      connections.credentials({ ...typed, tokenUrl: 'https://evil.example/token' }),
    ).rejects.toThrow();
    await expect(connections.credentials({ ...typed, clientSecret: '' })).rejects.toThrow(
      'the client secret is missing',
    );
  });

  it('stores nothing when a tenant cannot be reached or the OS has no protected store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csm-lens-'));
    const connections = new LensConnections(dir, osSealer(store()));
    await expect(
      connections.save(input, (_a, id) =>
        id === 't-2' ? Promise.reject(new Error('tenant "t-2" is unknown')) : reached(_a, id),
      ),
    ).rejects.toThrow(/t-2/);
    expect(await connections.list()).toEqual([]);

    const locked = new LensConnections(dir, osSealer(store(false)));
    await expect(locked.save(input, reached)).rejects.toThrow(/no protected storage/);
    expect(await locked.list()).toEqual([]);
  });

  it("refuses to seal with Linux's basic_text fallback, says what to install, and stores nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csm-lens-'));
    // Electron on Linux without a keyring: encryption "available", with a fixed password.
    const fallback = new LensConnections(dir, osSealer(store(true, 'basic_text'), 'linux'));
    const refused = fallback.save(input, reached);
    await expect(refused).rejects.toThrow(/no keyring is running on this Linux computer/);
    await expect(refused).rejects.toThrow(/GNOME Keyring with libsecret.*KWallet/);
    await expect(stat(join(dir, 'lens-connections.json'))).rejects.toThrow(/ENOENT/);

    const keyring = new LensConnections(dir, osSealer(store(true, 'kwallet6'), 'linux'));
    const saved = await keyring.save(input, reached);
    expect((await keyring.access(saved.id)).clientSecret).toBe('very-secret-value');
    // Elsewhere the store is the OS's own (Keychain, DPAPI): no Linux backend to ask about.
    const mac = new LensConnections(dir, osSealer(store(true, 'basic_text'), 'darwin'));
    await expect(mac.save({ ...input, id: saved.id }, reached)).resolves.toMatchObject({
      id: saved.id,
    });
  });
});
