/**
 * The CSM-time timer: one at a time, kept in local storage so it survives a restart. Stopping it adds
 * the time entry (rounded up to the next 15 minutes) and offers to undo it. The customer's time section
 * and the header's badge (features/time) both run it.
 */
import { useLocalStorage } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TimeEntry } from '../../../shared/model/entities';
import { hoursText, timerMinutes } from '../../../shared/service/time';
import { localToday } from '../../../shared/terms/dates';
import { showUndo } from '../undo';
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
