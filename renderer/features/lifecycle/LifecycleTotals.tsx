/** The list's quantity per model over every site: what the partner quotes. */
import { Stack, Table, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { modelTotals } from '../../../shared/inventory/lifecycle';
import type { ReplacementLine } from '../../../shared/reports/lifecycle-layout';
import { useFormat } from '../../components/format';
import { DateCell } from './LifecycleTable';

export function LifecycleTotals({ lines }: { lines: readonly ReplacementLine[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = useMemo(() => modelTotals(lines), [lines]);
  return (
    <Stack gap={4}>
      <Title order={2} size="h5">
        {t('lifecycle.totals')}
      </Title>
      <Table striped data-testid="lifecycle-totals" maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lifecycle.columns.model')}</Table.Th>
            <Table.Th ta="right">{t('lifecycle.columns.quantity')}</Table.Th>
            <Table.Th>{t('lifecycle.columns.endOfSupport')}</Table.Th>
            <Table.Th>{t('lifecycle.columns.endOfLife')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.map((total) => (
            <Table.Tr key={total.model}>
              <Table.Td>{total.model}</Table.Td>
              <Table.Td ta="right">{format.number(total.quantity)}</Table.Td>
              <DateCell line={total} milestone="endOfSupport" />
              <DateCell line={total} milestone="endOfLife" />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
