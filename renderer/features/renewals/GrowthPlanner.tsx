/**
 * The growth planner (TERMS.md §11): per category, the month-end history and the forecast fan to the next
 * term's end with the adjustment month marked, the expected additions, the recommended growth at the
 * partner's accepted risk, and for the growth typed or dragged its figures, live. "Use in proposal"
 * writes the growth into the renewal proposal only; the contract changes when the renewal is accepted.
 */
import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { OutcomeTable, PlannerChart, recommendedText } from './PlannerParts';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { planOutcome, repricedPlan } from '../../../shared/forecast/category-plan';
import type { Category } from '../../../shared/model/category';
import { planCategory } from '../../../shared/reports/plan';
import { methodWords } from '../../../shared/reports/renewals-layout';
import type { RenewalRow } from '../../../shared/reports/renewals';
import { Fact } from '../../components/Fact';
import { useFormat } from '../../components/format';
import { numberFrom } from '../../components/number-input';
import { proposeGrowth } from '../../components/proposals';
import type { ContractCategoryPlan } from './plan-worker';

export interface GrowthPlannerProps {
  /** The renewal whose proposal the planner edits (its next unit prices price the plan). */
  row: RenewalRow;
  /** Each category's plan at this term's prices; undefined while the worker forecasts. */
  categories: ContractCategoryPlan[] | undefined;
  acceptedRisk: number;
}

/** Each category's plan at the proposal's next unit price. */
function proposalPlans(row: RenewalRow, categories: readonly ContractCategoryPlan[]) {
  return row.lines.flatMap((line) => {
    const found = categories.find((c) => c.category === line.category);
    return found ? [{ ...found, plan: repricedPlan(found.plan, line.nextUnitPrice) }] : [];
  });
}

export function GrowthPlanner({ row, categories, acceptedRisk }: GrowthPlannerProps) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<Category | undefined>(row.lines[0]?.category);
  const priced = useMemo(
    () => (categories ? proposalPlans(row, categories) : undefined),
    [row, categories],
  );
  if (!priced) return <Text c="dimmed">{t('renewals.planner.loading')}</Text>;
  const shown = priced.find((c) => c.category === category) ?? priced[0];
  if (!shown) return <Text c="dimmed">{t('renewals.planner.noContract')}</Text>;
  const name = t(`classes.${shown.category}`);
  const accept = (growth: number) => {
    proposeGrowth(row.contractId, shown.category, growth);
    notifications.show({
      message: t('renewals.planner.accepted', {
        category: name,
        growth,
        contract: row.contractNumber,
      }),
    });
  };
  const proposed = row.lines.find((l) => l.category === shown.category)?.nextAgreedGrowth ?? 0;
  return (
    <Stack gap="sm" data-testid="growth-planner">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('renewals.planner.titleOf', { category: name })}
        </Title>
        {priced.length > 1 ? (
          <SegmentedControl
            size="xs"
            aria-label={t('renewals.planner.categoryOf')}
            value={shown.category}
            onChange={(value) => setCategory(value)}
            data={priced.map((c) => ({ value: c.category, label: t(`classes.${c.category}`) }))}
          />
        ) : null}
      </Group>
      <CategoryPlanner
        key={shown.category}
        entry={shown}
        proposed={proposed}
        acceptedRisk={acceptedRisk}
        onAccept={accept}
      />
    </Stack>
  );
}

function CategoryPlanner({
  entry,
  proposed,
  acceptedRisk,
  onAccept,
}: {
  entry: ContractCategoryPlan;
  proposed: number;
  acceptedRisk: number;
  onAccept: (growth: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [growth, setGrowth] = useState(proposed);
  const { plan } = entry;
  const figures = useMemo(() => planCategory(entry.category, entry.history, plan), [entry, plan]);
  const outcome = useMemo(() => planOutcome(plan, growth), [plan, growth]);
  // The figures paint first; the chart's lines for the typed growth follow in a deferred render.
  const chartOutcome = useDeferredValue(outcome);
  const words = methodWords(figures, format.language);
  const name = t(`classes.${entry.category}`);
  const at = plan.atAdjustment;
  const sliderMax = Math.max(
    10,
    growth,
    2 * (plan.recommended?.growth ?? 0),
    at && plan.latestCount !== null ? at.upper95 - plan.latestCount : 0,
  );
  return (
    <Stack gap="sm">
      {entry.history.length > 0 ? (
        <PlannerChart
          history={entry.history}
          fan={figures.forecast}
          adjustmentMonth={plan.adjustmentMonth}
          outcome={chartOutcome}
        />
      ) : null}
      {!figures.method ? (
        <Alert color="gray">{words.method}</Alert>
      ) : !at ? (
        <Alert color="gray">
          {t('renewals.planner.beyondForecast', { month: format.month(plan.adjustmentMonth) })}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact
            weight={500}
            label={t('renewals.planner.expectedAdditions', {
              month: format.month(plan.adjustmentMonth),
            })}
            value={t('renewals.planner.expectedValue', {
              additions: format.number(plan.expectedAdditions ?? 0),
              low: format.number(at.lower80),
              high: format.number(at.upper80),
            })}
            testId="expected-additions"
          />
          <Fact
            weight={500}
            label={t('renewals.planner.recommended', { risk: acceptedRisk })}
            value={recommendedText(plan.recommended, format, t)}
            testId="recommended"
          />
          <div>
            <Text size="xs" c="dimmed">
              {t('renewals.planner.method')}
            </Text>
            <Text fw={500}>{words.method}</Text>
            <Text size="xs" c="dimmed">
              {words.backtest}
            </Text>
          </div>
        </SimpleGrid>
      )}
      <Group align="end" gap="md">
        <NumberInput
          label={t('renewals.planner.growth')}
          aria-label={t('renewals.planner.growthOf', { category: name })}
          w={200}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          value={growth}
          onChange={(value) => setGrowth(Math.max(0, Math.round(numberFrom(value) ?? 0)))}
        />
        <Slider
          style={{ flex: 1, minWidth: 160 }}
          mb={8}
          min={0}
          max={sliderMax}
          step={1}
          value={growth}
          onChange={setGrowth}
          thumbLabel={t('renewals.planner.slider', { category: name })}
          label={(value) => format.number(value)}
        />
        {plan.recommended ? (
          <Button variant="default" onClick={() => setGrowth(plan.recommended?.growth ?? 0)}>
            {t('renewals.planner.useRecommended')}
          </Button>
        ) : null}
        <Button onClick={() => onAccept(growth)} disabled={growth === proposed}>
          {t('renewals.planner.accept')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('renewals.planner.inProposal', { growth: format.number(proposed) })}
      </Text>
      {outcome ? <OutcomeTable typed={outcome} recommended={plan.recommended} /> : null}
    </Stack>
  );
}
