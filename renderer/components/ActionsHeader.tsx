/** The header of a table's actions column: empty to the eye, named for screen readers. */
import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ActionsHeader() {
  const { t } = useTranslation();
  return (
    <Table.Th>
      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
    </Table.Th>
  );
}
