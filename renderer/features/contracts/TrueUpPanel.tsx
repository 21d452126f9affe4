/**
 * The mid-term true-ups of a contract (TERMS.md §4): what the snapshots show is due, and each true-up's
 * way through quoted → ordered → applied, with its calculation line by line and its quote sheet.
 */
import { Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMayWrite } from '../../db/team-sync';
import { useTranslation } from 'react-i18next';
import { contractTerm, type DueTrueUp } from '../../../shared/contracts/standing';
import { suggestedQuoteNumber, TrueUpRuleError } from '../../../shared/contracts/true-up-flow';
import type { Contract, Customer, TrueUp } from '../../../shared/model/entities';
import { exportWorkbook } from '../../components/export-workbook';
import { useFormat } from '../../components/format';
import { applyOrderedTrueUp, orderQuotedTrueUp, quoteDueTrueUp } from '../../db/contracts';
import { db } from '../../db/instance';
import { money, moneyToDecimal } from '../../../shared/terms/money';
import { calculationText } from './calculation';
import { ActionsHeader } from '../../components/ActionsHeader';
import { FormDialog } from '../../components/FormDialog';

const STATE_COLORS = { due: 'red', quoted: 'yellow', ordered: 'blue', applied: 'green' } as const;

type Step =
  | { kind: 'quote'; due: DueTrueUp }
  | { kind: 'order'; trueUp: TrueUp }
  | { kind: 'apply'; trueUp: TrueUp };

