/**
 * A customer's contract: its terms, where each category stands (ordered in force, baseline, triggerAt,
 * count, status), the true-up workflow, every baseline it has had, and its change history.
 */
import { showUndo } from '../../components/undo';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArchive, IconFileCertificate, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMayWrite } from '../../db/team-sync';
import { useTranslation } from 'react-i18next';
import { baselineHistory } from '../../../shared/contracts/history';
import { contractTerm } from '../../../shared/contracts/standing';
import type { Contract } from '../../../shared/model/entities';
import { money } from '../../../shared/terms/money';
import { EmptyState } from '../../components/EmptyState';
import { Fact } from '../../components/Fact';
import { StandingBadge } from '../../components/StatusBadge';
import { useFormat } from '../../components/format';
import { saveContract } from '../../db/contracts';
import { useContractView } from '../../db/hooks/contracts';
import { db } from '../../db/instance';
import type { Settings } from '../../db/settings';
import { ChangeHistory } from './ChangeHistory';
import { ContractGrowthPlan } from './ContractGrowthPlan';
import { ContractForm } from './ContractForm';
import { TrueUpPanel } from './TrueUpPanel';

export function ContractPanel({
  customerId,
  settings,
}: {
  customerId: string;
  settings: Settings;
}) {
  const { t } = useTranslation();
  const may = useMayWrite();
  const format = useFormat();
  const view = useContractView(customerId);
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  if (view === undefined) return <Loader aria-label="Loading" />;
  if (view === null) return null;
  const contract = view.contracts.find((c) => !c.isArchived);
  const form =
    editing === null ? null : (
      <ContractForm
        customerId={customerId}
        contract={editing === 'new' ? null : editing}
        settings={settings}
        onClose={() => setEditing(null)}
      />
    );
  if (!contract)
    return (
      <>
        <EmptyState
          icon={<IconFileCertificate />}
          title={t('contract.noneTitle')}
          action={
            may('contracts') ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('contract.new')}
              </Button>
            ) : null
          }
        >
          {t('contract.noneBody')}
        </EmptyState>
        {form}
      </>
    );

  const term = contractTerm(contract);
  const standings = view.standings;
  const history = baselineHistory(contract, view.trueUps);
  const archive = () =>
    modals.openConfirmModal({
      title: t('contract.archive'),
      children: <Text size="sm">{t('contract.archiveConfirm', { number: contract.number })}</Text>,
      labels: { confirm: t('contract.archive'), cancel: t('common.cancel') },
      onConfirm: () =>
        void saveContract(
          db,
          settings.userName,
          { ...contract, isArchived: true },
          settings.partner,
        ).then(() =>
          showUndo(
            t('contract.archivedNotice', { number: contract.number }),
            t('common.undo'),
            () => saveContract(db, settings.userName, contract, settings.partner),
          ),
        ),
    });
  const s = contract.settings;

  return (
    <Stack data-testid="contract-panel">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <Title order={2} size="h3">
              {contract.number}
            </Title>
            <Badge variant="light">{contract.currency}</Badge>
            {contract.tam ? <Badge variant="light">TAM</Badge> : null}
            {contract.isEcps ? <Badge variant="light">ECPS</Badge> : null}
          </Group>
          {may('contracts') ? (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditing(contract)}
              >
                {t('contract.edit')}
              </Button>
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconArchive size={16} />}
                onClick={archive}
              >
                {t('contract.archive')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {(
            [
              [t('contract.term'), `${format.date(term.start)} – ${format.date(term.end)}`],
              [t('contract.fields.adjustmentMonth'), format.month(term.adjustmentMonth)],
              [t('contract.renewalDate'), format.date(term.renewal)],
              [t('contract.fields.baselinePct'), format.percent(s.baselinePct).replace('+', '')],
              [t('contract.fields.rmaPct'), format.percent(s.rmaPct).replace('+', '')],
              [
                t('contract.csmBlocks'),
                t('contract.csmBlocksValue', {
                  blocks: s.blocksPerMonth,
                  hours: format.decimal(s.blockHours),
                }),
              ],
              [
                t('contract.fields.professionalServicesDiscountPct'),
                format.percent(contract.professionalServicesDiscountPct).replace('+', ''),
              ],
              [
                t('contract.fields.carryOverHours'),
                t(s.carryOverHours ? 'common.yes' : 'common.no'),
              ],
            ] satisfies [string, string][]
          ).map(([label, value]) => (
            <Fact key={label} weight={500} label={label} value={value} />
          ))}
        </SimpleGrid>
      </Paper>
      {view.latest ? null : <Alert color="gray">{t('contract.noInventory')}</Alert>}
      <Paper withBorder p="md" component="section" aria-label={t('contract.standing')}>
        <Title order={2} size="h4" mb="sm">
          {t('contract.standing')}
        </Title>
        <Table data-testid="contract-standing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contract.fields.category')}</Table.Th>
              <Table.Th ta="right">{t('contract.fields.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('contract.ordered')}</Table.Th>
              <Table.Th ta="right">{t('contract.baseline')}</Table.Th>
              <Table.Th ta="right">{t('contract.triggerAt')}</Table.Th>
              <Table.Th ta="right">{t('contract.count')}</Table.Th>
              <Table.Th>{t('contract.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {standings.map((row, i) => (
              <Table.Tr key={row.category} data-category={row.category}>
                <Table.Td>{t(`categories.${row.category}`)}</Table.Td>
                <Table.Td ta="right">
                  {format.money(
                    money(contract.categories[i]?.unitPriceMinor ?? 0, contract.currency),
                  )}
                </Table.Td>
                <Table.Td ta="right" data-field="ordered">
                  {format.number(row.ordered ?? 0)}
                </Table.Td>
                <Table.Td ta="right" data-field="baseline">
                  {format.decimal(row.baseline ?? 0)}
                </Table.Td>
                <Table.Td ta="right" data-field="triggerAt">
                  {format.number(row.triggerAt ?? 0)}
                </Table.Td>
                <Table.Td ta="right" data-field="count">
                  {row.count === null ? '–' : format.number(row.count)}
                </Table.Td>
                <Table.Td data-field="status">
                  {/* One status, as the portfolio says it: the true-up action over the trigger. */}
                  <StandingBadge cell={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <TrueUpPanel
        contract={contract}
        customer={view.customer}
        due={view.due}
        trueUps={view.trueUps}
        user={settings.userName}
      />
      <ContractGrowthPlan
        contract={contract}
        view={view}
        acceptedRisk={settings.partner.acceptedAdjustmentRisk}
      />
      <Paper withBorder p="md" component="section" aria-label={t('contract.baselines')}>
        <Title order={2} size="h4" mb="sm">
          {t('contract.baselines')}
        </Title>
        <Table data-testid="baseline-history" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contract.from')}</Table.Th>
              <Table.Th>{t('contract.fields.category')}</Table.Th>
              <Table.Th ta="right">{t('contract.ordered')}</Table.Th>
              <Table.Th ta="right">{t('contract.baseline')}</Table.Th>
              <Table.Th ta="right">{t('contract.triggerAt')}</Table.Th>
              <Table.Th>{t('contract.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((entry) => (
              <Table.Tr key={`${entry.from}-${entry.category}`}>
                <Table.Td>{format.date(entry.from)}</Table.Td>
                <Table.Td>{t(`categories.${entry.category}`)}</Table.Td>
                <Table.Td ta="right">{format.number(entry.ordered)}</Table.Td>
                <Table.Td ta="right">{format.decimal(entry.baseline)}</Table.Td>
                <Table.Td ta="right">{format.number(entry.triggerAt)}</Table.Td>
                <Table.Td>
                  {t(`contract.reasons.${entry.reason}`)}
                  {entry.by ? ` · ${entry.by}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <ChangeHistory changes={view.changes} />
      {form}
    </Stack>
  );
}
