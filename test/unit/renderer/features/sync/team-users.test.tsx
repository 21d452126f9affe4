/**
 * Settings → Team sync → Users (TeamUsers) in jsdom, with main's answers stood in for: an admin sees
 * the users and manages them after a confirm; a CSM sees no panel and nothing is asked of main; a new
 * user's token is shown once, with Copy, and gone when the dialog closes.
 */
import { ModalsProvider } from '@mantine/modals';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../../../../shared/api';
import type { TeamUser } from '../../../../../shared/sync/users';
import type { TeamSyncConnection } from '../../../../../shared/team-sync';
import { TeamUsers } from '../../../../../renderer/features/sync/TeamUsers';
import { click, type } from '../form-helpers';
import { renderInApp } from '../render';

const api = vi.hoisted(() => ({
  listTeamUsers: vi.fn<AppApi['listTeamUsers']>(),
  addTeamUser: vi.fn<AppApi['addTeamUser']>(),
  setTeamUserRole: vi.fn<AppApi['setTeamUserRole']>(),
  revokeTeamUser: vi.fn<AppApi['revokeTeamUser']>(),
}));
// The panel's only way to main: the four users capabilities (the token stays there).
vi.mock('../../../../../renderer/platform', () => ({ api }));

const user = (name: string, overrides: Partial<TeamUser> = {}): TeamUser => ({
  name,
  email: `${name.toLowerCase()}@partner.se`,
  role: 'csm',
  createdAt: '2026-11-01T08:00:00.000Z',
  lastSeenAt: null,
  expiresAt: null,
  revokedAt: null,
  ...overrides,
});

const users = [
  user('Ada', { role: 'admin', lastSeenAt: '2026-12-03T09:30:00.000Z' }),
  user('Karin', { expiresAt: '2099-07-01T00:00:00.000Z' }),
  user('Temp', { revokedAt: '2026-11-20T10:00:00.000Z' }),
];

const connection = (role: TeamSyncConnection['role']): TeamSyncConnection => ({
  server: 'https://sync.partner.se',
  name: 'Ada',
  email: 'ada@partner.se',
  role,
  connectedAt: '2026-12-01T08:00:00.000Z',
});

const show = (role: TeamSyncConnection['role']) =>
  renderInApp(
    <ModalsProvider>
      <TeamUsers connection={connection(role)} />
    </ModalsProvider>,
  );

