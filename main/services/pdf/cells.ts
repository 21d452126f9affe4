/**
 * A typed cell as the PDF prints it: the text a reader of the workbook sees in that cell (its number
 * format), written in the report's language (7 650,00 in Swedish, 7,650.00 in English).
 */
import { dictionary } from '../../../shared/i18n';
import { localeOf } from '../../../shared/i18n/format';
import type { CellSpec, ColumnType } from '../../../shared/workbook-spec';
import type { ReportLanguage } from '../../../shared/reports/monthly-model';

export interface CellFormat {
  text(cell: CellSpec, columnType: ColumnType): string;
  /** Whether a column of this type is aligned right (figures are). */
  isFigure(type: ColumnType): boolean;
}

/** The cell formats of one language: number formats made once. */
export function cellFormat(language: ReportLanguage): CellFormat {
  const locale = localeOf(language);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 });
  const money = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const words = dictionary(language).common;
  const valueText = (value: string | number | boolean | null, type: ColumnType): string => {
    if (value === null) return '';
    if (typeof value === 'boolean') return value ? words.yes : words.no;
    if (typeof value === 'string') {
      if (type === 'date') return value.slice(0, 10);
      // An instant as the workbook shows it: its UTC date and time to the minute.
      if (type === 'datetime' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value))
        return `${value.slice(0, 10)} ${value.slice(11, 16)}`;
      return value;
    }
    if (type === 'number') return whole.format(value);
    if (type === 'decimal') return decimal.format(value);
    if (type === 'money') return money.format(value);
    if (type === 'percent') return `${percent.format(value)}\u00a0%`;
    if (type === 'duration') {
      const minutes = Math.round(value);
      return `${Math.trunc(minutes / 60)}:${String(Math.abs(minutes % 60)).padStart(2, '0')}`;
    }
    return String(value);
  };
  return {
    text: (cell, columnType) =>
      cell !== null && typeof cell === 'object'
        ? valueText(cell.value, cell.type)
        : valueText(cell, columnType),
    isFigure: (type) =>
      type === 'number' ||
      type === 'decimal' ||
      type === 'money' ||
      type === 'percent' ||
      type === 'duration',
  };
}
