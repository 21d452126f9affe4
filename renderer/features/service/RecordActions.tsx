/**
 * The edit and delete buttons of a service record's row. Deleting asks first, and the notification
 * that follows can undo it for a few seconds; after that it can be put back from Settings → Data →
 * Deleted records (the change log keeps what it was).
 */
import { ActionIcon, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncEntity } from '../../../shared/sync/protocol';
import { useMayWrite } from '../../db/team-sync';
import { showUndo } from '../../components/undo';
import { db } from '../../db/instance';
import { deleteServiceRecord, restoreServiceRecord, type ServiceKind } from '../../db/service';

/** The team-sync entity each kind of service record syncs as. */
export const SERVICE_ENTITIES: Record<ServiceKind, SyncEntity> = {
  rma: 'rmas',
  timeEntry: 'timeEntries',
  case: 'cases',
  ecpsIncident: 'ecpsIncidents',
};

export function RecordActions({
  what,
  description = what,
  onEdit,
  record,
  user,
}: {
  /** Names the record in the buttons' labels. */
  what: string;
  /** Names it in the question before deleting. */
  description?: string;
  onEdit: () => void;
  record: { kind: ServiceKind; id: string };
  user: string;
}) {
  const { t } = useTranslation();
  const may = useMayWrite();
  const remove = async () => {
    const deleted = await deleteServiceRecord(db, user, record.kind, record.id);
    if (deleted)
      showUndo(t('service.deleted', { what: description }), t('common.undo'), () =>
        restoreServiceRecord(db, user, record.kind, deleted),
      );
  };
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: t('service.deleteTitle'),
      children: <Text size="sm">{t('service.deleteBody', { what: description })}</Text>,
      labels: { confirm: t('service.deleteConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove(),
    });
  if (!may(SERVICE_ENTITIES[record.kind])) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" aria-label={t('service.edit', { what })} onClick={onEdit}>
        <IconPencil size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('service.delete', { what })}
        onClick={confirmDelete}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}
