/** The formatters (shared/i18n/format.ts) of the current UI language. */
import { useTranslation } from 'react-i18next';
import { formatters, type Formatters } from '../../shared/i18n/format';

export { formatters, type Formatters };

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language === 'sv' ? 'sv' : 'en');
}
