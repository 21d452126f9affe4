/**
 * A cloud-partner incident: its tracking number, status updates, joint calls, linked rooms and devices.
 * Opened without authorisation or agreement only with a reason, which is recorded.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
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
  fromLocalInput,
  nowLocalInput,
  serviceIssuesByField,
  toLocalInput,
  useServiceWrite,
} from './form-helpers';
import { DialogButtons } from '../../components/DialogButtons';

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
  const [draft, setDraft] = useState<EcpsIncident>(
    () =>
      incident ?? {
        id: crypto.randomUUID(),
        customerId: customer.id,
        cloudPartner: 'teams',
        trackingNumber: '',
        title: '',
        status: 'open',
        openedAt: fromLocalInput(nowLocalInput()),
        resolvedAt: null,
        updates: [],
        jointCalls: [],
        rooms: [],
        devices: [],
        override: null,
      },
  );
  const [update, setUpdate] = useState('');
  const [call, setCall] = useState({ at: nowLocalInput(), note: '' });
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
    if (await write(() => saveIncident(db, user, next))) onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(incident ? 'service.ecps.edit' : 'service.ecps.new')}
    >
      <Stack>
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
          <TextInput
            type="datetime-local"
            label={t('service.fields.openedAt')}
            value={toLocalInput(draft.openedAt)}
            onChange={(e) => set({ openedAt: fromLocalInput(e.currentTarget.value) })}
            error={errors.get('openedAt')}
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
                resolvedAt:
                  v === 'resolved' ? (draft.resolvedAt ?? new Date().toISOString()) : null,
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
            {new Date(u.at).toLocaleString()} · {u.user}: {u.text}
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
            {new Date(c.at).toLocaleString()} · {c.note}
          </Text>
        ))}
        <Group align="end">
          <TextInput
            type="datetime-local"
            label={t('service.fields.at')}
            value={call.at}
            onChange={(e) => setCall({ ...call, at: e.currentTarget.value })}
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
                jointCalls: [
                  ...draft.jointCalls,
                  { at: fromLocalInput(call.at), note: call.note.trim() },
                ],
              });
              setCall({ at: nowLocalInput(), note: '' });
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
        <DialogButtons onCancel={onClose}>
          <Button onClick={() => void save()}>
            {warnings.length > 0 ? t('service.ecps.openAnyway') : t('common.save')}
          </Button>
        </DialogButtons>
      </Stack>
    </Modal>
  );
}
