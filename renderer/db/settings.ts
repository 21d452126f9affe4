/** App settings: the user's name for the change log, language, theme, the partner's brand and terms. */
import {
  DEFAULT_PARTNER_SETTINGS,
  partnerSettings,
  type PartnerSettings,
} from '../../shared/terms/settings';
import { recordedWrite } from './changes';
import type { WorkstationDatabase } from './database';

export interface Brand {
  name: string;
  /** A data: URL of a PNG or JPEG, kept small. */
  logo: string;
  primaryColor: string;
  accentColor: string;
}

/** The monthly Lens pull: on which day (null: off), and the month it last ran. */
export interface LensSchedule {
  day: number | null;
  lastRun: string | null;
}

export interface Settings {
  userName: string;
  language: 'auto' | 'en' | 'sv';
  theme: 'auto' | 'light' | 'dark';
  brand: Brand;
  partner: PartnerSettings;
  lensSchedule: LensSchedule;
}

export const DEFAULT_SETTINGS: Settings = {
  userName: '',
  language: 'auto',
  theme: 'auto',
  brand: { name: '', logo: '', primaryColor: '#1c4e80', accentColor: '#0091d5' },
  partner: DEFAULT_PARTNER_SETTINGS,
  lensSchedule: { day: null, lastRun: null },
};

export type SettingKey = keyof Settings;

export async function readSettings(db: WorkstationDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value])) as Partial<Settings>;
  // Partner terms stored before a term was added (or synced from an older workstation) take its default.
  return { ...DEFAULT_SETTINGS, ...stored, partner: partnerSettings(stored.partner) };
}

export async function writeSetting<K extends SettingKey>(
  db: WorkstationDatabase,
  user: string,
  key: K,
  value: Settings[K],
): Promise<void> {
  await recordedWrite(db, user, [db.settings], async (record) => {
    const before = (await db.settings.get(key))?.value ?? null;
    await db.settings.put({ key, value });
    record({
      entity: 'setting',
      entityId: key,
      action: before === null ? 'create' : 'update',
      before,
      after: value,
    });
  });
}
