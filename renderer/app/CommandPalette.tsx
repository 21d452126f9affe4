/** Ctrl/Cmd+K: go to any screen or customer, or run a command, from the keyboard. */
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import {
  IconDatabaseExport,
  IconDeviceDesktop,
  IconDatabaseImport,
  IconLanguage,
  IconMoonStars,
  IconSearch,
  IconUser,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { normaliseSerial } from '../../shared/inventory/identity';
import { useCustomers, useCustomerSearch, useDeviceIndex } from '../db/hooks/book';
import { db } from '../db/instance';
import { writeSetting, type Settings } from '../db/settings';
import type { DataActions } from '../features/settings/data-actions';
import { navigate } from '../components/route';
import { SCREEN_TABLE } from './screens';
import { paletteStore, usePaletteShortcut } from './palette-shortcut';

export function CommandPalette({
  settings,
  actions,
}: {
  settings: Settings;
  actions: DataActions;
}) {
  const { t, i18n } = useTranslation();
  const customers = useCustomers() ?? [];
  const [query, setQuery] = useState('');
  const [isOpen, setOpen] = useState(false);
  const onSearchFocus = usePaletteShortcut(isOpen, setQuery);
  // Read while the palette is open, not after every write to the book.
  const terms = useCustomerSearch(isOpen);
  const devices = useDeviceIndex(isOpen);
  const serial = normaliseSerial(query);
  const deviceCustomer = serial.length >= 4 ? devices?.get(serial) : undefined;
  const device = deviceCustomer ? { serial, customerId: deviceCustomer } : null;
  const otherLanguage = i18n.language === 'sv' ? 'en' : 'sv';
  const isDark = document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark';

  const items: SpotlightActionData[] = [
    ...SCREEN_TABLE.map(({ screen, Icon, label }) => ({
      id: `screen-${screen}`,
      label: t('palette.goTo', { screen: t(label) }),
      leftSection: <Icon size={18} />,
      onClick: () => navigate(screen),
    })),
    ...(device
      ? [
          {
            id: `device-${device.serial}`,
            label: t('palette.openDevice', {
              serial: device.serial,
              customer: customers.find((c) => c.id === device.customerId)?.name ?? '',
            }),
            // Found by its serial: shown whatever the other filters say.
            keywords: [query],
            leftSection: <IconDeviceDesktop size={18} />,
            onClick: () => navigate('customers', device.customerId, 'devices', device.serial),
          },
        ]
      : []),
    ...customers.map((customer) => ({
      id: `customer-${customer.id}`,
      label: t('palette.openCustomer', { customer: customer.name }),
      description: customer.masterAccountId,
      // Found by its contract numbers, Lens accounts and sites too.
      keywords: terms?.get(customer.id) ?? [],
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
      store={paletteStore}
      actions={items}
      query={query}
      onQueryChange={setQuery}
      onSpotlightOpen={() => setOpen(true)}
      onSpotlightClose={() => setOpen(false)}
      // Ours, not Mantine's: it works in a text field too and keeps what is typed as it opens.
      shortcut={null}
      nothingFound={t('palette.nothing')}
      highlightQuery
      limit={12}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: t('palette.placeholder'),
        'aria-label': t('palette.open'),
        onFocus: onSearchFocus,
        // A result that arrived after the last keystroke (a serial number found) is not selected
        // yet: Enter then takes the first result, as it does for every other query.
        onKeyDown: (event) => {
          if (event.key !== 'Enter') return;
          const list = event.currentTarget.closest('[role="dialog"]');
          if (list && !list.querySelector('[data-selected]'))
            list.querySelector<HTMLElement>('[data-action]')?.click();
        },
      }}
    />
  );
}
