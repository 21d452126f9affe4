/** One contract's renewal proposal: its lines, the price uplift and next growth as what-ifs, and Accept. */
import { Badge, Button, Group, NumberInput, Paper, Table, Text } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useState } from 'react';
import { numberFrom } from '../../components/number-input';
import { useTranslation } from 'react-i18next';
import type { RenewalRow, RenewalWhatIf } from '../../../shared/reports/renewals';
import { useFormat } from '../../components/format';
import { hrefOf } from '../../components/route';
import { GrowthPlanner } from './GrowthPlanner';
import type { ContractCategoryPlan } from './plan-worker';

export function ContractRenewal({
  row,
  plans,
  acceptedRisk,
  onChange,
  onAccept,
}: {
  row: RenewalRow;
  /** The categories' growth plans; undefined while the worker forecasts. */
  plans: ContractCategoryPlan[] | undefined;
  acceptedRisk: number;
  onChange: (whatIf: RenewalWhatIf | null) => void;
  onAccept: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [isPlanning, setPlanning] = useState(false);
  const base: RenewalWhatIf = { upliftPct: row.upliftPct };
  const edit = (patch: RenewalWhatIf) =>
    onChange({
      ...base,
      nextAgreedGrowth: Object.fromEntries(row.lines.map((l) => [l.category, l.nextAgreedGrowth])),
      ...patch,
    });
  return (
    <Paper withBorder p="md" data-testid="renewal" data-contract={row.contractNumber}>
      <Group justify="space-between" mb="xs">
        <div>
          <Group gap="xs">
            <Text fw={700} component="a" href={hrefOf('customers', row.customerId)}>
              {row.customer}
            </Text>
            <Text c="dimmed">· {row.contractNumber}</Text>
            {row.isEdited ? <Badge color="yellow">{t('renewals.whatIf')}</Badge> : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t('renewals.renewsOn', {
              date: format.date(row.renewalDate),
              am: row.accountManager || '–',
            })}
            {row.asOf
              ? ` · ${t('dashboard.asOf', { date: format.date(row.asOf) })}`
              : ` · ${t('renewals.noInventory')}`}
          </Text>
        </div>
        <Group gap="xs" align="end">
          <NumberInput
            label={t('renewals.uplift')}
            w={110}
            size="xs"
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            value={row.upliftPct}
            onChange={(value) => edit({ upliftPct: numberFrom(value) ?? 0 })}
          />
          {row.isEdited ? (
            <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
              {t('renewals.reset')}
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChartLine size={14} />}
            aria-expanded={isPlanning}
            onClick={() => setPlanning(!isPlanning)}
          >
            {isPlanning ? t('renewals.planner.close') : t('renewals.planner.open')}
          </Button>
          <Button size="xs" onClick={onAccept}>
            {t('renewals.accept')}
          </Button>
        </Group>
      </Group>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contract.fields.category')}</Table.Th>
            <Table.Th ta="right">{t('contract.ordered')}</Table.Th>
            <Table.Th ta="right">{t('renewals.latestCount')}</Table.Th>
            <Table.Th ta="right">{t('renewals.addedDuringTerm')}</Table.Th>
            <Table.Th ta="right">{t('renewals.nextGrowth')}</Table.Th>
            <Table.Th ta="right">{t('renewals.nextOrdered')}</Table.Th>
            <Table.Th ta="right">{t('renewals.nextUnitPrice')}</Table.Th>
            <Table.Th ta="right">{t('renewals.nextValue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {row.lines.map((line) => (
            <Table.Tr key={line.category} data-category={line.category}>
              <Table.Td>{t(`categories.${line.category}`)}</Table.Td>
              <Table.Td ta="right">{format.number(line.ordered)}</Table.Td>
              <Table.Td ta="right">
                {line.latestCount === null ? '–' : format.number(line.latestCount)}
              </Table.Td>
              <Table.Td ta="right">
                {line.addedDuringTerm === null ? '–' : format.number(line.addedDuringTerm)}
              </Table.Td>
              <Table.Td ta="right">
                <NumberInput
                  aria-label={t('renewals.nextGrowthOf', {
                    category: t(`categories.${line.category}`),
                  })}
                  size="xs"
                  w={90}
                  ml="auto"
                  min={0}
                  allowDecimal={false}
                  value={line.nextAgreedGrowth}
                  onChange={(value) =>
                    edit({
                      nextAgreedGrowth: {
                        ...Object.fromEntries(
                          row.lines.map((l) => [l.category, l.nextAgreedGrowth]),
                        ),
                        [line.category]: numberFrom(value) ?? 0,
                      },
                    })
                  }
                />
              </Table.Td>
              <Table.Td ta="right" data-field="nextOrdered">
                {format.number(line.nextOrdered)}
              </Table.Td>
              <Table.Td ta="right">{format.money(line.nextUnitPrice)}</Table.Td>
              <Table.Td ta="right" data-field="nextValue">
                {format.money(line.nextValue)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={7}>
              {t('renewals.renewalValue', { current: format.money(row.currentValue) })}
            </Table.Th>
            <Table.Th ta="right" data-field="renewalValue">
              {format.money(row.renewalValue)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {isPlanning ? (
        <Paper withBorder p="sm" mt="sm">
          <GrowthPlanner row={row} categories={plans} acceptedRisk={acceptedRisk} />
        </Paper>
      ) : null}
    </Paper>
  );
}