beforeEach(() => {
  api.listTeamUsers.mockResolvedValue({ ok: true, value: users });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

/** Keys pressed in a field one after the other, as a user does (the list opens between them). */
async function press(target: HTMLElement, ...keys: string[]) {
  target.focus();
  for (const key of keys) {
    fireEvent.keyDown(target, { key, code: key });
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }
}

const row = (name: string) => {
  const cell = screen.getByRole('cell', { name: new RegExp(`^${name}`) });
  return within(cell.closest('tr') as HTMLElement);
};

describe('the Users panel', () => {
  it('is not there for a CSM, an account manager or a read-only user, and asks main nothing', async () => {
    for (const role of ['csm', 'account-manager', 'read-only'] as const) {
      await show(role);
      expect(screen.queryByTestId('team-users')).toBeNull();
      expect(screen.queryByText('Users')).toBeNull();
      cleanup();
    }
    expect(api.listTeamUsers).not.toHaveBeenCalled();
  });

  it('shows an admin each user: role, last seen, access until, revoked', async () => {
    await show('admin');
    expect(await screen.findByText('Ada (you)')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Users' })).toBeTruthy();
    expect(row('Ada').getByRole('combobox', { name: 'Role of Ada' })).toHaveProperty(
      'value',
      'admin',
    );
    expect(row('Ada').getByText(/2026/)).toBeTruthy();
    expect(row('Karin').getByText('Never')).toBeTruthy();
    expect(row('Karin').getByText(/^Through .*2099/)).toBeTruthy();
    expect(row('Temp').getByText(/^Revoked .*2026/)).toBeTruthy();
    // A revoked user has no Revoke and no role to change.
    expect(row('Temp').queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect(row('Temp').getByRole('combobox', { name: 'Role of Temp' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('says why the list cannot be had, and tries again', async () => {
    api.listTeamUsers.mockResolvedValueOnce({
      ok: false,
      kind: 'refused',
      message: "only an admin may manage the team's users (the role csm may not)",
    });
    await show('admin');
    expect((await screen.findByRole('alert')).textContent).toContain('only an admin may manage');
    click('Try again');
    expect(await screen.findByText('Ada (you)')).toBeTruthy();
  });

  it('adds a user and shows the token once, with Copy; closing forgets it', async () => {
    const token = 'csm_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    api.addTeamUser.mockResolvedValue({
      ok: true,
      value: { user: user('Maja', { role: 'account-manager' }), token },
    });
    await show('admin');
    await screen.findByText('Ada (you)');
    click('Add user…');
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Add user' }));
    expect(await dialog.findByText('Enter the user’s name')).toBeTruthy();
    expect(dialog.getByText(/Enter an e-mail address/)).toBeTruthy();
    expect(api.addTeamUser).not.toHaveBeenCalled();

    type(/^Name/, 'Maja');
    type(/^E-mail/, 'maja@partner.se');
    const role = dialog.getByRole('combobox', { name: /^Role/ });
    await press(role, 'ArrowDown', 'ArrowDown', 'Enter');
    fireEvent.click(dialog.getByRole('button', { name: 'Add user' }));
    await waitFor(() =>
      expect(api.addTeamUser).toHaveBeenCalledWith({
        name: 'Maja',
        email: 'maja@partner.se',
        role: 'account-manager',
        expires: null,
      }),
    );
    const shown = await screen.findByRole('dialog', { name: 'Access token for Maja' });
    expect(within(shown).getByTestId('new-user-token').textContent).toBe(token);
    expect(shown.textContent).toContain('It will not be shown again');
    expect(within(shown).getByRole('button', { name: 'Copy token' })).toBeTruthy();
    expect(api.listTeamUsers).toHaveBeenCalledTimes(2);

    fireEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(document.body.textContent).not.toContain(token));
    expect(JSON.stringify(localStorage)).not.toContain(token);
    expect(JSON.stringify(sessionStorage)).not.toContain(token);
  });

  it('shows the server’s refusal of an add in the dialog, which stays open', async () => {
    api.addTeamUser.mockResolvedValue({
      ok: false,
      kind: 'refused',
      message: 'a user with the e-mail karin@partner.se exists already',
    });
    await show('admin');
    await screen.findByText('Ada (you)');
    click('Add user…');
    const dialog = within(await screen.findByRole('dialog'));
    type(/^Name/, 'Karin');
    type(/^E-mail/, 'karin@partner.se');
    fireEvent.click(dialog.getByRole('button', { name: 'Add user' }));
    expect((await dialog.findByRole('alert')).textContent).toBe(
      'The team server refused: a user with the e-mail karin@partner.se exists already',
    );
  });

  it('changes a role only after a confirm', async () => {
    api.setTeamUserRole.mockResolvedValue({ ok: true, value: user('Karin', { role: 'admin' }) });
    await show('admin');
    await screen.findByText('Ada (you)');
    // By keyboard: open the list, up from CSM to admin, Enter.
    const select = row('Karin').getByRole('combobox', { name: 'Role of Karin' });
    await press(select, 'ArrowDown', 'ArrowUp', 'Enter');
    const confirm = await screen.findByRole('dialog', { name: 'Change the role?' });
    expect(confirm.textContent).toContain('Karin becomes admin (was CSM)');
    expect(api.setTeamUserRole).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Change role' }));
    await waitFor(() =>
      expect(api.setTeamUserRole).toHaveBeenCalledWith({
        email: 'karin@partner.se',
        role: 'admin',
      }),
    );
  });

  it('revokes only after a confirm; Cancel changes nothing', async () => {
    api.revokeTeamUser.mockResolvedValue({
      ok: true,
      value: user('Karin', { revokedAt: '2026-12-04T10:00:00.000Z' }),
    });
    await show('admin');
    await screen.findByText('Ada (you)');
    click('Revoke Karin');
    let confirm = await screen.findByRole('dialog', { name: 'Revoke Karin’s access?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.revokeTeamUser).not.toHaveBeenCalled();
    click('Revoke Karin');
    confirm = await screen.findByRole('dialog', { name: 'Revoke Karin’s access?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke access' }));
    await waitFor(() =>
      expect(api.revokeTeamUser).toHaveBeenCalledWith({ email: 'karin@partner.se' }),
    );
  });
});
