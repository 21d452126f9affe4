/** The end-of-life register's problems, changes and catalog hints in the user's language. */
import { useTranslation } from 'react-i18next';
import {
  EOL_DATE_FIELDS,
  mergeDates,
  type Catalog,
  type EolDateField,
  type EolField,
  type EolIssue,
  type EolLine,
} from '../../../shared/catalog';
import type { EolFileProblem } from '../../../shared/eol-register-file';
import { useFormat } from '../../components/format';

export function useEolWords() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const label = (field: EolField) => t(`eolRegister.${field}`);
  const issue = (found: EolIssue): string => {
    if (found.code === 'order')
      return t('eolRegister.issues.order', {
        before: label(found.before).toLocaleLowerCase(i18n.language),
      });
    if (found.code === 'duplicate')
      return t('eolRegister.issues.duplicate', { model: found.model });
    return t(`eolRegister.issues.${found.code}`);
  };
  const problem = (found: EolFileProblem) =>
    t('eolRegister.problem', { row: found.row, column: found.column, problem: issue(found.issue) });
  /** A field's value as the screen writes it: dates as dates, blank as "none". */
  const value = (field: EolField, text: string | undefined) => {
    if (!text) return t('eolRegister.blank');
    return field.startsWith('endOf') ? format.date(text) : text;
  };
  /** A line in one line of text: its model and the dates it gives. */
  const describe = (line: EolLine) =>
    [
      line.model,
      ...EOL_DATE_FIELDS.flatMap((f) => (line[f] ? [`${label(f)} ${value(f, line[f])}`] : [])),
    ].join(' · ');
  return { label, issue, problem, value, describe };
}

/**
 * The catalog's date for a model's date field, as the hint beside a date the line lacks: "Catalog:
 * no date" where the catalog knows the model without one; nothing where it does not know the model.
 */
export function useCatalogHint(catalog: Catalog | undefined) {
  const { t } = useTranslation();
  const format = useFormat();
  return (model: string, field: EolDateField): string | undefined => {
    const entry = model.trim() ? (catalog?.lookup(model) ?? null) : null;
    if (!entry) return undefined;
    const date = mergeDates(null, entry)?.[field]?.date;
    return date
      ? t('eolRegister.catalogDate', { date: format.date(date) })
      : t('eolRegister.noCatalogDate');
  };
}
