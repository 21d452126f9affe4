/** One labelled figure of a summary: a small dimmed label over its value. */
import { Text } from '@mantine/core';

export function Fact({
  label,
  value,
  testId,
  weight = 600,
}: {
  label: string;
  value: string | number;
  /** Lets a test read the value alone. */
  testId?: string;
  /** The value's font weight; lighter where a panel shows many facts at once. */
  weight?: 500 | 600;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={weight} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
