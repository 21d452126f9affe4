import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  resolveStaticPath,
  serveStatic,
} from '../../../../main/services/static-files';

let root = '';

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'csm-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<meta property="csp-nonce" nonce="__CSP_NONCE__">');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'secret');
});

describe('the protocol path resolver', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%00index.html',
    '/./index.html',
    'index.html',
    '/%E0%A4%A',
  ])('refuses %j', async (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
    expect((await serveStatic(root, path)).status).toBe(404);
  });

  it('serves files under the root with their type, the CSP and a fresh nonce in index.html', async () => {
    const js = await serveStatic(root, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toMatch(/javascript/);
    const first = await serveStatic(root, '/');
    const second = await serveStatic(root, '/index.html');
    const nonce = /nonce="([^"]+)"/.exec(String(first.body))?.[1] ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(first.headers['Content-Security-Policy']).toBe(contentSecurityPolicy(nonce));
    expect(String(second.body)).not.toContain(nonce);
    expect((await serveStatic(root, '/missing.js')).status).toBe(404);
  });

  it('allows no inline scripts, no eval, no remote connections and no framing', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
  });
});
