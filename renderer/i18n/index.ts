/** i18next with English and Swedish; follows the OS language unless the user picks one in Settings. */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DICTIONARIES, type Language } from '../../shared/i18n';

export type { Language };

export function systemLanguage(languages: readonly string[] = navigator.languages): Language {
  return languages.some((l) => l.toLowerCase().startsWith('sv')) &&
    !languages
      .slice(
        0,
        languages.findIndex((l) => l.toLowerCase().startsWith('sv')),
      )
      .some((l) => l.toLowerCase().startsWith('en'))
    ? 'sv'
    : 'en';
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: DICTIONARIES.en }, sv: { translation: DICTIONARIES.sv } },
  lng: typeof navigator === 'undefined' ? 'en' : systemLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
