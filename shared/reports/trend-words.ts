/**
 * The trigger forecast in words, in either language: the month triggerAt is reached and the months it
 * likely falls between ("likely between March and June 2027"), and the method with its backtest error.
 */
import { dictionary, fill, type Language } from '../i18n';
import { formatters, localeOf } from '../i18n/format';
import type { Forecast } from './trend';

/** "March and June 2027", or "December 2026 and February 2027" across a year. */
function monthSpan(from: string, to: string, language: Language): { from: string; to: string } {
  const format = formatters(language);
  if (from.slice(0, 4) !== to.slice(0, 4))
    return { from: format.month(from), to: format.month(to) };
  const name = new Intl.DateTimeFormat(localeOf(language), { month: 'long', timeZone: 'UTC' });
  return { from: name.format(new Date(`${from}-01T00:00:00Z`)), to: format.month(to) };
}

/** What the dashboard says of a forecast, for a category named `category`. */
export function forecastWords(
  f: Forecast,
  category: string,
  language: Language,
): { headline: string; method: string | null } {
  const d = dictionary(language).dashboard;
  const format = formatters(language);
  const month = (value: string) => format.month(value);
  const values = { category, triggerAt: f.triggerAt, end: month(f.termEndMonth) };
  const method = f.method
    ? fill(d.forecastMethod, {
        method: dictionary(language).renewals.plan.methods[f.method].toLowerCase(),
        months: f.basedOnMonths,
        mae: formatters(language).decimal(f.backtestMae ?? 0),
      })
    : null;
  const say = (template: string, more: Record<string, string> = {}) => ({
    headline: fill(template, { ...values, ...more }),
    method,
  });
  if (f.isReached && f.reachesTriggerAt)
    return say(d.forecastReached, { month: month(f.reachesTriggerAt) });
  if (!f.method) return say(d.forecastTooLittle, { months: String(f.basedOnMonths) });
  if (!f.reachesTriggerAt)
    return f.likelyFrom
      ? say(d.forecastPossible, { from: month(f.likelyFrom) })
      : say(d.forecastNever);
  const at = month(f.reachesTriggerAt);
  if (!f.likelyTo)
    return say(d.forecastReachesFrom, {
      month: at,
      from: month(f.likelyFrom ?? f.reachesTriggerAt),
    });
  if (f.likelyFrom === f.likelyTo) return say(d.forecastReachesIn, { month: at });
  return say(d.forecastReachesBetween, {
    month: at,
    ...monthSpan(f.likelyFrom ?? f.reachesTriggerAt, f.likelyTo, language),
  });
}
