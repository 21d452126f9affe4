/** A notification that says what was done and can undo it for a few seconds. */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** How long the undo stays offered. */
const UNDO_MS = 8000;

export function showUndo(message: string, undoLabel: string, undo: () => Promise<unknown>): void {
  const id = `undo-${crypto.randomUUID()}`;
  notifications.show({
    id,
    autoClose: UNDO_MS,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          // The message wraps; the button keeps its whole word (Ångra was cut off).
          style={{ flexShrink: 0 }}
          onClick={() => {
            notifications.hide(id);
            void undo();
          }}
        >
          {undoLabel}
        </Button>
      </Group>
    ),
  });
}
