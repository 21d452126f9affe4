/**
 * Settings → Data → Deleted records: service records deleted and not put back, from the change log,
 * each with who deleted it and when, and a Restore that puts it back as it was.
 */
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { hoursText } from '../../../shared/service/time';
import { useFormat } from '../../components/format';
import { useCustomers, useDeletedRecords } from '../../db/hooks/book';
import { db } from '../../db/instance';
import { restoreServiceRecord, type DeletedRecord } from '../../db/service';

/** What the record was, as its list names it (a time entry: its date and hours). */
function describe(record: DeletedRecord): string {
  const v = record.value as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === 'string' ? v[key] : '');
  if (record.kind === 'rma') return text('serial');
  if (record.kind === 'timeEntry')
    return `${text('date')} ${hoursText(typeof v['minutes'] === 'number' ? v['minutes'] : 0)}`;
  if (record.kind === 'case') return text('title');
  return text('trackingNumber');
}

export function DeletedRecords({ user }: { user: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const records = useDeletedRecords();
  const customers = useCustomers() ?? [];
  if (!records?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('deleted.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('deleted.hint')}
      </Text>
      <Table data-testid="deleted-records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deleted.what')}</Table.Th>
            <Table.Th>{t('deleted.customer')}</Table.Th>
            <Table.Th>{t('deleted.when')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={`${record.kind}/${record.value.id}`}>
              <Table.Td>
                <Text size="sm">{t(`deleted.kind.${record.kind}`)}</Text>
                <Text size="xs" c="dimmed">
                  {describe(record)}
                </Text>
              </Table.Td>
              <Table.Td>
                {customers.find((c) => c.id === record.value.customerId)?.name ?? '–'}
              </Table.Td>
              <Table.Td>
                {t('deleted.by', { when: format.dateTime(record.at), user: record.user || '–' })}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    void restoreServiceRecord(db, user, record.kind, record.value).then((isBack) =>
                      notifications.show({
                        color: isBack ? 'green' : 'orange',
                        message: t(isBack ? 'deleted.restored' : 'deleted.exists'),
                      }),
                    )
                  }
                >
                  {t('deleted.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
