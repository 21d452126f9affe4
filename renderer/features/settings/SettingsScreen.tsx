/** Settings: the user's name, language and theme, the partner brand and terms, and the data commands. */
import {
  Button,
  ColorInput,
  Group,
  Image,
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
import { messageOf } from '../../../shared/errors';

const MAX_LOGO_BYTES = 200 * 1024;

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

function toDataUrl(name: string, bytes: Uint8Array): string {
  const type = name.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg';
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:${type};base64,${btoa(binary)}`;
}

export default function SettingsScreen({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const may = useMayWrite();
  const { connection } = useTeamSync();
  const user = settings.userName;
  const actions = useDataActions(user);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [name, setName] = useState(user);
  const [brand, setBrand] = useState(settings.brand);

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

  const pickLogo = async () => {
    const file = await api.openFile({
      filters: [{ name: 'Logo', extensions: ['png', 'jpg', 'jpeg'] }],
    });
    if (!file) return;
    if (file.bytes.byteLength > MAX_LOGO_BYTES) {
      notifications.show({ color: 'red', message: t('settings.brandLogoTooLarge') });
      return;
    }
    setBrand({ ...brand, logo: toDataUrl(file.name, file.bytes) });
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
        <TextInput
          label={t('settings.brandName')}
          value={brand.name}
          onChange={(e) => setBrand({ ...brand, name: e.currentTarget.value })}
          maxLength={120}
        />
        <Group>
          <ColorInput
            label={t('settings.primaryColor')}
            eyeDropperButtonProps={{ 'aria-label': t('settings.pickColour') }}
            value={brand.primaryColor}
            onChange={(primaryColor) => setBrand({ ...brand, primaryColor })}
            format="hex"
          />
          <ColorInput
            label={t('settings.accentColor')}
            eyeDropperButtonProps={{ 'aria-label': t('settings.pickColour') }}
            value={brand.accentColor}
            onChange={(accentColor) => setBrand({ ...brand, accentColor })}
            format="hex"
          />
        </Group>
        <Group>
          {brand.logo ? <Image src={brand.logo} h={48} w="auto" alt={brand.name} /> : null}
          <Button variant="default" onClick={() => void pickLogo()}>
            {t('settings.brandLogo')}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button onClick={() => void save('brand', brand)}>{t('settings.save')}</Button>
        </Group>
      </Section>
      {may('partnerTerms') ? (
        <Section title={t('settings.partnerTerms')}>
          <PartnerTerms partner={settings.partner} onSave={(partner) => save('partner', partner)} />
        </Section>
      ) : null}
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
