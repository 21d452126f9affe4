/** Settings: the user's name, language and theme, the partner brand and terms, and the data commands. */
import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useMayWrite, useTeamSync } from '../../db/team-sync';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api';
import { db } from '../../db/instance';
import { writeSetting, type Settings } from '../../db/settings';
import { api } from '../../platform';
import { useDataActions } from './data-actions';
import { DeletedRecords } from './DeletedRecords';
import { SafetyCopies } from './SafetyCopies';
import { LensSettings } from './LensSettings';
import { TeamSyncSettings } from '../sync/TeamSyncSettings';
import { PartnerTerms } from './PartnerTerms';
import { BrandSettings } from './BrandSettings';
import { EolRegisterSettings } from './EolRegisterSettings';
import { messageOf } from '../../../shared/errors';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="md">
        {title}
      </Title>
      <Stack>{children}</Stack>
    </Paper>
  );
}

export default function SettingsScreen({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const may = useMayWrite();
  const { connection } = useTeamSync();
  const user = settings.userName;
  const actions = useDataActions(user);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [name, setName] = useState(user);

  useEffect(() => {
    api
      .getAppInfo()
      .then(setInfo)
      .catch(() => setInfo(null));
  }, []);

  const save = async <K extends keyof Settings>(key: K, value: Settings[K]) => {
    await writeSetting(db, user, key, value);
    // A new language speaks at once: the confirmation is in the language just chosen.
    const speak = key === 'language' && value !== 'auto' ? i18n.getFixedT(value as string) : t;
    notifications.show({ message: speak('settings.saved'), autoClose: 1500 });
  };

  return (
    <Stack maw={760}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Section title={t('settings.profile')}>
        <Group align="end">
          <TextInput
            label={t('settings.userName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={100}
          />
          <Button
            onClick={() => void save('userName', name.trim())}
            disabled={!name.trim() || name.trim() === user}
          >
            {t('settings.save')}
          </Button>
        </Group>
      </Section>
      <Section title={t('settings.appearance')}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="language-label">
            {t('settings.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="language-label"
            value={settings.language}
            onChange={(value) => void save('language', value)}
            data={[
              { value: 'auto', label: t('settings.languageAuto') },
              { value: 'sv', label: 'Svenska' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="theme-label">
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
            value={settings.theme}
            onChange={(value) => void save('theme', value)}
            data={[
              { value: 'auto', label: t('settings.themeAuto') },
              { value: 'light', label: t('settings.themeLight') },
              { value: 'dark', label: t('settings.themeDark') },
            ]}
          />
        </Stack>
      </Section>
      <Section title={t('settings.brand')}>
        <BrandSettings
          brand={settings.partner.brand}
          mayWrite={may('partnerTerms')}
          onSave={(brand) => save('partner', { ...settings.partner, brand })}
        />
      </Section>
      {may('partnerTerms') ? (
        <Section title={t('settings.partnerTerms')}>
          <PartnerTerms
            partner={settings.partner}
            // The terms' own form keeps the brand as it is now, saved or not by the section above.
            onSave={(partner) => save('partner', { ...partner, brand: settings.partner.brand })}
          />
        </Section>
      ) : null}
      <Section title={t('eolRegister.title')}>
        <EolRegisterSettings user={user} mayWrite={may('eolRegister')} />
      </Section>
      <Section title={t('teamSync.settingsTitle')}>
        <TeamSyncSettings />
      </Section>
      <Section title={t('lens.settingsTitle')}>
        <LensSettings
          user={user}
          schedule={settings.lensSchedule}
          onSchedule={(next) => save('lensSchedule', next)}
        />
      </Section>
      <Section title={t('settings.data')}>
        <Text size="sm">
          {t(info?.host === 'browser' ? 'settings.dataInBrowser' : 'settings.dataLocation')}:{' '}
          <Text span ff="monospace">
            {info?.dataLocation ?? '…'}
          </Text>
        </Text>
        <Group>
          <Button onClick={() => void actions.backup()}>{t('settings.backup')}</Button>
          <Button variant="default" onClick={() => void actions.restore()}>
            {t('settings.restore')}
          </Button>
          <Button
            variant="subtle"
            disabled={connection !== null}
            onClick={() =>
              void actions
                .loadDemo(user)
                .then(() =>
                  notifications.show({ color: 'green', message: t('settings.demoLoaded') }),
                )
                .catch((error: unknown) =>
                  notifications.show({
                    color: 'red',
                    message: t('errors.generic', {
                      message: messageOf(error),
                    }),
                  }),
                )
            }
          >
            {t('settings.loadDemo')}
          </Button>
        </Group>
        {connection ? (
          <Text size="sm" c="dimmed" data-testid="demo-connected">
            {t('settings.demoConnected')}
          </Text>
        ) : null}
        <SafetyCopies onRestore={actions.restoreSafetyCopy} />
        <DeletedRecords user={user} />
      </Section>
      <Section title={t('settings.about')}>
        <Text size="sm">
          {info
            ? t('settings.version', {
                version: info.version,
                host: t(info.host === 'browser' ? 'settings.hostBrowser' : 'settings.hostDesktop'),
              })
            : '…'}
        </Text>
      </Section>
    </Stack>
  );
}
