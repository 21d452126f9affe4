import { describe, expect, it, vi } from 'vitest';
import { openExternalSafe, safeExternalUrl } from '../../../../main/app/external-links';

describe('the external-link helper', () => {
  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'file://server/share/evil.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=calc',
    'app://workstation/index.html',
    'https://user:pass@example.com/',
    'https://localhost/',
    'https://example.com./',
    'https:///path-only',
    ' https://example.com',
    'https://exa mple.com',
    'https://example.com/\u0000',
    'HTTPS//example.com',
    '//example.com',
    '',
    `https://example.com/${'a'.repeat(3000)}`,
    'https://example.com/?a=1&calc.exe',
    'https://www.hp.com/?a=1&calc.exe',
    'https://www.hp.com/x|calc',
    'https://127.0.0.1/',
    'https://192.168.1.10/',
    'https://[::1]/',
    'https://10.0.0.1.nip.io/',
    'https://www.hp.com:8443/',
    'https://www.hp.com.evil.example/',
    'https://evil.example/https://www.hp.com/',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it.each([
    'https://www.hp.com/us-en/poly.html',
    'https://lens.poly.com/',
    'HTTPS://WWW.HP.com/a?b=c#d',
  ])('lets %j through', (url) => {
    expect(safeExternalUrl(url)?.protocol).toBe('https:');
  });

  it('opens only what passes', async () => {
    const open = vi.fn(() => Promise.resolve());
    expect(await openExternalSafe('javascript:alert(1)', open)).toBe(false);
    expect(await openExternalSafe('https://www.hp.com/', open)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://www.hp.com/');
  });
});