function StepDialog({
  step,
  contract,
  trueUps,
  user,
  onClose,
}: {
  step: Step;
  contract: Contract;
  trueUps: TrueUp[];
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const suggested = step.kind === 'quote' ? suggestedQuoteNumber(contract, trueUps) : '';
  const [value, setValue] = useState(suggested);
  const [error, setError] = useState<string | null>(null);
  const figures =
    step.kind === 'quote'
      ? {
          added: step.due.added,
          unitPriceMinor: step.due.unitPrice.minor,
          currency: step.due.unitPrice.currency,
          monthsWhole: step.due.monthsCharged.whole,
          monthsPartial: [
            step.due.monthsCharged.partial.num,
            step.due.monthsCharged.partial.den,
          ] as const,
          amountMinor: step.due.amount.minor,
        }
      : step.trueUp;
  const run = async () => {
    try {
      if (step.kind === 'quote') await quoteDueTrueUp(db, user, contract.id, step.due, value);
      else if (step.kind === 'order') await orderQuotedTrueUp(db, user, step.trueUp, value);
      else await applyOrderedTrueUp(db, user, step.trueUp);
      return true;
    } catch (e) {
      if (!(e instanceof TrueUpRuleError)) throw e;
      setError(t(`trueUps.rules.${e.rule}`));
      return false;
    }
  };
  return (
    <FormDialog
      onClose={onClose}
      title={t(`trueUps.steps.${step.kind}`)}
      onSubmit={run}
      submitLabel={t(`trueUps.confirm.${step.kind}`)}
    >
      <Text size="sm">{calculationText(format, figures)}</Text>
      {step.kind === 'apply' ? (
        <Text size="sm">
          {t('trueUps.applyExplain', { count: step.trueUp.count, po: step.trueUp.poNumber })}
        </Text>
      ) : (
        <TextInput
          data-autofocus
          label={t(step.kind === 'quote' ? 'trueUps.quoteNumber' : 'trueUps.poNumber')}
          required
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
        />
      )}
      {step.kind === 'apply' && error ? <Text c="red">{error}</Text> : null}
    </FormDialog>
  );
}

export function TrueUpPanel({
  contract,
  customer,
  due,
  trueUps,
  user,
}: {
  contract: Contract;
  customer: Customer;
  due: DueTrueUp[];
  trueUps: TrueUp[];
  user: string;
}) {
  const { t } = useTranslation();
  const may = useMayWrite();
  const format = useFormat();
  const [step, setStep] = useState<Step | null>(null);
  const current = trueUps.filter((x) => x.termStart === contract.termStart);

  const exportQuote = (trueUp: TrueUp) =>
    exportWorkbook(
      `${customer.name} – ${trueUp.quoteNumber}.xlsx`,
      {
        sheets: [
          {
            name: t('trueUps.quoteSheet'),
            columns: [
              { header: t('trueUps.sheet.field'), type: 'text', width: 30 },
              { header: t('trueUps.sheet.value'), type: 'text', width: 40 },
            ],
            rows: [
              [t('trueUps.sheet.customer'), customer.name],
              [t('trueUps.sheet.masterAccountId'), customer.masterAccountId],
              [t('trueUps.sheet.contract'), contract.number],
              [t('trueUps.quoteNumber'), trueUp.quoteNumber],
              [t('trueUps.poNumber'), trueUp.poNumber],
              [t('trueUps.sheet.category'), t(`categories.${trueUp.category}`)],
              [t('trueUps.sheet.adjustmentMonth'), trueUp.adjustmentMonth],
              [t('trueUps.sheet.asOf'), { value: trueUp.asOf, type: 'date' }],
              [t('trueUps.sheet.ordered'), { value: trueUp.ordered, type: 'number' }],
              [t('trueUps.sheet.count'), { value: trueUp.count, type: 'number' }],
              [t('trueUps.sheet.added'), { value: trueUp.added, type: 'number' }],
              [
                `${t('trueUps.sheet.unitPrice')} (${trueUp.currency})`,
                {
                  value: Number(moneyToDecimal(money(trueUp.unitPriceMinor, trueUp.currency))),
                  type: 'money',
                },
              ],
              [
                t('trueUps.sheet.months'),
                {
                  value: trueUp.monthsWhole + trueUp.monthsPartial[0] / trueUp.monthsPartial[1],
                  type: 'decimal',
                },
              ],
              [
                `${t('trueUps.sheet.amount')} (${trueUp.currency})`,
                {
                  value: Number(moneyToDecimal(money(trueUp.amountMinor, trueUp.currency))),
                  type: 'money',
                },
              ],
              [t('trueUps.sheet.calculation'), calculationText(format, trueUp)],
            ],
          },
        ],
      },
      (path) => t('common.exported', { path }),
    );

  return (
    <Paper withBorder p="md" component="section" aria-label={t('trueUps.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('trueUps.title')}
      </Title>
      {due.length === 0 && current.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trueUps.none', { month: format.month(contractTerm(contract).adjustmentMonth) })}
        </Text>
      ) : (
        <Table data-testid="true-ups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trueUps.category')}</Table.Th>
              <Table.Th>{t('trueUps.state')}</Table.Th>
              <Table.Th>{t('trueUps.calculationHeader')}</Table.Th>
              <Table.Th>{t('trueUps.references')}</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.map((d) => (
              <Table.Tr key={`due-${d.category}`} data-category={d.category} data-state="due">
                <Table.Td>{t(`categories.${d.category}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS.due}>{t('trueUps.states.due')}</Badge>
                </Table.Td>
                <Table.Td>
                  {calculationText(format, {
                    added: d.added,
                    unitPriceMinor: d.unitPrice.minor,
                    currency: d.unitPrice.currency,
                    monthsWhole: d.monthsCharged.whole,
                    monthsPartial: [d.monthsCharged.partial.num, d.monthsCharged.partial.den],
                    amountMinor: d.amount.minor,
                  })}
                  <Text size="xs" c="dimmed">
                    {t('trueUps.countFrom', {
                      count: d.count,
                      ordered: d.ordered,
                      date: format.date(d.asOf),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td />
                <Table.Td>
                  {may('trueUps', { from: null, to: 'quoted' }) ? (
                    <Button size="xs" onClick={() => setStep({ kind: 'quote', due: d })}>
                      {t('trueUps.steps.quote')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
            {current.map((x) => (
              <Table.Tr key={x.id} data-category={x.category} data-state={x.state}>
                <Table.Td>{t(`categories.${x.category}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[x.state]}>{t(`trueUps.states.${x.state}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {calculationText(format, x)}
                  <Text size="xs" c="dimmed">
                    {t('trueUps.countFrom', {
                      count: x.count,
                      ordered: x.ordered,
                      date: format.date(x.asOf),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('trueUps.quoteRef', { quote: x.quoteNumber })}</Text>
                  {x.poNumber ? (
                    <Text size="sm">{t('trueUps.poRef', { po: x.poNumber })}</Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {x.state === 'quoted' && may('trueUps', { from: 'quoted', to: 'ordered' }) ? (
                      <Button size="xs" onClick={() => setStep({ kind: 'order', trueUp: x })}>
                        {t('trueUps.steps.order')}
                      </Button>
                    ) : null}
                    {x.state === 'ordered' && may('trueUps', { from: 'ordered', to: 'applied' }) ? (
                      <Button size="xs" onClick={() => setStep({ kind: 'apply', trueUp: x })}>
                        {t('trueUps.steps.apply')}
                      </Button>
                    ) : null}
                    <Button size="xs" variant="default" onClick={() => void exportQuote(x)}>
                      {t('trueUps.exportQuote')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {step ? (
        <StepDialog
          step={step}
          contract={contract}
          trueUps={trueUps}
          user={user}
          onClose={() => setStep(null)}
        />
      ) : null}
    </Paper>
  );
}
