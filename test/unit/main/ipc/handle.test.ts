import { describe, expect, it, vi } from 'vitest';
import { handle, isTrustedSender } from '../../../../main/ipc/handle';

describe('the IPC sender check', () => {
  it.each([
    [{ url: 'app://workstation/', parent: null }, true],
    [{ url: 'app://workstation/index.html#/portfolio', parent: null }, true],
    [{ url: 'app://workstation/', parent: {} }, false],
    [{ url: 'app://evil/', parent: null }, false],
    [{ url: 'file:///app/index.html', parent: null }, false],
    [{ url: 'https://workstation/', parent: null }, false],
    [{ url: 'http://127.0.0.1:4517/', parent: null }, false],
    [{ url: 'not a url', parent: null }, false],
    [null, false],
  ])('%j → %s', (frame, trusted) => {
    expect(isTrustedSender(frame)).toBe(trusted);
  });
});

describe('handle()', () => {
  type Listener = (event: unknown, input: unknown) => Promise<unknown>;
  function register() {
    const listeners = new Map<string, Listener>();
    const ipcMain = {
      handle: (channel: string, listener: Listener) => listeners.set(channel, listener),
    };
    const implementation = vi.fn(() => Promise.resolve({ path: '/tmp/x.xlsx' }));
    handle(ipcMain as never, 'saveFile', implementation);
    return { listener: listeners.get('api:saveFile') as Listener, implementation };
  }
  const trusted = { senderFrame: { url: 'app://workstation/', parent: null } };
  const valid = { suggestedName: 'report.xlsx', bytes: new Uint8Array([1, 2]), filters: [] };

  it('runs the implementation with validated input from the app window', async () => {
    const { listener, implementation } = register();
    await expect(listener(trusted, valid)).resolves.toEqual({ path: '/tmp/x.xlsx' });
    expect(implementation).toHaveBeenCalledOnce();
  });

  it('refuses calls from other frames before validating anything', async () => {
    const { listener, implementation } = register();
    await expect(
      listener({ senderFrame: { url: 'https://evil.example/', parent: null } }, valid),
    ).rejects.toThrow(/did not come from the app window/);
    expect(implementation).not.toHaveBeenCalled();
  });

  it.each([
    [{ ...valid, suggestedName: '../../.bashrc' }, /suggestedName/],
    [{ ...valid, suggestedName: 'a\u0000b' }, /suggestedName/],
    [{ ...valid, suggestedName: 'CON .x' }, /suggestedName/],
    [{ ...valid, suggestedName: 'CONIN$' }, /suggestedName/],
    [{ ...valid, suggestedName: 'conout$.txt' }, /suggestedName/],
    [{ ...valid, suggestedName: 'invoice\u202efdp.xlsx' }, /suggestedName/],
    [{ ...valid, suggestedName: 'report.xlsx:hidden' }, /suggestedName/],
    [{ ...valid, suggestedName: 'a..b.xlsx' }, /suggestedName/],
    [{ ...valid, bytes: 'not bytes' }, /bytes/],
    [{ ...valid, extra: true }, /input|extra|Unrecognized/i],
    [{ ...valid, filters: [{ name: 'x', extensions: ['*'] }] }, /filters/],
  ])('refuses invalid input %#', async (input, message) => {
    const { listener, implementation } = register();
    await expect(listener(trusted, input)).rejects.toThrow(message);
    expect(implementation).not.toHaveBeenCalled();
  });
});

describe('saveWorkbooks', () => {
  it('refuses a folder of files with any unsafe name, before a dialog opens', async () => {
    const listeners = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const implementation = vi.fn(() => Promise.resolve(null));
    handle(
      { handle: (channel: string, listener: never) => listeners.set(channel, listener) },
      'saveWorkbooks',
      implementation,
    );
    const listener = listeners.get('api:saveWorkbooks')!;
    const trusted = { senderFrame: { url: 'app://workstation/', parent: null } };
    const file = (name: string) => ({
      name,
      workbook: { sheets: [{ name: 'S', columns: [{ header: 'A', type: 'text' }], rows: [] }] },
    });
    await expect(
      listener(trusted, {
        title: 'Export',
        files: [file('Contoso AB 2026-11.xlsx'), file('CON .x')],
      }),
    ).rejects.toThrow(/files/);
    await expect(
      listener(trusted, { title: 'Export', files: [file('a\u2066b.xlsx')] }),
    ).rejects.toThrow(/files/);
    expect(implementation).not.toHaveBeenCalled();
    await listener(trusted, { title: 'Export', files: [file('Contoso AB 2026-11.xlsx')] });
    expect(implementation).toHaveBeenCalledOnce();
  });
});
