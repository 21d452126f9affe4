/** The growth planner's chart and its table of figures (GrowthPlanner.tsx lays them out). */
import { Paper, Skeleton, Table, Text } from '@mantine/core';
import { lazy, memo, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthOutcome } from '../../../shared/forecast/plan';
import type { PlanCategory } from '../../../shared/reports/plan';
import { useFormat, useShortMonth } from '../../components/format';
import { seriesRows } from '../customers/trend-rows';
import type { ContractCategoryPlan } from './plan-worker';

const TrendChart = lazy(() => import('../customers/TrendChart'));

type Format = ReturnType<typeof useFormat>;

export function recommendedText(
  r: GrowthOutcome | undefined,
  format: Format,
  t: ReturnType<typeof useTranslation>['t'],
): string {
  if (!r) return '–';
  const pct = r.growthPct === null ? '–' : format.percent(r.growthPct).replace('+', '');
  return t('renewals.planner.recommendedValue', { growth: format.number(r.growth), pct });
}

/** The typed growth's figures beside the recommended growth's. */
export function OutcomeTable({
  typed,
  recommended,
}: {
  typed: GrowthOutcome;
  recommended: GrowthOutcome | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = (p: number) => format.percent(p * 100).replace('+', '');
  const rows: [string, (o: GrowthOutcome) => string][] = [
    ['nextOrdered', (o) => format.number(o.nextOrdered)],
    ['triggerAt', (o) => format.number(o.triggerAt)],
    ['pAdjustment', (o) => share(o.pAdjustment)],
    ['upFront', (o) => format.money(o.upFront)],
    ['expectedMidTerm', (o) => format.money(o.expectedMidTerm)],
  ];
  return (
    <Table verticalSpacing={4} data-testid="planner-outcome">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('renewals.planner.figure')}</Table.Th>
          <Table.Th ta="right">{t('renewals.planner.typed')}</Table.Th>
          <Table.Th ta="right">{t('renewals.planner.recommendedColumn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([field, value]) => (
          <Table.Tr key={field}>
            <Table.Td>{t(`renewals.planner.${field}`)}</Table.Td>
            <Table.Td ta="right" data-field={field}>
              {value(typed)}
            </Table.Td>
            <Table.Td ta="right">{recommended ? value(recommended) : '–'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The history and fan, with the typed growth's next ordered and true-up point as lines. */
export const PlannerChart = memo(function PlannerChart({
  history,
  fan,
  adjustmentMonth,
  outcome,
}: {
  history: ContractCategoryPlan['history'];
  fan: PlanCategory['forecast'];
  adjustmentMonth: string;
  outcome: GrowthOutcome | null;
}) {
  const { t } = useTranslation();
  const shortMonth = useShortMonth();
  const rows = useMemo(() => seriesRows(history, fan ?? []), [history, fan]);
  const isMarked = rows.some((r) => r.month === adjustmentMonth);
  return (
    <Paper p={0} role="img" aria-label={t('renewals.planner.caption')}>
      <Suspense fallback={<Skeleton h={280} />}>
        <TrendChart
          rows={rows}
          ordered={outcome?.nextOrdered ?? null}
          triggerAt={outcome?.triggerAt ?? null}
          monthLabel={shortMonth}
          labels={{
            count: t('dashboard.count'),
            ordered: t('renewals.planner.nextOrdered'),
            baseline: t('renewals.planner.triggerAt'),
            forecast: t('dashboard.forecast'),
            band80: t('dashboard.fan80'),
            band95: t('dashboard.fan95'),
          }}
          markedMonth={
            isMarked
              ? { month: adjustmentMonth, label: t('renewals.planner.adjustmentMonth') }
              : undefined
          }
        />
      </Suspense>
      <Text size="xs" c="dimmed">
        {t('renewals.planner.caption')}
      </Text>
    </Paper>
  );
});
