/**
 * The data commands the menu, the command palette and the Settings screen share: back up, restore
 * (after asking), load the demo portfolio. Each shows progress and tells the user how it went.
 */
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLongTask } from '../../components/progress';
import { backupFileName, createBackup, readBackup, restoreBackup } from '../../db/backup';
import { localToday } from '../../../shared/terms/dates';
import { loadDemoPortfolio, type StoredDemoPortfolio } from '../../db/demo';
import { db } from '../../db/instance';
import { teamSyncStore } from '../../db/team-sync';
import { api } from '../../platform';
import { messageOf } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n';

function generateInWorker(asOf: string, language: Language): Promise<StoredDemoPortfolio> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./demo.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<StoredDemoPortfolio>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ asOf, language });
  });
}

export interface DataActions {
  backup: () => Promise<void>;
  restore: () => Promise<void>;
  /** Restores one of the safety copies Settings → Data lists. */
  restoreSafetyCopy: (name: string) => Promise<void>;
  loadDemo: (user: string) => Promise<void>;
}

export function useDataActions(user: string): DataActions {
  const { t, i18n } = useTranslation();
  const runTask = useLongTask();
  const fail = useCallback(
    (error: unknown) =>
      notifications.show({
        color: 'red',
        message: t('errors.generic', {
          message: messageOf(error),
        }),
      }),
    [t],
  );

  const backup = useCallback(async () => {
    try {
      const blob = await runTask(t('progress.backup'), (report) => createBackup(db, report));
      const saved = await api.saveFile({
        suggestedName: backupFileName(new Date()),
        bytes: new Uint8Array(await blob.arrayBuffer()),
        filters: [{ name: 'CSM Workstation backup', extensions: ['json'] }],
      });
      if (saved)
        notifications.show({
          color: 'green',
          message: t('settings.backedUp', { path: saved.path }),
        });
    } catch (error) {
      fail(error);
    }
  }, [fail, runTask, t]);

  /** Restores a backup's bytes, after checking all of it and asking; `name` is how it is shown. */
  const restoreBytes = useCallback(
    async (name: string, bytes: Uint8Array) => {
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/json' });
      // The whole file is checked before the user is asked: a damaged backup is refused here.
      const backup = await runTask(t('progress.checkBackup'), (report) =>
        readBackup(blob, db, report),
      );
      const keepCopy = async (current: Blob) =>
        (await api.keepSafetyBackup({ bytes: new Uint8Array(await current.arrayBuffer()) })).path;
      modals.openConfirmModal({
        title: t('settings.restoreConfirmTitle'),
        children: t('settings.restoreConfirmBody', { rows: backup.rows, file: name }),
        labels: { confirm: t('settings.restoreConfirm'), cancel: t('settings.cancel') },
        confirmProps: { color: 'red' },
        onConfirm: () => {
          runTask(t('progress.restore'), (report) =>
            restoreBackup(db, user, backup, keepCopy, report),
          )
            .then((result) =>
              notifications.show({
                color: 'green',
                autoClose: 15_000,
                message: t('settings.restored', {
                  rows: result.rows,
                  file: name,
                  copy: result.safetyCopy,
                }),
              }),
            )
            .catch(fail);
        },
      });
    },
    [fail, runTask, t, user],
  );

  const restore = useCallback(async () => {
    try {
      const file = await api.openFile({
        filters: [{ name: 'CSM Workstation backup', extensions: ['json'] }],
      });
      if (file) await restoreBytes(file.name, file.bytes);
    } catch (error) {
      fail(error);
    }
  }, [fail, restoreBytes]);

  const restoreSafetyCopy = useCallback(
    async (name: string) => {
      try {
        await restoreBytes(name, await api.readSafetyBackup({ name }));
      } catch (error) {
        fail(error);
      }
    },
    [fail, restoreBytes],
  );

  const loadDemo = useCallback(
    async (name: string) => {
      // Connected, the demo's customers would go to the whole team (the menu and palette offer it too).
      if (teamSyncStore.get().connection) throw new Error(t('settings.demoConnected'));
      await runTask(t('progress.demo'), async (report) => {
        report(0, 2);
        // The demo's notes in the language the user reads it in.
        const portfolio = await generateInWorker(
          localToday(),
          i18n.language === 'sv' ? 'sv' : 'en',
        );
        report(1, 2);
        await loadDemoPortfolio(db, name, portfolio);
        report(2, 2);
      });
    },
    [runTask, t, i18n.language],
  );

  return { backup, restore, restoreSafetyCopy, loadDemo };
}
