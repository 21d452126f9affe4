/** The formatters (shared/i18n/format.ts) of the current UI language and the partner's own currency. */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters, type Formatters } from '../../shared/i18n/format';
import type { CurrencyCode } from '../../shared/terms/money';

export { formatters, type Formatters };

/** The partner's own currency (its contracts' default): "kr" means it, other crowns show their code. */
export const HomeCurrency = createContext<CurrencyCode>('SEK');

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language === 'sv' ? 'sv' : 'en', useContext(HomeCurrency));
}

/** A month ("2026-11") as chart axes and tooltips name it ("Nov 2026"), in the UI language. */
export function useShortMonth(): (month: string) => string {
  const { locale } = useFormat();
  const words = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (month) => words.format(new Date(`${month}-01T00:00:00Z`));
}
