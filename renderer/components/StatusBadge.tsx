/**
 * A category's status with its colour (TERMS.md §3), and what it means (TERMS.md §4): over the trigger
 * a category shows its true-up action (projected, due, in progress, at renewal) and the next step,
 * never a bare "over the trigger".
 */
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actionChip, actionDetail } from '../../shared/contracts/action-text';
import type { PortfolioCategory } from '../../shared/reports/portfolio';
import type { DashboardStatus } from '../../shared/terms/baseline';
import { useFormat } from './format';

export const STATUS_COLORS: Record<DashboardStatus, string> = {
  under: 'gray',
  within: 'green',
  approaching: 'yellow',
  trueUpDue: 'red',
};

const ACTION_COLORS = {
  projected: 'grape',
  due: 'red',
  inProgress: 'blue',
  atRenewal: 'teal',
} as const;

/** The colour a category's standing shows in: its action's where it has one, else its status's. */
export function standingColor(cell: Pick<PortfolioCategory, 'action' | 'status'>): string {
  if (cell.action) return ACTION_COLORS[cell.action];
  return cell.status ? STATUS_COLORS[cell.status] : 'gray';
}

/** Badges wrap instead of being cut off. */
const WRAP = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal' },
} as const;

export function StatusBadge({ status }: { status: DashboardStatus | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status ? STATUS_COLORS[status] : 'gray'}
      variant="filled"
      data-status={status ?? 'none'}
      styles={WRAP}
    >
      {t(`status.${status ?? 'none'}`)}
    </Badge>
  );
}

/** The category's status, or its true-up action with the detail below it. */
export function StandingBadge({
  cell,
  hasDetail = true,
  isChip = false,
}: {
  cell: PortfolioCategory;
  hasDetail?: boolean;
  /** True: the badge says the action with its month and amount (actionChip), as a chip. */
  isChip?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!cell.action) return <StatusBadge status={cell.status} />;
  const detail = actionDetail(format.language, cell);
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        color={standingColor(cell)}
        variant="filled"
        data-status={cell.status ?? 'none'}
        data-action={cell.action}
        tt={isChip ? 'none' : undefined}
        radius={isChip ? 'sm' : undefined}
        styles={WRAP}
        title={detail}
      >
        {isChip
          ? actionChip(format.language, cell)
          : cell.isOverdue
            ? t('trueUps.overdue')
            : t(`trueUps.actions.${cell.action}`)}
      </Badge>
      {hasDetail && detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Stack>
  );
}
