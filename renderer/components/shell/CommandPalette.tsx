/** Ctrl/Cmd+K: go to any screen or customer, or run a command, from the keyboard. */
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import {
  IconDatabaseExport,
  IconDatabaseImport,
  IconLanguage,
  IconMoonStars,
  IconSearch,
  IconUser,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCustomers } from '../../db/hooks';
import { db } from '../../db/instance';
import { writeSetting, type Settings } from '../../db/settings';
import type { DataActions } from '../../features/settings/data-actions';
import { SCREEN_ICONS } from './AppLayout';
import { navigate, SCREENS } from './route';

export function CommandPalette({
  settings,
  actions,
}: {
  settings: Settings;
  actions: DataActions;
}) {
  const { t, i18n } = useTranslation();
  const customers = useCustomers() ?? [];
  const otherLanguage = i18n.language === 'sv' ? 'en' : 'sv';
  const isDark = document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark';

  const items: SpotlightActionData[] = [
    ...SCREENS.map((screen) => {
      const Icon = SCREEN_ICONS[screen];
      return {
        id: `screen-${screen}`,
        label: t('palette.goTo', { screen: t(`nav.${screen}`) }),
        leftSection: <Icon size={18} />,
        onClick: () => navigate(screen),
      };
    }),
    ...customers.map((customer) => ({
      id: `customer-${customer.id}`,
      label: t('palette.openCustomer', { customer: customer.name }),
      description: customer.masterAccountId,
      leftSection: <IconUser size={18} />,
      onClick: () => navigate('customers', customer.id),
    })),
    {
      id: 'backup',
      label: t('palette.backup'),
      leftSection: <IconDatabaseExport size={18} />,
      onClick: () => void actions.backup(),
    },
    {
      id: 'restore',
      label: t('palette.restore'),
      leftSection: <IconDatabaseImport size={18} />,
      onClick: () => void actions.restore(),
    },
    {
      id: 'theme',
      label: t('palette.toggleTheme'),
      leftSection: <IconMoonStars size={18} />,
      onClick: () => void writeSetting(db, settings.userName, 'theme', isDark ? 'light' : 'dark'),
    },
    {
      id: 'language',
      label: t('palette.language', { language: otherLanguage === 'sv' ? 'svenska' : 'English' }),
      leftSection: <IconLanguage size={18} />,
      onClick: () => void writeSetting(db, settings.userName, 'language', otherLanguage),
    },
  ];

  return (
    <Spotlight
      actions={items}
      shortcut={['mod + K']}
      nothingFound={t('palette.nothing')}
      highlightQuery
      limit={12}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: t('palette.placeholder'),
        'aria-label': t('palette.open'),
      }}
    />
  );
}
