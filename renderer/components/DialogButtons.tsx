/** The buttons at the foot of a dialog: Cancel, then the dialog's own actions, to the right. */
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function DialogButtons({
  onCancel,
  cancelLabel,
  children,
}: {
  onCancel: () => void;
  /** The dismissing button's words where "Cancel" is not what it does ("Not yet"). */
  cancelLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      {children}
    </Group>
  );
}
