/**
 * Cloud partner system support (TERMS.md §8): the customer's signed authorisation and its agreements
 * with cloud partners, and the incidents opened with them (tracking number, updates, joint calls,
 * linked rooms and devices). Opening one without what it needs warns, and going ahead is recorded.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOUD_PARTNERS,
  type CloudAgreement,
  type Customer,
  type EcpsIncident,
} from '../../../shared/model/entities';
import { ecpsWarnings, type EcpsWarning } from '../../../shared/service/ecps';
import { ServiceIssuesError, type ServiceIssue } from '../../../shared/service/issues';
import { useFormat } from '../../components/shell/format';
import { saveCustomer } from '../../db/contracts';
import { db } from '../../db/instance';
import { deleteServiceRecord, saveIncident } from '../../db/service';
import { confirmDelete } from './confirm';
import { fromLocalInput, nowLocalInput, serviceIssuesByField, toLocalInput } from './form-helpers';
import { ActionsHeader } from '../../components/ActionsHeader';

function useWarningText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (w: EcpsWarning) =>
    t(`service.ecps.warnings.${w.kind}`, {
      partner: 'partner' in w ? t(`service.ecps.partners.${w.partner}`) : '',
      date: 'validUntil' in w ? format.date(w.validUntil) : '',
    });
}

function Readiness({ customer, user, today }: { customer: Customer; user: string; today: string }) {
  const { t } = useTranslation();
  const [authorisation, setAuthorisation] = useState(
    customer.ecpsAuthorisation ?? { signedOn: '', signer: '', documentRef: '' },
  );
  const [agreements, setAgreements] = useState<CloudAgreement[]>(customer.cloudAgreements ?? []);
  const save = () =>
    saveCustomer(db, user, {
      ...customer,
      ecpsAuthorisation:
        authorisation.signer.trim() || authorisation.signedOn ? authorisation : null,
      cloudAgreements: agreements.filter((a) => a.validUntil),
    });
  return (
    <Paper withBorder p="md" data-testid="ecps-readiness">
      <Title order={3} size="h5" mb="xs">
        {t('service.ecps.authorisation')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('service.fields.signedOn')}
          value={authorisation.signedOn}
          onChange={(e) => setAuthorisation({ ...authorisation, signedOn: e.currentTarget.value })}
        />
        <TextInput
          label={t('service.fields.signer')}
          value={authorisation.signer}
          onChange={(e) => setAuthorisation({ ...authorisation, signer: e.currentTarget.value })}
        />
        <TextInput
          label={t('service.fields.documentRef')}
          value={authorisation.documentRef}
          onChange={(e) =>
            setAuthorisation({ ...authorisation, documentRef: e.currentTarget.value })
          }
        />
      </SimpleGrid>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('service.ecps.agreements')}
      </Title>
      <Stack gap="xs">
        {agreements.map((a, i) => (
          <Group key={i} align="end">
            <Select
              label={t('service.fields.cloudPartner')}
              data={CLOUD_PARTNERS.map((p) => ({
                value: p,
                label: t(`service.ecps.partners.${p}`),
              }))}
              value={a.partner}
              onChange={(v) =>
                setAgreements(
                  agreements.map((x, j) => (j === i ? { ...x, partner: v ?? 'other' } : x)),
                )
              }
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={t('service.fields.validUntil')}
              value={a.validUntil}
              onChange={(e) =>
                setAgreements(
                  agreements.map((x, j) =>
                    j === i ? { ...x, validUntil: e.currentTarget.value } : x,
                  ),
                )
              }
            />
            {a.validUntil && a.validUntil < today ? (
              <Badge color="red">{t('service.ecps.expired')}</Badge>
            ) : null}
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              aria-label={t('service.ecps.removeAgreement')}
              onClick={() => setAgreements(agreements.filter((_, j) => j !== i))}
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
            onClick={() => setAgreements([...agreements, { partner: 'teams', validUntil: '' }])}
          >
            {t('service.ecps.addAgreement')}
          </Button>
          <Button size="xs" onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function IncidentForm({
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
  const [issues, setIssues] = useState<ServiceIssue[]>([]);
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
    try {
      await saveIncident(db, user, next);
      onClose();
    } catch (error) {
      if (error instanceof ServiceIssuesError) setIssues(error.issues);
      else throw error;
    }
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()}>
            {warnings.length > 0 ? t('service.ecps.openAnyway') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function EcpsSection({
  customer,
  incidents,
  user,
  today,
}: {
  customer: Customer;
  incidents: EcpsIncident[];
  user: string;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<EcpsIncident | 'new' | null>(null);
  const time = new Intl.DateTimeFormat(i18n.language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Stack>
      <Readiness key={customer.id} customer={customer} user={user} today={today} />
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('service.ecps.new')}
        </Button>
      </Group>
      {incidents.length === 0 ? (
        <Text c="dimmed">{t('service.ecps.none')}</Text>
      ) : (
        <Table data-testid="incident-list" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {['cloudPartner', 'trackingNumber', 'title', 'openedAt', 'status', 'updates'].map(
                (f) => (
                  <Table.Th key={f}>{t(`service.fields.${f}`)}</Table.Th>
                ),
              )}
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.map((x) => (
              <Table.Tr key={x.id} data-tracking={x.trackingNumber}>
                <Table.Td>{t(`service.ecps.partners.${x.cloudPartner}`)}</Table.Td>
                <Table.Td ff="monospace">{x.trackingNumber}</Table.Td>
                <Table.Td>
                  {x.title}
                  {x.override ? (
                    <Badge
                      ml={4}
                      color="orange"
                      size="sm"
                      title={`${x.override.user}: ${x.override.reason}`}
                      data-flag="override"
                    >
                      {t('service.ecps.overridden')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{time.format(new Date(x.openedAt))}</Table.Td>
                <Table.Td data-field="status">{t(`service.ecps.statuses.${x.status}`)}</Table.Td>
                <Table.Td>
                  {t('service.ecps.counts', {
                    updates: x.updates.length,
                    calls: x.jointCalls.length,
                  })}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('service.edit', { what: x.trackingNumber })}
                      onClick={() => setEditing(x)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('service.delete', { what: x.trackingNumber })}
                      onClick={() =>
                        confirmDelete(t, x.trackingNumber, () =>
                          deleteServiceRecord(db, user, 'ecpsIncident', x.id),
                        )
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing ? (
        <IncidentForm
          incident={editing === 'new' ? null : editing}
          customer={customer}
          user={user}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
