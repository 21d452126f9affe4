/**
 * Settings → Team sync: connect with the server's address and an access token (main keeps the
 * token), what connecting does with this book (upload it into an empty team book, or back it up and
 * join), who you are and what your role may do, Sync now, Disconnect, the edits that need your
 * decision, and for an admin the team's users (TeamUsers).
 */
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamSyncConnection } from '../../../shared/team-sync';
import { useSubmit } from '../../components/FormDialog';
import { useFormat } from '../../components/format';
import { useCustomerCount } from '../../db/hooks/book';
import { teamSync, useTeamSync, type JoinMode } from '../../db/team-sync';
import { api } from '../../platform';
import { SyncDecisions } from './SyncDecisions';
import { TeamUsers } from './TeamUsers';
import { useSyncErrorText } from './SyncStatus';

function ConnectForm() {
  const { t } = useTranslation();
  const customers = useCustomerCount();
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorText = useSyncErrorText();

  const finish = async (connection: TeamSyncConnection, mode: JoinMode) => {
    const { backup } = await teamSync.completeConnect(connection, mode);
    // The safety copy's place stays in sight until the user has read it (Settings → Data lists it).
    notifications.show({
      color: 'green',
      autoClose: backup ? false : undefined,
      message: backup ? t('teamSync.joined', { path: backup }) : t('teamSync.connected'),
    });
  };
  const { isSaving, onSubmit } = useSubmit(async () => {
    setError(null);
    const answer = await api.connectTeamSync({ server: server.trim(), token: token.trim() });
    if (!answer.ok) {
      setError(errorText(answer));
      return false;
    }
    const { connection, bookVersion } = answer.value;
    const mode = await teamSync.joinMode(bookVersion);
    if (mode === 'empty') {
      await finish(connection, mode);
      return true;
    }
    // Nothing changes on this workstation until the user has said yes.
    modals.openConfirmModal({
      title: t(mode === 'upload' ? 'teamSync.uploadTitle' : 'teamSync.joinTitle'),
      children: (
        <Text size="sm">
          {mode === 'upload'
            ? t('teamSync.uploadBody', { count: customers ?? 0 })
            : t('teamSync.joinBody')}
        </Text>
      ),
      labels: {
        confirm: t(mode === 'upload' ? 'teamSync.upload' : 'teamSync.join'),
        cancel: t('common.cancel'),
      },
      onConfirm: () => void finish(connection, mode),
      onCancel: () => void api.disconnectTeamSync(),
    });
    return true;
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="team-sync-form">
      <Stack>
        <TextInput
          label={t('teamSync.server')}
          description={t('teamSync.serverHint')}
          value={server}
          onChange={(e) => setServer(e.currentTarget.value)}
          required
          spellCheck={false}
        />
        <PasswordInput
          label={t('teamSync.token')}
          description={t('teamSync.tokenHint')}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          required
          autoComplete="off"
        />
        {error ? (
          <Alert color="red" role="alert" data-testid="team-sync-error">
            {error}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={isSaving} disabled={!server.trim() || !token.trim()}>
            {t('teamSync.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TeamSyncSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useTeamSync();
  const connection = state.connection;
  const errorText = useSyncErrorText();
  if (!connection)
    return (
      <Stack>
        <Text size="sm">{t('teamSync.intro')}</Text>
        <ConnectForm />
      </Stack>
    );
  const disconnect = () =>
    modals.openConfirmModal({
      title: t('teamSync.disconnect'),
      children: <Text size="sm">{t('teamSync.disconnectConfirm', { count: state.waiting })}</Text>,
      labels: { confirm: t('teamSync.disconnect'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void teamSync.disconnect(),
    });
  return (
    <Stack data-testid="team-sync-connected" data-last-sync={state.lastSyncAt ?? ''}>
      <Text fw={600}>
        {t('teamSync.connectedAs', {
          server: connection.server,
          name: connection.name,
          role: t(`teamSync.roles.${connection.role}`),
        })}
      </Text>
      <Text size="sm">{t(`teamSync.roleRights.${connection.role}`)}</Text>
      <Text size="sm" c="dimmed">
        {state.lastSyncAt
          ? t('teamSync.lastSync', { time: format.dateTime(state.lastSyncAt) })
          : t('teamSync.never')}
      </Text>
      {state.lastError ? (
        <Alert color={state.lastError.kind === 'offline' ? 'yellow' : 'red'}>
          {errorText({ ok: false, ...state.lastError })}
        </Alert>
      ) : null}
      <Group>
        <Button
          variant="default"
          loading={state.phase === 'syncing'}
          onClick={() => void teamSync.syncNow()}
        >
          {t('teamSync.syncNow')}
        </Button>
        <Button variant="subtle" color="red" onClick={disconnect}>
          {t('teamSync.disconnect')}
        </Button>
      </Group>
      <SyncDecisions />
      <TeamUsers connection={connection} />
    </Stack>
  );
}
