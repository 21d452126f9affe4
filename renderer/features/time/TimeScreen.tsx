/**
 * The CSM's week across all customers (TERMS.md §7): hours per customer and day, the week's entries to
 * edit, and quick entry for any customer.
 */
import {
  ActionIcon,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeEntry } from '../../../shared/model/entities';
import { hoursText, weekOf } from '../../../shared/service/time';
import { newTimeEntry } from '../../components/time-entry/timer';
import { addDays, localToday } from '../../../shared/terms/dates';
import { useFormat } from '../../components/format';
import { useTimeEntriesBetween } from '../../db/hooks/service';
import { db } from '../../db/instance';
import { saveTimeEntry } from '../../db/service';
import type { Settings } from '../../db/settings';
import { useServiceWrite } from '../../components/service-form';
import { TimeEntryDialog, TimeEntryFields } from '../../components/time-entry/TimeEntryFields';
import { useSubmit } from '../../components/FormDialog';

export default function TimeScreen({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = localToday();
  const [anchor, setAnchor] = useState(today);
  const days = weekOf(anchor);
  const first = days[0] ?? anchor;
  const last = days[6] ?? anchor;
  const data = useTimeEntriesBetween(first, last);
  const [draft, setDraft] = useState<TimeEntry>(() => newTimeEntry('', today, settings.userName));
  const { issues, setIssues, write } = useServiceWrite();
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const { isSaving, onSubmit } = useSubmit(
    () => {
      if (draft.customerId) return write(() => saveTimeEntry(db, settings.userName, draft));
      setIssues([{ code: 'required', field: 'customerId', value: '' }]);
      return false;
    },
    () => setDraft(newTimeEntry(draft.customerId, draft.date, settings.userName)),
  );
  if (!data) return <Loader aria-label="Loading" />;
  const names = new Map(data.customers.map((c) => [c.id, c.name]));
  const customerIds = [...new Set(data.entries.map((e) => e.customerId))].sort((a, b) =>
    (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'sv'),
  );
  const minutes = (customerId: string | null, day: string | null) =>
    data.entries
      .filter(
        (e) =>
          (customerId === null || e.customerId === customerId) && (day === null || e.date === day),
      )
      .reduce((sum, e) => sum + e.minutes, 0);
  const weekday = new Intl.DateTimeFormat(format.locale, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {t('time.title')}
          </Title>
          <Text c="dimmed">
            {t('time.week', {
              from: format.date(first),
              to: format.date(last),
              total: hoursText(minutes(null, null)),
            })}
          </Text>
        </div>
        <Group gap="xs">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('time.previous')}
            onClick={() => setAnchor(addDays(first, -7))}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Button variant="default" onClick={() => setAnchor(today)}>
            {t('time.thisWeek')}
          </Button>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('time.next')}
            onClick={() => setAnchor(addDays(first, 7))}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
        </Group>
      </Group>
      <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate>
        <Text fw={600} mb="xs">
          {t('time.quickEntry')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 6 }} data-testid="week-entry">
          <Select
            label={t('time.customer')}
            data={data.customers.map((c) => ({ value: c.id, label: c.name }))}
            value={draft.customerId || null}
            onChange={(v) => setDraft((d) => ({ ...d, customerId: v ?? '' }))}
            searchable
            error={
              issues.some((i) => i.field === 'customerId') ? t('serviceIssues.required') : undefined
            }
          />
          <TimeEntryFields
            entry={draft}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            issues={issues}
          />
        </SimpleGrid>
        <Button mt="sm" type="submit" loading={isSaving}>
          {t('service.time.add')}
        </Button>
      </Paper>
      <Table data-testid="week-grid" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('time.customer')}</Table.Th>
            {days.map((d) => (
              <Table.Th
                key={d}
                ta="right"
                bg={d === today ? 'var(--mantine-color-blue-light)' : undefined}
              >
                {weekday.format(new Date(`${d}T00:00:00Z`))}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('time.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customerIds.map((id) => (
            <Table.Tr key={id} data-customer={names.get(id) ?? id}>
              <Table.Td>{names.get(id) ?? id}</Table.Td>
              {days.map((d) => (
                <Table.Td key={d} ta="right" ff="monospace">
                  {minutes(id, d) ? hoursText(minutes(id, d)) : ''}
                </Table.Td>
              ))}
              <Table.Td ta="right" ff="monospace" fw={700} data-field="total">
                {hoursText(minutes(id, null))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('time.total')}</Table.Th>
            {days.map((d) => (
              <Table.Th key={d} ta="right" ff="monospace">
                {hoursText(minutes(null, d))}
              </Table.Th>
            ))}
            <Table.Th ta="right" ff="monospace">
              {hoursText(minutes(null, null))}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Table verticalSpacing={4} data-testid="week-entries">
        <Table.Tbody>
          {data.entries
            .slice()
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{format.date(e.date)}</Table.Td>
                <Table.Td>{names.get(e.customerId) ?? e.customerId}</Table.Td>
                <Table.Td ff="monospace">{hoursText(e.minutes)}</Table.Td>
                <Table.Td>{t(`service.activities.${e.activity}`)}</Table.Td>
                <Table.Td>{e.note}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('service.edit', { what: e.date })}
                    onClick={() => setEditing(e)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      {editing ? (
        <TimeEntryDialog
          entry={editing}
          user={settings.userName}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
