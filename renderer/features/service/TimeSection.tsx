/**
 * CSM time (TERMS.md §7): quick entry in 15-minute steps or with a start/stop timer, the month's entries,
 * and the month's ledger (allowed, used, remaining, overage) with a burn-down chart.
 */
import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeEntry } from '../../../shared/model/entities';
import { hoursText } from '../../../shared/service/time';
import { useFormat } from '../../components/format';
import { db } from '../../db/instance';
import { saveTimeEntry } from '../../db/service';
import { RecordSection, type RecordColumn } from './RecordSection';
import { useServiceWrite } from '../../components/service-form';
import { useSubmit } from '../../components/FormDialog';
import { TimeEntryDialog, TimeEntryFields } from '../../components/time-entry/TimeEntryFields';
import { newTimeEntry, useTimer } from '../../components/time-entry/timer';
import { useMayWrite } from '../../db/team-sync';

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

  const columns: RecordColumn<TimeEntry>[] = [
    { field: 'date', cell: (entry) => format.date(entry.date) },
    {
      field: 'minutes',
      align: 'right',
      isMonospace: true,
      cell: (entry) => hoursText(entry.minutes),
    },
    {
      field: 'activity',
      cell: (entry) => (
        <>
          {t(`service.activities.${entry.activity}`)}
          {entry.isBillable ? '' : ` · ${t('service.time.notBillable')}`}
        </>
      ),
    },
    { field: 'note', cell: (entry) => entry.note },
    { field: 'user', cell: (entry) => entry.user },
  ];

  return (
    <RecordSection
      kind="timeEntry"
      rows={entries}
      columns={columns}
      testId="time-list"
      user={user}
      names={(entry) => ({
        what: format.date(entry.date),
        description: `${format.date(entry.date)} ${hoursText(entry.minutes)}`,
      })}
      form={(entry, onClose) =>
        entry ? <TimeEntryDialog entry={entry} user={user} onClose={onClose} /> : null
      }
    >
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
    </RecordSection>
  );
}
