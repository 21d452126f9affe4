/** Asks before a service record is deleted (the change log keeps it, but nobody should lose it by a slip). */
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';

export function confirmDelete(t: TFunction, what: string, onConfirm: () => Promise<void>): void {
  modals.openConfirmModal({
    title: t('service.deleteTitle'),
    children: <Text size="sm">{t('service.deleteBody', { what })}</Text>,
    labels: { confirm: t('service.deleteConfirm'), cancel: t('common.cancel') },
    confirmProps: { color: 'red' },
    onConfirm: () => void onConfirm(),
  });
}
