/** A category status with its colour, for dashboards (TERMS.md §3). */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardStatus } from '../../shared/terms/baseline';

export const STATUS_COLORS: Record<DashboardStatus, string> = {
  under: 'gray',
  within: 'green',
  approaching: 'yellow',
  trueUpDue: 'red',
};

export function StatusBadge({ status }: { status: DashboardStatus | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status ? STATUS_COLORS[status] : 'gray'}
      variant="filled"
      data-status={status ?? 'none'}
    >
      {t(`status.${status ?? 'none'}`)}
    </Badge>
  );
}
