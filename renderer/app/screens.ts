/**
 * The screen table: for each screen of the navigation, its code (loaded lazily), icon, keyboard
 * shortcut and the i18n keys of its name and help text. The navigation, the command palette and the
 * help panel all read it, so a new screen is one row here (and its route in components/route).
 */
import {
  IconBuildingStore,
  IconChartBar,
  IconClock,
  IconFileImport,
  IconFileSpreadsheet,
  IconHourglass,
  IconRefresh,
  IconSettings,
} from '@tabler/icons-react';
import { lazy, type ComponentType } from 'react';
import type { Settings } from '../db/settings';
import { SCREENS, type Screen } from '../components/route';

export type ScreenComponent = ComponentType<{
  id: string | null;
  path: string[];
  settings: Settings;
}>;

export interface ScreenEntry {
  screen: Screen;
  load: () => Promise<{ default: ScreenComponent }>;
  /** The screen's component, loaded the first time it is shown. */
  Component: ScreenComponent;
  Icon: typeof IconChartBar;
  /** The hotkey (Mantine's notation) and how the navigation shows it. */
  hotkey: string;
  shortcut: string;
  /** i18n keys: the screen's name and its help text. */
  label: `nav.${Screen}`;
  help: `help.screen.${Screen}`;
}

function entry(screen: Screen, Icon: ScreenEntry['Icon'], load: ScreenEntry['load']): ScreenEntry {
  const place = SCREENS.indexOf(screen) + 1;
  return {
    screen,
    load,
    Component: lazy(load),
    Icon,
    hotkey: `alt+${place}`,
    shortcut: `Alt+${place}`,
    label: `nav.${screen}`,
    help: `help.screen.${screen}`,
  };
}

export const SCREEN_ENTRIES: Record<Screen, ScreenEntry> = {
  portfolio: entry(
    'portfolio',
    IconChartBar,
    () => import('../features/portfolio/PortfolioScreen'),
  ),
  customers: entry(
    'customers',
    IconBuildingStore,
    () => import('../features/customers/CustomersScreen'),
  ),
  renewals: entry('renewals', IconRefresh, () => import('../features/renewals/RenewalsScreen')),
  time: entry('time', IconClock, () => import('../features/time/TimeScreen')),
  imports: entry('imports', IconFileImport, () => import('../features/imports/ImportsScreen')),
  reports: entry('reports', IconFileSpreadsheet, () => import('../features/reports/ReportsScreen')),
  settings: entry('settings', IconSettings, () => import('../features/settings/SettingsScreen')),
  lifecycle: entry(
    'lifecycle',
    IconHourglass,
    () => import('../features/lifecycle/LifecycleScreen'),
  ),
};

/** In navigation order; Alt+1 … Alt+8 go to them. */
export const SCREEN_TABLE: readonly ScreenEntry[] = SCREENS.map((screen) => SCREEN_ENTRIES[screen]);
