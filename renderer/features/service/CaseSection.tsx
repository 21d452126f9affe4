/**
 * Support cases and escalations (TERMS.md §8): the partner calls Poly with the customer's site ID (never
 * a serial number); each escalation records who was engaged and when; time to resolve is computed.
 */
import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  type Site,
  type SupportCase,
} from '../../../shared/model/entities';
import { escalationLevel, minutesToResolve } from '../../../shared/service/cases';
import { hoursText } from '../../../shared/service/time';
import { db } from '../../db/instance';
import { saveCase } from '../../db/service';
import { RecordSection, type RecordColumn } from './RecordSection';
import {
  nowToTheMinute,
  serviceIssuesByField,
  useServiceWrite,
} from '../../components/service-form';
import { FormDialog } from '../../components/FormDialog';
import { useFormat } from '../../components/format';
import { DateTimeField } from '../../components/inputs';

function CaseForm({
  supportCase,
  customerId,
  sites,
  user,
  onClose,
}: {
  supportCase: SupportCase | null;
  customerId: string;
  sites: Site[];
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SupportCase>(
    () =>
      supportCase ?? {
        id: crypto.randomUUID(),
        customerId,
        siteId: sites.length === 1 ? (sites[0]?.siteId ?? '') : '',
        title: '',
        priority: 'P3',
        openedAt: nowToTheMinute(),
        resolvedAt: null,
        polyCaseNumber: '',
        escalations: [],
        status: 'open',
      },
  );
  const { issues, write } = useServiceWrite();
  const errors = serviceIssuesByField(t, issues);
  const set = (patch: Partial<SupportCase>) => setDraft((d) => ({ ...d, ...patch }));
  const setEscalation = (i: number, patch: Partial<SupportCase['escalations'][number]>) =>
    set({ escalations: draft.escalations.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const save = () => write(() => saveCase(db, user, draft));
  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title={t(supportCase ? 'service.case.edit' : 'service.case.new')}
      onSubmit={save}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Autocomplete
          label={t('service.fields.siteId')}
          description={t('service.case.siteIdHelp')}
          required
          data-autofocus
          data={[...new Set(sites.map((s) => s.siteId).filter(Boolean))]}
          value={draft.siteId}
          onChange={(siteId) => set({ siteId })}
          error={errors.get('siteId')}
        />
        <TextInput
          label={t('service.fields.polyCaseNumber')}
          value={draft.polyCaseNumber}
          onChange={(e) => set({ polyCaseNumber: e.currentTarget.value })}
        />
      </SimpleGrid>
      <TextInput
        label={t('service.fields.title')}
        required
        value={draft.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={errors.get('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('service.fields.priority')}
          data={[...CASE_PRIORITIES]}
          value={draft.priority}
          onChange={(v) => set({ priority: v ?? 'P3' })}
          allowDeselect={false}
        />
        <Select
          label={t('service.fields.status')}
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`service.case.statuses.${s}`) }))}
          value={draft.status}
          onChange={(v) => {
            const status = v ?? 'open';
            set({
              status,
              resolvedAt:
                status === 'resolved' ? (draft.resolvedAt ?? new Date().toISOString()) : null,
            });
          }}
          allowDeselect={false}
        />
        <DateTimeField
          label={t('service.fields.openedAt')}
          value={draft.openedAt}
          onChange={(openedAt) => set({ openedAt: openedAt ?? '' })}
          error={errors.get('openedAt')}
          required
        />
        <DateTimeField
          label={t('service.fields.resolvedAt')}
          value={draft.resolvedAt}
          onChange={(resolvedAt) => {
            set({
              resolvedAt,
              status: resolvedAt ? 'resolved' : draft.status === 'resolved' ? 'open' : draft.status,
            });
          }}
          error={errors.get('resolvedAt')}
        />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('service.case.escalations')}
      </Text>
      {draft.escalations.map((e, i) => (
        <Group key={i} align="end" wrap="nowrap">
          <Text size="sm" w={70}>
            {t('service.case.level', { level: e.level })}
          </Text>
          <TextInput
            label={t('service.fields.engaged')}
            value={e.engaged}
            onChange={(ev) => setEscalation(i, { engaged: ev.currentTarget.value })}
            error={errors.get(`escalations.${i}.engaged`)}
            style={{ flex: 1 }}
          />
          <DateTimeField
            label={t('service.fields.at')}
            value={e.at}
            onChange={(at) => setEscalation(i, { at: at ?? '' })}
            required
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('service.case.removeEscalation')}
            onClick={() => set({ escalations: draft.escalations.filter((_, j) => j !== i) })}
            mb={6}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            set({
              escalations: [
                ...draft.escalations,
                {
                  level: escalationLevel(draft) + 1,
                  engaged: '',
                  at: nowToTheMinute(),
                },
              ],
            })
          }
        >
          {t('service.case.escalate')}
        </Button>
      </Group>
    </FormDialog>
  );
}

export function CaseSection({
  cases,
  sites,
  customerId,
  user,
}: {
  cases: SupportCase[];
  sites: Site[];
  customerId: string;
  user: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: RecordColumn<SupportCase>[] = [
    { field: 'siteId', isOneLine: true, cell: (c) => c.siteId },
    { field: 'title', cell: (c) => c.title },
    {
      field: 'priority',
      cell: (c) => (
        <Badge
          color={c.priority === 'P1' ? 'red' : c.priority === 'P2' ? 'orange' : 'gray'}
          variant="light"
        >
          {c.priority}
        </Badge>
      ),
    },
    { field: 'openedAt', cell: (c) => format.dateTime(c.openedAt) },
    { field: 'status', isNamed: true, cell: (c) => t(`service.case.statuses.${c.status}`) },
    {
      field: 'timeToResolve',
      isMonospace: true,
      cell: (c) => {
        const minutes = minutesToResolve(c);
        return minutes === null ? '–' : hoursText(minutes);
      },
    },
    {
      field: 'escalation',
      isNamed: true,
      cell: (c) => {
        const last = c.escalations.at(-1);
        return last
          ? `${t('service.case.level', { level: last.level })} · ${last.engaged || '–'} · ${format.dateTime(last.at)}`
          : '–';
      },
    },
    { field: 'polyCaseNumber', isOneLine: true, cell: (c) => c.polyCaseNumber || '–' },
  ];
  return (
    <RecordSection
      kind="case"
      rows={cases}
      columns={columns}
      testId="case-list"
      user={user}
      labelsKey="service.case"
      minWidth={900}
      rowAttributes={(c) => ({ 'data-title': c.title })}
      names={(c) => ({ what: c.title })}
      form={(supportCase, onClose) => (
        <CaseForm
          supportCase={supportCase}
          customerId={customerId}
          sites={sites}
          user={user}
          onClose={onClose}
        />
      )}
    />
  );
}
