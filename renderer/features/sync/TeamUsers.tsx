/**
 * Settings → Team sync → Users, for admins (hidden for every other role; the team server refuses
 * them anyway): each user with role, last seen and access end; a role changed after a confirm;
 * Revoke after a confirm; Add user, whose token is shown once (AddUserDialog).
 */
import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/model/synced-entities';
import type { SyncFailure } from '../../../shared/sync/failure';
import { isActiveUser, lastDayOf, type AddedUser, type TeamUser } from '../../../shared/sync/users';
import type { SyncAnswer, TeamSyncConnection } from '../../../shared/team-sync';
import { useFormat } from '../../components/format';
import { api } from '../../platform';
import { AddUserDialog, NewTokenDialog, useRoleOptions } from './AddUserDialog';
import { useSyncErrorText } from './SyncStatus';

/** The users as the team server lists them; reload after a change (it asks again). */
function useTeamUsers() {
  const [users, setUsers] = useState<TeamUser[] | null>(null);
  const [failure, setFailure] = useState<SyncFailure | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void api.listTeamUsers().then((answer) => {
      if (!isCurrent) return;
      if (answer.ok) {
        setUsers(answer.value);
        setFailure(null);
      } else setFailure({ kind: answer.kind, message: answer.message });
    });
    return () => {
      isCurrent = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { users, failure, reload };
}

export function TeamUsers({ connection }: { connection: TeamSyncConnection }) {
  if (connection.role !== 'admin') return null;
  return <UsersPanel me={connection.email} />;
}

function UsersPanel({ me }: { me: string }) {
  const { t } = useTranslation();
  const errorText = useSyncErrorText();
  const { users, failure, reload } = useTeamUsers();
  const [isAdding, setAdding] = useState(false);
  const [added, setAdded] = useState<AddedUser | null>(null);

  /** Runs a change; says what came of it, and lists the users again. */
  const change = async (
    run: () => Promise<SyncAnswer<TeamUser>>,
    done: (u: TeamUser) => string,
  ) => {
    const answer = await run();
    if (answer.ok) notifications.show({ color: 'green', message: done(answer.value) });
    else notifications.show({ color: 'red', message: errorText(answer) });
    reload();
  };

  return (
    <Stack data-testid="team-users" mt="md">
      <Title order={4}>{t('teamSync.users.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('teamSync.users.intro')}
      </Text>
      {failure ? (
        <Alert color="red" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorText({ ok: false, ...failure })}</Text>
            <Button size="xs" variant="default" onClick={reload}>
              {t('teamSync.users.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {!users && !failure ? <Text size="sm">{t('teamSync.users.loading')}</Text> : null}
      {users ? <UsersTable users={users} me={me} change={change} /> : null}
      <Group>
        <Button variant="default" onClick={() => setAdding(true)}>
          {t('teamSync.users.add')}
        </Button>
      </Group>
      {isAdding ? (
        <AddUserDialog
          onClose={() => setAdding(false)}
          onAdded={(user) => {
            setAdded(user);
            reload();
          }}
        />
      ) : null}
      {added ? <NewTokenDialog added={added} onClose={() => setAdded(null)} /> : null}
    </Stack>
  );
}

type Change = (
  run: () => Promise<SyncAnswer<TeamUser>>,
  done: (u: TeamUser) => string,
) => Promise<void>;

function UsersTable({ users, me, change }: { users: TeamUser[]; me: string; change: Change }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roles = useRoleOptions();
  const roleName = (role: Role) => t(`teamSync.roles.${role}`);

  const confirmRole = (user: TeamUser, role: Role) =>
    modals.openConfirmModal({
      title: t('teamSync.users.roleTitle'),
      children: (
        <Text size="sm">
          {t('teamSync.users.roleBody', {
            name: user.name,
            role: roleName(role),
            was: roleName(user.role),
          })}
        </Text>
      ),
      labels: { confirm: t('teamSync.users.roleConfirm'), cancel: t('common.cancel') },
      onConfirm: () =>
        void change(
          () => api.setTeamUserRole({ email: user.email, role }),
          (u) => t('teamSync.users.roleChanged', { name: u.name, role: roleName(u.role) }),
        ),
    });
  const confirmRevoke = (user: TeamUser) =>
    modals.openConfirmModal({
      title: t('teamSync.users.revokeTitle', { name: user.name }),
      children: <Text size="sm">{t('teamSync.users.revokeBody')}</Text>,
      labels: { confirm: t('teamSync.users.revokeConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void change(
          () => api.revokeTeamUser({ email: user.email }),
          (u) => t('teamSync.users.revokedDone', { name: u.name }),
        ),
    });
  const accessEnd = (user: TeamUser) => {
    if (user.revokedAt) return t('teamSync.users.revoked', { date: format.date(user.revokedAt) });
    if (!user.expiresAt) return t('teamSync.users.noExpiry');
    const date = format.date(lastDayOf(user.expiresAt));
    return isActiveUser(user)
      ? t('teamSync.users.through', { date })
      : t('teamSync.users.expired', { date });
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="team-users-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('teamSync.users.name')}</Table.Th>
            <Table.Th>{t('teamSync.users.email')}</Table.Th>
            <Table.Th>{t('teamSync.users.role')}</Table.Th>
            <Table.Th>{t('teamSync.users.lastSeen')}</Table.Th>
            <Table.Th>{t('teamSync.users.expiry')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.email} data-revoked={user.revokedAt ? 'true' : undefined}>
              <Table.Td>
                {user.email === me ? t('teamSync.users.you', { name: user.name }) : user.name}
              </Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('teamSync.users.roleOf', { name: user.name })}
                  data={roles}
                  value={user.role}
                  onChange={(value) => value && value !== user.role && confirmRole(user, value)}
                  allowDeselect={false}
                  disabled={Boolean(user.revokedAt)}
                  size="xs"
                  w={140}
                />
              </Table.Td>
              <Table.Td>
                {user.lastSeenAt ? format.dateTime(user.lastSeenAt) : t('teamSync.users.never')}
              </Table.Td>
              <Table.Td>{accessEnd(user)}</Table.Td>
              <Table.Td>
                {user.revokedAt ? null : (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('teamSync.users.revokeOf', { name: user.name })}
                    onClick={() => confirmRevoke(user)}
                  >
                    {t('teamSync.users.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
