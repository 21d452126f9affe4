/** App settings: the user's name for the change log, language, theme, the partner's brand and terms. */
import {
  DEFAULT_PARTNER_SETTINGS,
  partnerBrand,
  partnerSettings,
  type PartnerSettings,
} from '../../shared/terms/settings';
import { recordedWrite } from './changes';
import type { WorkstationDatabase } from './database';

/** The monthly Lens pull: on which day (null: off), and the month it last ran. */
export interface LensSchedule {
  day: number | null;
  lastRun: string | null;
}

export interface Settings {
  userName: string;
  language: 'auto' | 'en' | 'sv';
  theme: 'auto' | 'light' | 'dark';
  /** The partner's terms and brand (its brand was a row of its own before it synced with the terms). */
  partner: PartnerSettings;
  lensSchedule: LensSchedule;
}

export const DEFAULT_SETTINGS: Settings = {
  userName: '',
  language: 'auto',
  theme: 'auto',
  partner: DEFAULT_PARTNER_SETTINGS,
  lensSchedule: { day: null, lastRun: null },
};

export type SettingKey = keyof Settings;

export async function readSettings(db: WorkstationDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const { brand, ...stored } = Object.fromEntries(
    rows.map((row) => [row.key, row.value]),
  ) as Partial<Settings> & { brand?: unknown };
  // Partner terms stored before a term was added (or synced from an older workstation) take its
  // default; a brand kept in its own row before it moved into the partner terms is read from there.
  const partner =
    stored.partner?.brand || !brand
      ? stored.partner
      : { ...stored.partner, brand: partnerBrand(brand) };
  return { ...DEFAULT_SETTINGS, ...stored, partner: partnerSettings(partner) };
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
