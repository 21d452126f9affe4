/** The lifecycle lines as a table: per site (or customer) and model the quantity, both dates, their source, the note and notice. */
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LineDates, Milestone } from '../../../shared/inventory/lifecycle';
import { sourceParts, type ReplacementLine } from '../../../shared/reports/lifecycle-layout';
import { useFormat } from '../../components/format';
import { hrefOf } from '../../components/route';

/** A line's date: bold where it falls in the window, marked where it has passed. */
export function DateCell({ line, milestone }: { line: LineDates; milestone: Milestone }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = line[milestone]?.date;
  if (!date) return <Table.Td>–</Table.Td>;
  const hasPassed = line.passed.includes(milestone);
  const isReaching = line.reaching.includes(milestone) && !hasPassed;
  return (
    <Table.Td
      data-field={milestone}
      fw={isReaching ? 700 : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {format.date(date)}
      {hasPassed ? <Text span size="xs" c="dimmed">{` (${t('lifecycle.passed')})`}</Text> : null}
    </Table.Td>
  );
}

export function LifecycleTable({
  lines,
  place,
  testId,
}: {
  lines: readonly ReplacementLine[];
  /** The first column's header: the site, or the customer. */
  place: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{place}</Table.Th>
            <Table.Th>{t('lifecycle.columns.model')}</Table.Th>
            <Table.Th ta="right">{t('lifecycle.columns.quantity')}</Table.Th>
            <Table.Th>{t('lifecycle.columns.endOfSupport')}</Table.Th>
            <Table.Th>{t('lifecycle.columns.endOfLife')}</Table.Th>
            <Table.Th>{t('lifecycle.columns.source')}</Table.Th>
            <Table.Th>{t('lifecycle.columns.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={`${line.place}\u0000${line.model}`} data-testid="lifecycle-line">
              <Table.Td data-field="place">
                {line.customerId ? (
                  <Anchor href={hrefOf('customers', line.customerId, 'lifecycle')} size="sm">
                    {line.place}
                  </Anchor>
                ) : (
                  line.place
                )}
              </Table.Td>
              <Table.Td data-field="model">{line.model}</Table.Td>
              <Table.Td data-field="quantity" ta="right">
                {format.number(line.quantity)}
              </Table.Td>
              <DateCell line={line} milestone="endOfSupport" />
              <DateCell line={line} milestone="endOfLife" />
              <Table.Td>
                {sourceParts(line, format.language).map((part) => (
                  <Text key={part} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {part}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {line.note ? <Text size="sm">{line.note}</Text> : null}
                  {line.notice ? (
                    <Anchor href={line.notice} target="_blank" rel="noreferrer" size="sm">
                      {t('lifecycle.notice')} <IconExternalLink size={12} aria-hidden />
                    </Anchor>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
