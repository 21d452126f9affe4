/** The lifecycle list saved as the replacement list workbook, in the UI's language. */
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n';
import {
  replacementWorkbook,
  type ReplacementList,
} from '../../../shared/reports/lifecycle-layout';
import { exportWorkbook } from '../../components/export-workbook';

export async function exportReplacements(
  t: TFunction,
  list: ReplacementList,
  language: Language,
): Promise<void> {
  const name = list.customer ?? t('lifecycle.workbook.portfolio');
  await exportWorkbook(
    t('lifecycle.fileName', { name, date: list.asOf }),
    replacementWorkbook(list, language),
    (path) => t('lifecycle.exported', { path }),
  );
}
