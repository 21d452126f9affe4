/**
 * The CSM-time timer: one at a time, kept in local storage so it survives a restart, shown in the
 * header on every screen. Stopping it adds the time entry (rounded up to the next 15 minutes) and
 * offers to undo it.
 */
import { Badge, Button, Group } from '@mantine/core';
import { useInterval, useLocalStorage } from '@mantine/hooks';
import { IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeEntry } from '../../../shared/model/entities';
import { hoursText, timerMinutes } from '../../../shared/service/time';
import { localToday } from '../../../shared/terms/dates';
import { showUndo } from '../../components/undo';
import { db } from '../../db/instance';
import { deleteServiceRecord, saveTimeEntry } from '../../db/service';

/** A new entry of an hour's meeting, the form's starting point. */
export function newTimeEntry(customerId: string, date: string, user: string): TimeEntry {
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

export interface RunningTimer {
  customerId: string;
  customerName: string;
  startedAt: number;
}

export function useTimer() {
  const { t } = useTranslation();
  const [timer, setTimer] = useLocalStorage<RunningTimer | null>({
    key: 'csm-workstation-timer',
    defaultValue: null,
  });
  const start = (customerId: string, customerName: string) =>
    setTimer({ customerId, customerName, startedAt: Date.now() });
  /** Adds the timed entry with the form's activity and note, when the form has them. */
  const stop = async (
    user: string,
    details: Partial<Pick<TimeEntry, 'activity' | 'note' | 'isBillable'>> = {},
  ): Promise<TimeEntry | null> => {
    if (!timer) return null;
    const entry: TimeEntry = {
      ...newTimeEntry(timer.customerId, localToday(), user),
      ...details,
      minutes: timerMinutes(timer.startedAt, Date.now()),
    };
    await saveTimeEntry(db, user, entry);
    setTimer(null);
    showUndo(
      t('service.time.timerAdded', {
        time: hoursText(entry.minutes),
        customer: timer.customerName,
      }),
      t('common.undo'),
      () => deleteServiceRecord(db, user, 'timeEntry', entry.id),
    );
    return entry;
  };
  return { timer, start, stop };
}

/** Minutes since the timer started, refreshed every 15 seconds. */
function useElapsed(startedAt: number): number {
  const [now, setNow] = useState(Date.now);
  useInterval(() => setNow(Date.now()), 15_000, { autoInvoke: true });
  return Math.max(0, Math.floor((now - startedAt) / 60_000));
}

function Elapsed({ startedAt }: { startedAt: number }) {
  return <>{hoursText(useElapsed(startedAt))}</>;
}

/** The running timer in the header: whose time, how long, and Stop (which adds the entry). */
export function TimerBadge({ user }: { user: string }) {
  const { t } = useTranslation();
  const { timer, stop } = useTimer();
  if (!timer) return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="header-timer">
      <Badge color="red" variant="light" size="lg" style={{ textTransform: 'none' }}>
        {timer.customerName} · <Elapsed startedAt={timer.startedAt} />
      </Badge>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        leftSection={<IconPlayerStop size={14} />}
        onClick={() => void stop(user)}
      >
        {t('service.time.stopTimer')}
      </Button>
    </Group>
  );
}
