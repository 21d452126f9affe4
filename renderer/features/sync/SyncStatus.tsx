/** The team-sync status line in the header: Synced, N waiting, Offline, or Needs your decision. */
import { Badge, UnstyledButton } from '@mantine/core';
import { IconCloud, IconCloudOff, IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncAnswer } from '../../../shared/team-sync';
import { navigate } from '../../components/route';
import { useTeamSync, useTeamSyncLoop } from '../../db/team-sync';

/** A sync failure in the user's words. */
export function useSyncErrorText() {
  const { t } = useTranslation();
  return (answer: Extract<SyncAnswer<never>, { ok: false }>) =>
    t(`teamSync.errors.${answer.kind}`, { message: answer.message });
}

export function SyncStatus() {
  const { t } = useTranslation();
  useTeamSyncLoop();
  const state = useTeamSync();
  if (!state.connection) return null;
  const [text, color, Icon] =
    state.decisions.length > 0
      ? [
          t('teamSync.status.decide', { count: state.decisions.length }),
          'orange',
          IconAlertTriangle,
        ]
      : state.phase === 'syncing'
        ? [
            state.pulled > 0
              ? t('teamSync.status.pulled', { count: state.pulled })
              : t('teamSync.status.syncing'),
            'blue',
            IconRefresh,
          ]
        : state.phase === 'offline'
          ? [
              state.waiting > 0
                ? t('teamSync.status.offlineWaiting', { count: state.waiting })
                : t('teamSync.status.offline'),
              'gray',
              IconCloudOff,
            ]
          : state.phase === 'failed'
            ? [
                state.lastError?.kind === 'database'
                  ? t('teamSync.status.database')
                  : t('teamSync.status.failed'),
                'red',
                IconAlertTriangle,
              ]
            : state.waiting > 0
              ? [t('teamSync.status.waiting', { count: state.waiting }), 'yellow', IconCloud]
              : [t('teamSync.status.synced'), 'green', IconCloud];
  return (
    <UnstyledButton
      onClick={() => navigate('settings')}
      aria-label={`${t('teamSync.settingsTitle')}: ${text}`}
      data-testid="sync-status"
    >
      <Badge
        color={color}
        variant="light"
        size="lg"
        leftSection={<Icon size={14} />}
        style={{ textTransform: 'none' }}
      >
        {text}
      </Badge>
    </UnstyledButton>
  );
}
