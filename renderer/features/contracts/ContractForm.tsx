/**
 * The contract editor: every field of TERMS.md §3–8 with its default, the term's dates computed as the
 * user types, and every issue shown beside its field. Nothing is saved until the contract is valid.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Table,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  emptyDraft,
  draftOf,
  readContractDraft,
  type ContractDraft,
} from '../../../shared/contracts/draft';
import type { ContractIssue } from '../../../shared/contracts/issues';
import { CATEGORIES } from '../../../shared/model/category';
import type { Contract } from '../../../shared/model/entities';
import { baseline, orderedUnits, triggerAt } from '../../../shared/terms/baseline';
import { CURRENCY_CODES } from '../../../shared/terms/money';
import { useFormat } from '../../components/format';
import { ContractIssuesError, saveContract } from '../../db/contracts';
import { db } from '../../db/instance';
import type { Settings } from '../../db/settings';
import { issuesByField, issueText } from './issues';
import { ActionsHeader } from '../../components/ActionsHeader';
import { FormDialog, useRefusableWrite } from '../../components/FormDialog';
import { DateField } from '../../components/inputs';
import { showUndo } from '../../components/undo';
import { StaleDaysField } from './StaleDaysField';
import { TermPreview } from './TermPreview';

type TextField = Exclude<
  keyof ContractDraft,
  'categories' | 'carryOverHours' | 'tam' | 'isEcps' | 'staleDays'
>;

export function ContractForm({
  customerId,
  contract,
  settings,
  onClose,
}: {
  customerId: string;
  contract: Contract | null;
  settings: Settings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<ContractDraft>(() =>
    contract ? draftOf(contract) : emptyDraft(settings.partner.defaultCurrency),
  );
  // Every problem of the fields typed in shows as you type; all of them once Save was pressed.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [isSubmitted, setSubmitted] = useState(false);
  const {
    issues: saveIssues,
    setIssues: setSaveIssues,
    write,
  } = useRefusableWrite((error) => (error instanceof ContractIssuesError ? error.issues : null));
  const read = readContractDraft(draft, settings.partner.defaultCurrency);
  const issues: readonly ContractIssue[] = [
    ...read.issues.filter((i) => isSubmitted || touched.has(i.field)),
    ...saveIssues,
  ];
  const errors = issuesByField(t, issues);
  const touch = (fields: string[]) => {
    setTouched((s) => new Set([...s, ...fields]));
    setSaveIssues([]);
  };
  const set = (patch: Partial<ContractDraft>) => {
    touch(Object.keys(patch));
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setLine = (i: number, patch: Partial<ContractDraft['categories'][number]>) => {
    touch(Object.keys(patch).map((key) => `categories.${i}.${key}`));
    setDraft((d) => ({
      ...d,
      categories: d.categories.map((l, j) => (j === i ? { ...l, ...patch } : l)),
    }));
  };

  const text = (field: TextField, props: { description?: string; required?: boolean } = {}) => (
    <TextInput
      label={t(`contract.fields.${field}`)}
      value={draft[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={errors.get(field)}
      {...props}
    />
  );

  const save = () => {
    setSubmitted(true);
    if (!read.contract) return false;
    const next: Contract = {
      ...(contract ?? { id: crypto.randomUUID(), customerId, isArchived: false }),
      ...read.contract,
    };
    return write(async () => {
      const recounted = await saveContract(db, settings.userName, next, settings.partner);
      // A changed stale rule recounts inventories: say how many, and offer to put it all back.
      if (contract && recounted.length > 0)
        showUndo(t('staleRule.recounted', { count: recounted.length }), t('common.undo'), () =>
          saveContract(db, settings.userName, contract, settings.partner),
        );
    });
  };

  const whole = issues.filter((i) => i.field === 'categories');
  return (
    <FormDialog
      onClose={onClose}
      size="xl"
      title={t(contract ? 'contract.edit' : 'contract.new')}
      onSubmit={save}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {text('number', { required: true })}
        <DateField
          label={t('contract.fields.termStart')}
          value={draft.termStart}
          onChange={(termStart) => set({ termStart: termStart ?? '' })}
          error={errors.get('termStart')}
          required
        />
        {text('termMonths')}
        <Select
          label={t('contract.fields.currency')}
          data={CURRENCY_CODES}
          value={draft.currency}
          onChange={(value) => set({ currency: value ?? '' })}
          error={errors.get('currency')}
          allowDeselect={false}
        />
        {text('adjustmentMonth', { description: t('contract.adjustmentDefault') })}
        {text('baselinePct')}
        {text('rmaPct')}
        {text('blocksPerMonth')}
        {text('blockHours')}
        {text('professionalServicesDiscountPct')}
      </SimpleGrid>
      <StaleDaysField
        value={draft.staleDays}
        onChange={(staleDays) => set({ staleDays })}
        error={errors.get('staleDays')}
      />
      <TermPreview draft={draft} settings={settings} />
      <Group>
        <Checkbox
          label={t('contract.fields.tam')}
          checked={draft.tam}
          onChange={(e) => set({ tam: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('contract.fields.isEcps')}
          checked={draft.isEcps}
          onChange={(e) => set({ isEcps: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('contract.fields.carryOverHours')}
          checked={draft.carryOverHours}
          onChange={(e) => set({ carryOverHours: e.currentTarget.checked })}
        />
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contract.fields.category')}</Table.Th>
            <Table.Th>{t('contract.fields.installedAtStart')}</Table.Th>
            <Table.Th>{t('contract.fields.agreedGrowth')}</Table.Th>
            <Table.Th>{t('contract.fields.unitPrice')}</Table.Th>
            <Table.Th>{t('contract.orderedTrigger')}</Table.Th>
            <ActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.categories.map((line, i) => {
            const installed = Number(line.installedAtStart);
            const growth = Number(line.agreedGrowth || 0);
            const pct = Number(draft.baselinePct.replace(',', '.'));
            const isKnown =
              line.installedAtStart.trim() !== '' &&
              Number.isSafeInteger(installed) &&
              installed >= 0 &&
              Number.isSafeInteger(growth) &&
              growth >= 0 &&
              Number.isFinite(pct) &&
              pct >= 0;
            const ordered = isKnown ? orderedUnits(installed, growth) : null;
            const field = (name: string) => errors.get(`categories.${i}.${name}`);
            return (
              <Table.Tr key={i}>
                <Table.Td>
                  <Select
                    aria-label={t('contract.fields.category')}
                    data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
                    value={line.category || null}
                    onChange={(value) => setLine(i, { category: value ?? '' })}
                    allowDeselect={false}
                    error={field('category')}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('contract.fields.installedAtStart')}
                    value={line.installedAtStart}
                    onChange={(e) => setLine(i, { installedAtStart: e.currentTarget.value })}
                    error={field('installedAtStart')}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('contract.fields.agreedGrowth')}
                    value={line.agreedGrowth}
                    onChange={(e) => setLine(i, { agreedGrowth: e.currentTarget.value })}
                    error={field('agreedGrowth')}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('contract.fields.unitPrice')}
                    value={line.unitPrice}
                    onChange={(e) => setLine(i, { unitPrice: e.currentTarget.value })}
                    error={field('unitPrice')}
                  />
                </Table.Td>
                <Table.Td>
                  {ordered === null
                    ? '–'
                    : t('contract.orderedTriggerValue', {
                        ordered: format.number(ordered),
                        baseline: format.decimal(baseline(ordered, Math.round(pct * 100) / 100)),
                        triggerAt: format.number(triggerAt(ordered, Math.round(pct * 100) / 100)),
                      })}
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('contract.removeCategory')}
                    onClick={() => set({ categories: draft.categories.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          disabled={draft.categories.length >= CATEGORIES.length}
          onClick={() =>
            set({
              categories: [
                ...draft.categories,
                {
                  category:
                    CATEGORIES.find((c) => !draft.categories.some((l) => l.category === c)) ?? '',
                  installedAtStart: '',
                  agreedGrowth: '0',
                  unitPrice: '',
                },
              ],
            })
          }
        >
          {t('contract.addCategory')}
        </Button>
      </Group>
      {whole.length > 0 ? (
        <Alert color="red">
          {whole.map((issue) => (
            <div key={issue.code}>{issueText(t, issue)}</div>
          ))}
        </Alert>
      ) : null}
    </FormDialog>
  );
}
