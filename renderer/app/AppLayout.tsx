/** The shell: navigation, header (offline, read-only, palette), the current screen, menu commands. */
import {
  Alert,
  AppShell,
  Badge,
  Button,
  Group,
  Kbd,
  Loader,
  NavLink,
  Center,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys, useNetwork } from '@mantine/hooks';
import { IconHelp, IconSearch, IconWifiOff } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../../shared/api';
import type { Settings } from '../db/settings';
import { DropZone } from '../features/imports/DropZone';
import { useLensSchedule } from '../features/imports/lens-schedule';
import { setPendingImport } from '../features/imports/pending';
import { useDataActions } from '../features/settings/data-actions';
import { TimerBadge } from '../features/time/timer';
import { SyncStatus } from '../features/sync/SyncStatus';
import { api } from '../platform';
import { CommandPalette } from './CommandPalette';
import { palette } from './palette-shortcut';
import { HelpPanel, setHelpOpen } from './HelpPanel';
import { hrefOf, navigate, useRoute } from '../components/route';
import { SCREEN_ENTRIES, SCREEN_TABLE } from './screens';

/** Once the first screen is up, load every other screen's code (and the chart) while idle: offline later, all is there. */
function prefetchScreens(): () => void {
  const handle = requestIdleCallback(
    () => {
      for (const entry of SCREEN_TABLE) void entry.load();
      void import('../features/customers/TrendChart');
      void import('../features/renewals/RenewalChart');
      void import('../features/service/BurnDownChart');
      void import('../features/contracts/ContractPanel');
      void import('../features/service/ServicePanel');
      // Within two seconds even on a page that is never idle (a busy machine, a test's fake clock).
    },
    { timeout: 2000 },
  );
  return () => cancelIdleCallback(handle);
}

export function AppLayout({ settings, isReadOnly }: { settings: Settings; isReadOnly: boolean }) {
  const { t } = useTranslation();
  const route = useRoute();
  const network = useNetwork();
  const actions = useDataActions(settings.userName);
  const Current = SCREEN_ENTRIES[route.screen].Component;

  // Alt+number works wherever the focus is, in a field too.
  useHotkeys(
    [
      ...SCREEN_TABLE.map(({ screen, hotkey }): [string, () => void] => [
        hotkey,
        () => navigate(screen),
      ]),
      ['F1', () => setHelpOpen(true)],
    ],
    [],
    true,
  );
  useEffect(prefetchScreens, []);
  useLensSchedule(settings, isReadOnly);

  useEffect(
    () =>
      api.onMenuCommand((command: MenuCommand) => {
        if (command === 'backup') void actions.backup();
        else if (command === 'restore') void actions.restore();
        else if (command === 'settings') navigate('settings');
        else if (command === 'commandPalette') palette.open();
        else if (command === 'help') setHelpOpen(true);
        else if (command === 'importInventory') {
          setPendingImport({ kind: 'pick' });
          navigate('imports');
        } else if (command === 'export') navigate('reports');
      }),
    [actions],
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'xs' }} padding="lg">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h4">
              {settings.partner.brand.name ? `${settings.partner.brand.name} · ` : ''}
              {t('app.name')}
            </Title>
            {isReadOnly ? (
              <Badge color="orange" variant="light">
                {t('db.readOnlyTitle')}
              </Badge>
            ) : null}
            {network.online ? null : (
              <Badge
                color="gray"
                variant="light"
                leftSection={<IconWifiOff size={14} />}
                title={t('app.offline')}
              >
                {t('app.offlineBadge')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <SyncStatus />
            <TimerBadge user={settings.userName} />
            <Button
              variant="subtle"
              leftSection={<IconHelp size={16} />}
              rightSection={<Kbd size="xs">F1</Kbd>}
              onClick={() => setHelpOpen(true)}
            >
              {t('help.open')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconSearch size={16} />}
              rightSection={<Kbd size="xs">Ctrl K</Kbd>}
              onClick={() => palette.open()}
            >
              {t('palette.open')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {SCREEN_TABLE.map(({ screen, Icon, label, shortcut }) => (
          <NavLink
            key={screen}
            href={hrefOf(screen)}
            label={t(label)}
            leftSection={<Icon size={18} stroke={1.6} />}
            rightSection={
              <Text size="xs" c="dimmed" aria-hidden>
                {shortcut}
              </Text>
            }
            active={route.screen === screen}
            aria-current={route.screen === screen ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {isReadOnly ? (
          <Alert color="orange" title={t('db.readOnlyTitle')} mb="md">
            {t('db.readOnly')}
          </Alert>
        ) : null}
        <Suspense
          fallback={
            <Center p="xl">
              <Loader aria-label="Loading" />
            </Center>
          }
        >
          <Current id={route.id} path={route.path} settings={settings} />
        </Suspense>
      </AppShell.Main>
      <CommandPalette settings={settings} actions={actions} />
      <HelpPanel />
      <DropZone />
    </AppShell>
  );
}
