/**
 * The edit and delete buttons of a service record's row. Deleting asks first (the change log keeps the
 * record, but nobody should lose it by a slip).
 */
import { ActionIcon, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function RecordActions({
  what,
  description = what,
  onEdit,
  onDelete,
}: {
  /** Names the record in the buttons' labels. */
  what: string;
  /** Names it in the question before deleting. */
  description?: string;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: t('service.deleteTitle'),
      children: <Text size="sm">{t('service.deleteBody', { what: description })}</Text>,
      labels: { confirm: t('service.deleteConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void onDelete(),
    });
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
