/**
 * CSM time (TERMS.md §7): quick entry in 15-minute steps or with a start/stop timer, the month's entries,
 * and the month's ledger (allowed, used, remaining, overage) with a burn-down chart.
 */
import {
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_ACTIVITIES, type TimeEntry } from '../../../shared/model/entities';
import { type ServiceIssue } from '../../../shared/service/issues';
import { hoursText } from '../../../shared/service/time';
import { useFormat } from '../../components/shell/format';
import { db } from '../../db/instance';
import { saveTimeEntry } from '../../db/service';
import { RecordActions } from './RecordActions';
import { serviceIssuesByField, useServiceWrite } from './form-helpers';
import { ActionsHeader } from '../../components/ActionsHeader';
import { FormDialog, useSubmit } from '../../components/FormDialog';
import { DateField, DurationField } from '../../components/inputs';
import { newTimeEntry, useTimer } from '../time/timer';
import { useMayWrite } from '../../db/team-sync';

/** The entry fields, laid out in a row (quick entry) or a grid (the edit dialog). */
export function TimeEntryFields({
  entry,
  onChange,
  issues,
}: {
  entry: TimeEntry;
  onChange: (patch: Partial<TimeEntry>) => void;
  issues: readonly ServiceIssue[];
}) {
  const { t } = useTranslation();
  const errors = serviceIssuesByField(t, issues);
  return (
    <>
      <DateField
        label={t('service.fields.date')}
        value={entry.date}
        onChange={(date) => onChange({ date: date ?? '' })}
        error={errors.get('date')}
        required
      />
      <DurationField
        label={t('service.fields.minutes')}
        title={t('inputs.durationHelp')}
        value={entry.minutes}
        onChange={(minutes) => onChange({ minutes })}
        error={errors.get('minutes')}
      />
      <Select
        label={t('service.fields.activity')}
        data={TIME_ACTIVITIES.map((a) => ({ value: a, label: t(`service.activities.${a}`) }))}
        value={entry.activity}
        onChange={(value) => onChange({ activity: value ?? 'other' })}
        allowDeselect={false}
      />
      <TextInput
        label={t('service.fields.note')}
        value={entry.note}
        onChange={(e) => onChange({ note: e.currentTarget.value })}
      />
      <Checkbox
        mt="xl"
        label={t('service.fields.isBillable')}
        checked={entry.isBillable}
        onChange={(e) => onChange({ isBillable: e.currentTarget.checked })}
      />
    </>
  );
}

export function TimeEntryDialog({
  entry,
  user,
  onClose,
}: {
  entry: TimeEntry;
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(entry);
  const { issues, write } = useServiceWrite();
  return (
    <FormDialog
      onClose={onClose}
      title={t('service.time.edit')}
      onSubmit={() => write(() => saveTimeEntry(db, user, draft))}
    >
      <SimpleGrid cols={2}>
        <TimeEntryFields
          entry={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          issues={issues}
        />
      </SimpleGrid>
    </FormDialog>
  );
}

export function TimeSection({
  customerId,
  customerName,
  entries,
  user,
  today,
}: {
  customerId: string;
  customerName: string;
  /** The month's entries. */
  entries: TimeEntry[];
  user: string;
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState(() => newTimeEntry(customerId, today, user));
  const { issues, write } = useServiceWrite();
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const { timer, start, stop } = useTimer();
  const may = useMayWrite();
  const isRunning = timer?.customerId === customerId;
  const { isSaving, onSubmit } = useSubmit(
    () => write(() => saveTimeEntry(db, user, draft)),
    () => setDraft(newTimeEntry(customerId, draft.date, user)),
  );
  const toggleTimer = async () => {
    if (!isRunning) return start(customerId, customerName);
    const { activity, note, isBillable } = draft;
    if (await stop(user, { activity, note, isBillable }))
      setDraft(newTimeEntry(customerId, draft.date, user));
  };

  return (
    <Stack>
      <form onSubmit={onSubmit} noValidate hidden={!may('timeEntries')}>
        <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="time-entry">
          <TimeEntryFields
            entry={draft}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            issues={issues}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={isSaving}>
            {t('service.time.add')}
          </Button>
          <Button
            variant={isRunning ? 'filled' : 'default'}
            color={isRunning ? 'red' : undefined}
            leftSection={isRunning ? <IconPlayerStop size={16} /> : <IconPlayerPlay size={16} />}
            onClick={() => void toggleTimer()}
          >
            {isRunning ? t('service.time.stopTimer') : t('service.time.startTimer')}
          </Button>
          {isRunning ? (
            <Text size="sm" c="dimmed">
              {t('service.time.running', {
                time: new Date(timer.startedAt).toLocaleTimeString(format.locale, {
                  hour: '2-digit',
                  minute: '2-digit',
                }),
              })}
            </Text>
          ) : null}
        </Group>
      </form>
      <Table data-testid="time-list" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('service.fields.date')}</Table.Th>
            <Table.Th ta="right">{t('service.fields.minutes')}</Table.Th>
            <Table.Th>{t('service.fields.activity')}</Table.Th>
            <Table.Th>{t('service.fields.note')}</Table.Th>
            <Table.Th>{t('service.fields.user')}</Table.Th>
            <ActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{format.date(entry.date)}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {hoursText(entry.minutes)}
              </Table.Td>
              <Table.Td>
                {t(`service.activities.${entry.activity}`)}
                {entry.isBillable ? '' : ` · ${t('service.time.notBillable')}`}
              </Table.Td>
              <Table.Td>{entry.note}</Table.Td>
              <Table.Td>{entry.user}</Table.Td>
              <Table.Td>
                <RecordActions
                  what={entry.date}
                  description={`${entry.date} ${hoursText(entry.minutes)}`}
                  onEdit={() => setEditing(entry)}
                  record={{ kind: 'timeEntry', id: entry.id }}
                  user={user}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? (
        <TimeEntryDialog entry={editing} user={user} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}
