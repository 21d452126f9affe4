/** After an import: per customer, what was counted, what not and why, what was rejected, what changed. */
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, EXCLUDED_CLASSES } from '../../../shared/model/category';
import type { Customer, ImportReport as Report } from '../../../shared/model/entities';
import { useFormat } from '../../components/format';
import { UnknownModelsTable } from '../../components/UnknownModels';
import type { ImportOutcome } from '../../db/imports';

const LIST_LIMIT = 50;

export function ReportDetails({ report, user }: { report: Report; user: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <div>
          <Text size="xs" c="dimmed">
            {t('imports.counts')}
          </Text>
          {CATEGORIES.map((c) => (
            <Text key={c} size="sm">
              {t(`classes.${c}`)}: <b>{format.number(report.counts[c])}</b>
            </Text>
          ))}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('imports.excluded')}
          </Text>
          {EXCLUDED_CLASSES.map((c) => (
            <Text key={c} size="sm">
              {t(`classes.${c}`)}: <b>{format.number(report.excluded[c])}</b>
            </Text>
          ))}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {report.isHistorical
              ? t('imports.historical', { date: format.date(report.previousAsOf ?? '') })
              : report.previousAsOf
                ? t('imports.changes', { date: format.date(report.previousAsOf) })
                : t('imports.firstImport')}
          </Text>
          <Text size="sm" c="green">
            {t('imports.added', { count: report.added })}
          </Text>
          <Text size="sm" c="red">
            {t('imports.removed', { count: report.removed })}
          </Text>
        </div>
      </SimpleGrid>
      {report.unknownModels.length > 0 ? (
        <div>
          <Title order={4} size="h6">
            {t('imports.unknownModels')}
          </Title>
          <UnknownModelsTable models={report.unknownModels} user={user} />
        </div>
      ) : null}
      {report.rejectedCount > 0 ? (
        <div>
          <Title order={4} size="h6">
            {t('imports.rejected', { count: report.rejectedCount })}
          </Title>
          <ScrollArea.Autosize mah={240}>
            <Table striped data-testid="rejected-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.row')}</Table.Th>
                  <Table.Th>{t('imports.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejected.slice(0, LIST_LIMIT).map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {report.rejectedCount > LIST_LIMIT ? (
            <Text size="sm">{t('imports.more', { count: report.rejectedCount - LIST_LIMIT })}</Text>
          ) : null}
        </div>
      ) : null}
      {report.duplicateCount > 0 ? (
        <div>
          <Title order={4} size="h6">
            {t('imports.duplicates', { count: report.duplicateCount })}
          </Title>
          <Group gap={6}>
            {report.duplicates.slice(0, LIST_LIMIT).map((d) => (
              <Badge key={d.id} variant="light" color="yellow" tt="none">
                {d.id}: {t('imports.duplicateRows', { rows: d.rows.join(', ') })}
              </Badge>
            ))}
          </Group>
        </div>
      ) : null}
    </Stack>
  );
}

export function ImportReport({
  outcomes,
  customers,
  user,
  onDone,
}: {
  outcomes: ImportOutcome[];
  customers: readonly Customer[];
  user: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = (id: string) => customers.find((c) => c.id === id)?.name ?? id;
  return (
    <Stack data-testid="import-report">
      <Title order={2} size="h3">
        {t('imports.reportTitle')}: {outcomes[0]?.record.fileName}
      </Title>
      {outcomes.map(({ customerId, isUnchanged, record }) => (
        <Paper key={customerId} withBorder p="md" data-customer={nameOf(customerId)}>
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4">
              {nameOf(customerId)}
            </Title>
            <Text size="sm" c="dimmed">
              {t('imports.asOf')} {format.date(record.asOf)} ·{' '}
              {t('imports.rowsAndDevices', {
                rows: format.number(record.rows),
                devices: format.number(record.devices),
              })}
            </Text>
          </Group>
          {isUnchanged ? (
            <Alert color="blue">
              {t('imports.unchanged', {
                customer: nameOf(customerId),
                date: format.date(record.importedAt),
              })}
            </Alert>
          ) : (
            <ReportDetails report={record.report} user={user} />
          )}
        </Paper>
      ))}
      <Group justify="flex-end">
        <Button onClick={onDone}>OK</Button>
      </Group>
    </Stack>
  );
}
