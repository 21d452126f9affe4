/**
 * A cloud-partner incident: its tracking number, status updates, joint calls, linked rooms and devices.
 * Opened without authorisation or agreement only with a reason, which is recorded.
 */
import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOUD_PARTNERS, type Customer, type EcpsIncident } from '../../../shared/model/entities';
import { ecpsWarnings } from '../../../shared/service/ecps';
import { db } from '../../db/instance';
import { saveIncident } from '../../db/service';
import { useWarningText } from './EcpsReadiness';
import {
  nowToTheMinute,
  serviceIssuesByField,
  useServiceWrite,
} from '../../components/service-form';
import { FormDialog } from '../../components/FormDialog';
import { DateTimeField } from '../../components/inputs';
import { useFormat } from '../../components/format';

export function IncidentForm({
  incident,
  customer,
  user,
  onClose,
}: {
  incident: EcpsIncident | null;
  customer: Customer;
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const warningText = useWarningText();
  const format = useFormat();
  const [draft, setDraft] = useState<EcpsIncident>(
    () =>
      incident ?? {
        id: crypto.randomUUID(),
        customerId: customer.id,
        cloudPartner: 'teams',
        trackingNumber: '',
        title: '',
        status: 'open',
        openedAt: nowToTheMinute(),
        resolvedAt: null,
        updates: [],
        jointCalls: [],
        rooms: [],
        devices: [],
        override: null,
      },
  );
  const [update, setUpdate] = useState('');
  const [call, setCall] = useState({ at: nowToTheMinute(), note: '' });
  const [reason, setReason] = useState('');
  const { issues, write } = useServiceWrite();
  const errors = serviceIssuesByField(t, issues);
  const set = (patch: Partial<EcpsIncident>) => setDraft((d) => ({ ...d, ...patch }));
  const warnings = incident
    ? []
    : ecpsWarnings(customer, draft.cloudPartner, draft.openedAt.slice(0, 10));
  const save = async () => {
    const withUpdate = update.trim()
      ? {
          ...draft,
          updates: [...draft.updates, { at: new Date().toISOString(), text: update.trim(), user }],
        }
      : draft;
    const next =
      warnings.length > 0 && reason.trim()
        ? {
            ...withUpdate,
            override: {
              reason: reason.trim(),
              warnings: warnings.map(warningText),
              user,
              at: new Date().toISOString(),
            },
          }
        : withUpdate;
    return write(() => saveIncident(db, user, next));
  };
  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title={t(incident ? 'service.ecps.edit' : 'service.ecps.new')}
      onSubmit={save}
      submitLabel={warnings.length > 0 ? t('service.ecps.openAnyway') : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('service.fields.cloudPartner')}
          data={CLOUD_PARTNERS.map((p) => ({ value: p, label: t(`service.ecps.partners.${p}`) }))}
          value={draft.cloudPartner}
          onChange={(v) => set({ cloudPartner: v ?? 'other' })}
          allowDeselect={false}
        />
        <TextInput
          label={t('service.fields.trackingNumber')}
          required
          value={draft.trackingNumber}
          onChange={(e) => set({ trackingNumber: e.currentTarget.value })}
          error={errors.get('trackingNumber')}
        />
        <TextInput
          label={t('service.fields.title')}
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <DateTimeField
          label={t('service.fields.openedAt')}
          value={draft.openedAt}
          onChange={(openedAt) => set({ openedAt: openedAt ?? '' })}
          error={errors.get('openedAt')}
          required
        />
        <Select
          label={t('service.fields.status')}
          data={(['open', 'resolved'] as const).map((s) => ({
            value: s,
            label: t(`service.ecps.statuses.${s}`),
          }))}
          value={draft.status}
          onChange={(v) =>
            set({
              status: v === 'resolved' ? 'resolved' : 'open',
              resolvedAt: v === 'resolved' ? (draft.resolvedAt ?? new Date().toISOString()) : null,
            })
          }
          allowDeselect={false}
        />
        <TagsInput
          label={t('service.fields.rooms')}
          value={draft.rooms}
          onChange={(rooms) => set({ rooms })}
        />
      </SimpleGrid>
      <TagsInput
        label={t('service.fields.devices')}
        value={draft.devices}
        onChange={(devices) => set({ devices })}
      />
      {draft.updates.map((u, i) => (
        <Text size="sm" key={i}>
          {format.dateTime(u.at)} · {u.user}: {u.text}
        </Text>
      ))}
      <TextInput
        label={t('service.ecps.addUpdate')}
        value={update}
        onChange={(e) => setUpdate(e.currentTarget.value)}
      />
      <Text fw={600} size="sm">
        {t('service.ecps.jointCalls', { count: draft.jointCalls.length })}
      </Text>
      {draft.jointCalls.map((c, i) => (
        <Text size="sm" key={i}>
          {format.dateTime(c.at)} · {c.note}
        </Text>
      ))}
      <Group align="end">
        <DateTimeField
          label={t('service.fields.at')}
          value={call.at}
          onChange={(at) => setCall({ ...call, at: at ?? nowToTheMinute() })}
          required
        />
        <TextInput
          label={t('service.fields.note')}
          value={call.note}
          onChange={(e) => setCall({ ...call, note: e.currentTarget.value })}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          onClick={() => {
            set({
              jointCalls: [...draft.jointCalls, { at: call.at, note: call.note.trim() }],
            });
            setCall({ at: nowToTheMinute(), note: '' });
          }}
        >
          {t('service.ecps.addCall')}
        </Button>
      </Group>
      {warnings.length > 0 ? (
        <Alert color="orange" title={t('service.ecps.warningTitle')} data-testid="ecps-warning">
          {warnings.map((w) => (
            <Text size="sm" key={w.kind}>
              {warningText(w)}
            </Text>
          ))}
          <Textarea
            mt="xs"
            label={t('service.ecps.overrideReason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.get('override')}
          />
        </Alert>
      ) : null}
    </FormDialog>
  );
}
