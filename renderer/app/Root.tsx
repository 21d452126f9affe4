/** Providers and the gate in front of the app: database state, first run, then the shell. */
import {
  Alert,
  Button,
  Center,
  Loader,
  MantineProvider,
  Stack,
  useMantineColorScheme,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/sv';
import { Notifications } from '@mantine/notifications';
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { OpenState } from '../db/database';
import { useSettings } from '../db/hooks/book';
import { FirstRun } from '../features/first-run/FirstRun';
import { i18n, systemLanguage } from '../i18n';
import { AppLayout } from './AppLayout';
import { TaskProgressProvider } from '../components/progress';
import { HomeCurrency } from '../components/format';
import { appTheme, cssVariables, styleNonce } from './theme';

function useAppearance(
  language: 'auto' | 'en' | 'sv' | undefined,
  colorScheme: 'auto' | 'light' | 'dark' | undefined,
): void {
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    if (!language) return;
    const next = language === 'auto' ? systemLanguage() : language;
    if (i18n.language !== next) void i18n.changeLanguage(next);
    document.documentElement.lang = next;
  }, [language]);
  useEffect(() => {
    if (colorScheme) setColorScheme(colorScheme);
  }, [colorScheme, setColorScheme]);
}

function Gate({ openState }: { openState: OpenState }) {
  const { t } = useTranslation();
  const settings = useSettings();
  useAppearance(settings?.language, settings?.theme);
  if (openState.status === 'failed') {
    return (
      <Center h="100%" p="xl">
        <Alert color="red" title={t('db.openFailedTitle')} maw={560}>
          <Stack>
            {t('db.openFailed', { message: openState.message })}
            <Button onClick={() => window.location.reload()}>{t('db.retry')}</Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (!settings) {
    return (
      <Center h="100%">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!settings.userName) return <FirstRun />;
  return (
    <HomeCurrency.Provider value={settings.partner.defaultCurrency}>
      <AppLayout settings={settings} isReadOnly={openState.isReadOnly} />
    </HomeCurrency.Provider>
  );
}

/** Calendars in the UI's language, weeks from Monday in both. */
function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider
      settings={{ locale: i18n.language === 'sv' ? 'sv' : 'en-gb', firstDayOfWeek: 1 }}
    >
      {children}
    </DatesProvider>
  );
}

/** Mantine with the app's theme in the UI's language. */
function ThemedApp({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => appTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      getStyleNonce={styleNonce}
      cssVariablesResolver={cssVariables}
    >
      {children}
    </MantineProvider>
  );
}

export function Root({ openState }: { openState: OpenState }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedApp>
        <ModalsProvider>
          <Notifications position="bottom-right" />
          <LocalisedDates>
            <TaskProgressProvider>
              <Gate openState={openState} />
            </TaskProgressProvider>
          </LocalisedDates>
        </ModalsProvider>
      </ThemedApp>
    </I18nextProvider>
  );
}
