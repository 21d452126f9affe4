/**
 * Renewals, for account managers (TERMS.md §5): contracts renewing in the next 12 months with ordered
 * units, latest counts, units added during the term and the proposed next term. What-if edits (price
 * uplift, next growth, next price) are the session's proposal (components/proposals.ts, which the growth
 * planner here and on the contract tab also writes) until it is accepted, which starts the next term.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconFileExport, IconRefresh } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { setProposal, useProposals } from '../../components/proposals';
import { useTranslation } from 'react-i18next';
import {
  pipelineTotals,
  renewalPipeline,
  type RenewalRow,
  type RenewalWhatIf,
} from '../../../shared/reports/renewals';
import { addMonthsToMonth, localToday, monthOf } from '../../../shared/terms/dates';
import { minorDigits } from '../../../shared/terms/money';
import { renewalPlan, renewalsWorkbook } from '../../../shared/reports/renewals-layout';
import { EmptyState } from '../../components/EmptyState';
import { exportWorkbook } from '../../components/export-workbook';
import { useFormat } from '../../components/format';
import { acceptRenewal } from '../../db/contracts';
import { useRenewalData } from '../../db/hooks/portfolio';
import { db } from '../../db/instance';
import { monthEndHistories } from '../../db/snapshots';
import type { Settings } from '../../db/settings';
import { ContractRenewal } from './RenewalCard';
import { useContractPlans, type ContractPlanInput } from './plan-worker';

const RenewalChart = lazy(() => import('./RenewalChart'));

/** Renewal value per month over the next year, in one currency (amounts in two currencies never add up). */
function chartRows(rows: readonly RenewalRow[], from: string, currency: string) {
  return Array.from({ length: 12 }, (_, i) => addMonthsToMonth(from, i)).map((month) => ({
    month,
    value: rows
      .filter((r) => r.renewalMonth === month && r.currency === currency)
      .reduce((sum, r) => sum + r.renewalValue.minor / 10 ** minorDigits(r.currency), 0),
  }));
}

export default function RenewalsScreen({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const data = useRenewalData();
  const whatIfs = useProposals();
  const [currency, setCurrency] = useState<string | null>(null);
  const rows = useMemo(
    () =>
      data
        ? renewalPipeline(
            data.contracts,
            data.customers,
            data.latest,
            data.trueUps,
            whatIfs,
            data.today,
          )
        : [],
    [data, whatIfs],
  );
  const from = monthOf(data?.today ?? localToday());
  // Every renewing contract's categories are forecast in the worker once; typing only re-prices.
  const renewing = rows.map((r) => r.contractId).join('\n');
  const planInputs = useMemo(() => {
    const ids = new Set(renewing.split('\n'));
    return data
      ? data.contracts
          .filter((c) => ids.has(c.id))
          .map((c): ContractPlanInput => ({ contractId: c.id, contract: c }))
      : undefined;
  }, [data, renewing]);
  const risk = settings.partner.acceptedAdjustmentRisk;
  const plans = useContractPlans(planInputs, from, risk);
  if (!data) return <Loader aria-label="Loading" />;
  const totals = pipelineTotals(rows);
  const currencies = totals.map((total) => total.currency);
  // The chosen currency, else the one most contracts renew in.
  const commonest = [...currencies].sort(
    (a, b) =>
      rows.filter((r) => r.currency === b).length - rows.filter((r) => r.currency === a).length,
  )[0];
  const shownCurrency = currencies.find((c) => c === currency) ?? commonest ?? '';

  const setWhatIf = (contractId: string, whatIf: RenewalWhatIf | null) =>
    setProposal(contractId, whatIf);

  const accept = (row: RenewalRow) =>
    modals.openConfirmModal({
      title: t('renewals.acceptTitle', { contract: row.contractNumber }),
      children: (
        <Text size="sm">
          {t('renewals.acceptBody', {
            date: format.date(row.renewalDate),
            value: format.money(row.renewalValue),
            units: row.lines
              .map((l) => `${t(`classes.${l.category}`)} ${l.nextOrdered}`)
              .join(', '),
          })}
        </Text>
      ),
      labels: { confirm: t('renewals.accept'), cancel: t('common.cancel') },
      onConfirm: () =>
        void acceptRenewal(db, settings.userName, row).then(() => {
          setWhatIf(row.contractId, null);
          notifications.show({
            color: 'green',
            message: t('renewals.accepted', { contract: row.contractNumber }),
          });
        }),
    });

  // The plan's history ends with this month (TERMS.md §10): the export's figures are `csm plan`'s.
  const exportPipeline = async () => {
    const histories = await monthEndHistories(
      db,
      rows.map((r) => r.customerId),
      from,
    );
    const renewalPlans = rows.flatMap((row) => {
      const contract = data.contracts.find((c) => c.id === row.contractId);
      return contract
        ? [renewalPlan(row, contract, histories.get(row.customerId) ?? [], risk)]
        : [];
    });
    const language = i18n.language === 'sv' ? 'sv' : 'en';
    return exportWorkbook(
      `renewals-${from}.xlsx`,
      renewalsWorkbook(rows, renewalPlans, language, risk),
      (path) => t('common.exported', { path }),
    );
  };

  return (
    <Stack data-plans={plans ? 'ready' : 'forecasting'}>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {t('renewals.title')}
          </Title>
          <Text c="dimmed">
            {t('renewals.subtitle', { from, to: addMonthsToMonth(from, 11), count: rows.length })}
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} />}
          onClick={() => void exportPipeline()}
          disabled={rows.length === 0}
        >
          {t('renewals.export')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <EmptyState icon={<IconRefresh />} title={t('renewals.emptyTitle')}>
          {t('renewals.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {totals.map((total) => (
              <Card withBorder key={total.currency}>
                <Text size="sm" c="dimmed">
                  {t('renewals.totalIn', { currency: total.currency })}
                </Text>
                <Text size="xl" fw={700}>
                  {format.money(total.renewal)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('renewals.totalCurrent', { value: format.money(total.current) })}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Paper withBorder p="md" component="section" aria-label={t('renewals.chart')}>
            <Group justify="space-between" mb="xs">
              <Text fw={600} size="sm">
                {t('renewals.chartIn', { currency: shownCurrency })}
              </Text>
              {currencies.length > 1 ? (
                <SegmentedControl
                  size="xs"
                  aria-label={t('renewals.chartCurrency')}
                  data={currencies}
                  value={shownCurrency}
                  onChange={setCurrency}
                />
              ) : null}
            </Group>
            <Suspense fallback={<Loader size="sm" />}>
              <RenewalChart
                rows={chartRows(rows, from, shownCurrency)}
                label={t('renewals.nextValue')}
                locale={format.locale}
              />
            </Suspense>
          </Paper>
          {whatIfs.size > 0 ? <Alert color="yellow">{t('renewals.whatIfNote')}</Alert> : null}
          {rows.map((row) => (
            <ContractRenewal
              key={row.contractId}
              row={row}
              plans={plans?.get(row.contractId)}
              acceptedRisk={risk}
              onChange={(whatIf) => setWhatIf(row.contractId, whatIf)}
              onAccept={() => accept(row)}
            />
          ))}
        </>
      )}
    </Stack>
  );
}
