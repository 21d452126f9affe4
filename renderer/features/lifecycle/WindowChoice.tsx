/** The window's choice: 3, 6 or 12 months (a segmented control: arrow keys move between them). */
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_WINDOWS, type LifecycleWindow } from '../../../shared/inventory/lifecycle';

export function WindowChoice({
  value,
  onChange,
}: {
  value: LifecycleWindow;
  onChange: (months: LifecycleWindow) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lifecycle.window')}
      data-testid="lifecycle-window"
      data={LIFECYCLE_WINDOWS.map((months) => ({
        value: String(months),
        label: t('lifecycle.months', { count: months }),
      }))}
      value={String(value)}
      onChange={(next) => onChange(LIFECYCLE_WINDOWS.find((m) => String(m) === next) ?? value)}
    />
  );
}
