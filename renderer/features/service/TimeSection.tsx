/**
 * CSM time (TERMS.md §7): quick entry in 15-minute steps or with a start/stop timer, the month's entries,
 * and the month's ledger (allowed, used, remaining, overage) with a burn-down chart.
 */
import {
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_ACTIVITIES, type TimeEntry } from '../../../shared/model/entities';
import { type ServiceIssue } from '../../../shared/service/issues';
import { hoursText, MINUTE_STEP, timerMinutes } from '../../../shared/service/time';
import { useFormat } from '../../components/shell/format';
import { db } from '../../db/instance';
import { saveTimeEntry } from '../../db/service';
import { RecordActions } from './RecordActions';
import { serviceIssuesByField, useServiceWrite } from './form-helpers';
import { ActionsHeader } from '../../components/ActionsHeader';
import { DialogButtons } from '../../components/DialogButtons';

/** 0:15 … 12:00 in 15-minute steps. */
const DURATIONS = Array.from({ length: 48 }, (_, i) => (i + 1) * MINUTE_STEP);

interface Timer {
  customerId: string;
  startedAt: number;
}

export function emptyEntry(customerId: string, date: string, user: string): TimeEntry {
  return {
    id: crypto.randomUUID(),
    customerId,
    date,
    minutes: 60,
    activity: 'meeting',
    note: '',
    isBillable: true,
    user,
  };
}

/** The entry fields, laid out in a row (quick entry) or a grid (the edit dialog). */
export function TimeEntryFields({
  entry,
  onChange,
  issues,
}: {
  entry: TimeEntry;
  onChange: (patch: Partial<TimeEntry>) => void;
  issues: ServiceIssue[];
}) {
  const { t } = useTranslation();
  const errors = serviceIssuesByField(t, issues);
  return (
    <>
      <TextInput
        type="date"
        label={t('service.fields.date')}
        value={entry.date}
        onChange={(e) => onChange({ date: e.currentTarget.value })}
        error={errors.get('date')}
      />
      <Select
        label={t('service.fields.minutes')}
        data={DURATIONS.map((m) => ({ value: String(m), label: hoursText(m) }))}
        value={String(entry.minutes)}
        onChange={(value) => onChange({ minutes: Number(value ?? MINUTE_STEP) })}
        error={errors.get('minutes')}
        allowDeselect={false}
        searchable
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
  const save = async () => {
    if (await write(() => saveTimeEntry(db, user, draft))) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('service.time.edit')}>
      <Stack>
        <SimpleGrid cols={2}>
          <TimeEntryFields
            entry={draft}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            issues={issues}
          />
        </SimpleGrid>
        <DialogButtons onCancel={onClose}>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </DialogButtons>
      </Stack>
    </Modal>
  );
}

export function TimeSection({
  customerId,
  entries,
  user,
  today,
}: {
  customerId: string;
  /** The month's entries. */
  entries: TimeEntry[];
  user: string;
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState(() => emptyEntry(customerId, today, user));
  const { issues, write } = useServiceWrite();
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const [timer, setTimer] = useLocalStorage<Timer | null>({
    key: 'csm-workstation-timer',
    defaultValue: null,
  });
  const isRunning = timer?.customerId === customerId;

  const add = async () => {
    if (await write(() => saveTimeEntry(db, user, draft)))
      setDraft(emptyEntry(customerId, draft.date, user));
  };
  const toggleTimer = () => {
    if (isRunning) {
      setDraft((d) => ({ ...d, minutes: timerMinutes(timer.startedAt, Date.now()) }));
      setTimer(null);
    } else setTimer({ customerId, startedAt: Date.now() });
  };

  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="time-entry">
        <TimeEntryFields
          entry={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          issues={issues}
        />
      </SimpleGrid>
      <Group>
        <Button onClick={() => void add()}>{t('service.time.add')}</Button>
        <Button
          variant={isRunning ? 'filled' : 'default'}
          color={isRunning ? 'red' : undefined}
          leftSection={isRunning ? <IconPlayerStop size={16} /> : <IconPlayerPlay size={16} />}
          onClick={toggleTimer}
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
