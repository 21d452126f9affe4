/**
 * The monthly Lens pull: on the first start on or after the chosen day of a month in which it has not
 * run, every mapped customer is pulled in the background, with a notification that follows the run.
 */
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../shared/terms/dates';
import { readImportContext } from '../../db/imports';
import { db } from '../../db/instance';
import { writeSetting, type LensSchedule, type Settings } from '../../db/settings';
import { api } from '../../platform';
import { lensTargets } from './lens-pull';
import { startPullAll } from './pull-all';

/** Whether the month's pull is due on `today`: a day is set, reached, and this month has not run. */
export function isScheduleDue(schedule: LensSchedule, today: string): boolean {
  if (schedule.day === null) return false;
  return (
    Number(today.slice(8, 10)) >= schedule.day &&
    schedule.lastRun?.slice(0, 7) !== today.slice(0, 7)
  );
}

const NOTICE = 'lens-schedule';

export function useLensSchedule(settings: Settings, isReadOnly: boolean): void {
  const { t, i18n } = useTranslation();
  const { lensSchedule, userName } = settings;
  useEffect(() => {
    const today = localToday();
    if (isReadOnly || !navigator.onLine || !isScheduleDue(lensSchedule, today)) return;
    void (async () => {
      const [{ connections }, { customers, overrides, eolRegister }] = await Promise.all([
        api.listLensConnections(),
        readImportContext(db),
      ]);
      const targets = lensTargets(connections, customers);
      if (!targets.some((target) => target.customer)) return;
      // Marked first: a run that stops half-way is not started again on every start this month.
      await writeSetting(db, userName, 'lensSchedule', { ...lensSchedule, lastRun: today });
      notifications.show({
        id: NOTICE,
        loading: true,
        autoClose: false,
        title: t('lens.runScheduled'),
        message: t('lens.runTitle'),
      });
      const run = await startPullAll(
        targets,
        { user: userName, overrides, eolRegister, language: i18n.language },
        'schedule',
      );
      if (!run) {
        notifications.hide(NOTICE);
        return;
      }
      const count = (state: string) => run.rows.filter((r) => r.state === state).length;
      notifications.update({
        id: NOTICE,
        loading: false,
        autoClose: 10_000,
        color: count('failed') > 0 ? 'orange' : 'green',
        title: t('lens.runScheduled'),
        message: t('lens.runDone', {
          count: run.rows.length,
          imported: count('imported'),
          unchanged: count('unchanged'),
          failed: count('failed'),
        }),
      });
    })();
    // Once per start: a later change of the schedule takes effect at the next start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
