/**
 * The contract tab's growth planner: the same planner, plans and proposal as Renewals (the renewal
 * proposal of this contract, never the contract itself until its renewal is accepted).
 */
import { Paper, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../shared/model/entities';
import type { ContractView } from '../../db/hooks/contracts';
import { renewalRow } from '../../../shared/reports/renewals';
import { monthOf } from '../../../shared/terms/dates';
import { useProposals } from '../../components/proposals';
import { GrowthPlanner } from '../renewals/GrowthPlanner';
import { useContractPlans } from '../renewals/plan-worker';

export function ContractGrowthPlan({
  contract,
  view,
  acceptedRisk,
}: {
  contract: Contract;
  view: Pick<ContractView, 'customer' | 'latest' | 'trueUps' | 'today'>;
  acceptedRisk: number;
}) {
  const { customer, latest, trueUps, today } = view;
  const { t } = useTranslation();
  const whatIf = useProposals().get(contract.id);
  const row = useMemo(
    () => renewalRow(contract, customer, latest, trueUps, whatIf),
    [contract, customer, latest, trueUps, whatIf],
  );
  const inputs = useMemo(() => [{ contractId: contract.id, contract }], [contract]);
  const plans = useContractPlans(inputs, monthOf(today), acceptedRisk);
  return (
    <Paper withBorder p="md" component="section" aria-label={t('renewals.planner.title')}>
      <Title order={2} size="h4" mb="xs">
        {t('renewals.planner.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('renewals.whatIfNote')}
      </Text>
      <GrowthPlanner row={row} categories={plans?.get(contract.id)} acceptedRisk={acceptedRisk} />
    </Paper>
  );
}
