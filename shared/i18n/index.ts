/**
 * The one Swedish/English vocabulary of the app: its screens (through i18next in the renderer) and the
 * files it writes (the report workbooks, `csm`) read these same words.
 */
import { en, type Messages } from './en';
import { sv } from './sv';

export type Language = 'en' | 'sv';
export type { Messages };

export const DICTIONARIES: Record<Language, Messages> = { en, sv };

export function dictionary(language: Language): Messages {
  return DICTIONARIES[language];
}

/**
 * Fills {{name}} placeholders as i18next does; {{name, number}} formats a number in `language`
 * (numbers in text are grouped and use the language's decimal mark too).
 */
export function fill(
  template: string,
  values: Record<string, string | number>,
  language: Language = 'en',
): string {
  return template.replace(
    /\{\{(\w+)(?:,\s*(number))?\}\}/g,
    (match, name: string, format?: string) => {
      if (!Object.hasOwn(values, name)) return match;
      const value = values[name];
      return format && typeof value === 'number'
        ? new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB').format(value)
        : String(value);
    },
  );
}
