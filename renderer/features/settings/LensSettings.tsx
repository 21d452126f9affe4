/**
 * Settings → Poly Lens API: the connections main keeps (label, client ID, tenants; the secret goes to
 * main and never comes back), and the monthly schedule.
 */
import {
  Accordion,
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog';
import { LENS_ENDPOINTS, lensEndpointProblem, type LensConnection } from '../../../shared/lens';
import { useFormat } from '../../components/format';
import type { LensSchedule } from '../../db/settings';
import { api } from '../../platform';
import { useLensConnections } from '../imports/lens-pull';
import { messageOf } from '../../../shared/errors';
import { mapLensTenants } from '../../db/contracts';
import { useCustomers } from '../../db/hooks/book';
import { db } from '../../db/instance';
import { LensTenants, type TenantChoice } from './LensTenants';

interface Draft {
  id?: string;
  label: string;
  clientId: string;
  clientSecret: string;
  tenantIds: string;
  tokenUrl: string;
  apiUrl: string;
}

const blank: Draft = {
  label: '',
  clientId: '',
  clientSecret: '',
  tenantIds: '',
  tokenUrl: LENS_ENDPOINTS.tokenUrl,
  apiUrl: LENS_ENDPOINTS.apiUrl,
};

const draftOf = (c: LensConnection): Draft => ({
  id: c.id,
  label: c.label,
  clientId: c.clientId,
  clientSecret: '',
  tenantIds: c.tenants.map((t) => t.id).join('\n'),
  tokenUrl: c.tokenUrl,
  apiUrl: c.apiUrl,
});

function ConnectionForm({
  draft,
  user,
  onClose,
  onSaved,
}: {
  draft: Draft;
  /** Who maps tenants to customers from here (the change log names them). */
  user: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const customers = useCustomers();
  const [choices, setChoices] = useState<TenantChoice[] | null>(null);
  const [value, setValue] = useState(draft);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Draft) => (text: string) => setValue((v) => ({ ...v, [key]: text }));
  const tenantIds = [...new Set(value.tenantIds.split(/[\s,;]+/).filter(Boolean))];
  // A stored secret is only sent where it was saved for: new addresses need it typed again.
  const needsSecret =
    value.id === undefined ||
    value.tokenUrl.trim() !== draft.tokenUrl ||
    value.apiUrl.trim() !== draft.apiUrl;
  const addressError = (url: string) =>
    lensEndpointProblem(url.trim(), true) ? t('lens.notLensAddress') : undefined;
  const isComplete =
    value.label.trim() !== '' &&
    value.clientId.trim() !== '' &&
    (!needsSecret || value.clientSecret !== '') &&
    tenantIds.length > 0 &&
    !addressError(value.tokenUrl) &&
    !addressError(value.apiUrl);

  const save = async () => {
    setError(null);
    try {
      const saved = await api.saveLensConnection({
        ...(value.id ? { id: value.id } : {}),
        label: value.label.trim(),
        clientId: value.clientId.trim(),
        clientSecret: value.clientSecret,
        tokenUrl: value.tokenUrl.trim(),
        apiUrl: value.apiUrl.trim(),
        tenantIds,
      });
      // The listed tenants chosen for a customer they do not match yet become its Lens accounts.
      await mapLensTenants(
        db,
        user,
        (choices ?? [])
          .filter((c) => c.customerId !== '' && tenantIds.includes(c.tenant.id))
          .map((c) => ({ customerId: c.customerId, account: c.tenant.name || c.tenant.id })),
      );
      notifications.show({
        color: 'green',
        message: t('lens.saved', {
          tenants: saved.tenants
            .map((tenant) =>
              t('lens.tenantLine', {
                name: tenant.name,
                id: tenant.id,
                devices: format.number(tenant.devices),
              }),
            )
            .join('; '),
        }),
      });
      onSaved();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };

  return (
    <FormDialog
      onClose={onClose}
      title={t('lens.formTitle')}
      size="lg"
      onSubmit={() => isComplete && save()}
      submitLabel={t('lens.save')}
      canSubmit={isComplete}
    >
      <TextInput
        label={t('lens.label')}
        description={t('lens.labelHint')}
        value={value.label}
        onChange={(e) => set('label')(e.currentTarget.value)}
        required
        data-autofocus
      />
      <TextInput
        label={t('lens.clientId')}
        value={value.clientId}
        onChange={(e) => set('clientId')(e.currentTarget.value)}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <PasswordInput
        label={t('lens.clientSecret')}
        description={
          value.id ? t(needsSecret ? 'lens.clientSecretAgain' : 'lens.clientSecretKeep') : undefined
        }
        value={value.clientSecret}
        onChange={(e) => set('clientSecret')(e.currentTarget.value)}
        required={needsSecret}
        autoComplete="new-password"
      />
      <Textarea
        label={t('lens.tenantIds')}
        description={t('lens.tenantIdsHint')}
        value={value.tenantIds}
        onChange={(e) => set('tenantIds')(e.currentTarget.value)}
        autosize
        minRows={2}
        required
        spellCheck={false}
      />
      <LensTenants
        credentials={{
          ...(value.id ? { id: value.id } : {}),
          clientId: value.clientId.trim(),
          clientSecret: value.clientSecret,
          tokenUrl: value.tokenUrl.trim(),
          apiUrl: value.apiUrl.trim(),
        }}
        canList={
          value.clientId.trim() !== '' &&
          (!needsSecret || value.clientSecret !== '') &&
          !addressError(value.tokenUrl) &&
          !addressError(value.apiUrl)
        }
        customers={customers ?? []}
        chosen={tenantIds}
        onToggle={(id, isChosen) =>
          set('tenantIds')(
            (isChosen ? [...tenantIds, id] : tenantIds.filter((t) => t !== id)).join('\n'),
          )
        }
        choices={choices}
        onChoices={(listed) => {
          // Listed for the first time: every tenant is taken, as a new connection usually wants.
          if (choices === null && tenantIds.length === 0)
            set('tenantIds')(listed.map((c) => c.tenant.id).join('\n'));
          setChoices(listed);
        }}
      />
      <Accordion variant="contained">
        <Accordion.Item value="advanced">
          <Accordion.Control>{t('lens.advanced')}</Accordion.Control>
          <Accordion.Panel>
            <Stack>
              <TextInput
                label={t('lens.tokenUrl')}
                value={value.tokenUrl}
                onChange={(e) => set('tokenUrl')(e.currentTarget.value)}
                error={addressError(value.tokenUrl)}
                spellCheck={false}
              />
              <TextInput
                label={t('lens.apiUrl')}
                value={value.apiUrl}
                onChange={(e) => set('apiUrl')(e.currentTarget.value)}
                error={addressError(value.apiUrl)}
                spellCheck={false}
              />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      {error ? (
        <Alert color="red" role="alert" data-testid="lens-connection-error">
          {error}
        </Alert>
      ) : null}
    </FormDialog>
  );
}

export function LensSettings({
  schedule,
  onSchedule,
  user,
}: {
  user: string;
  schedule: LensSchedule;
  onSchedule: (next: LensSchedule) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { state, error, reload } = useLensConnections();
  const [draft, setDraft] = useState<Draft | null>(null);

  const remove = (connection: LensConnection) =>
    modals.openConfirmModal({
      title: t('lens.removeTitle', { label: connection.label }),
      children: <Text size="sm">{t('lens.removeBody')}</Text>,
      labels: { confirm: t('lens.remove'), cancel: t('lens.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void api.removeLensConnection({ id: connection.id }).then(() => {
          notifications.show({ message: t('lens.removed', { label: connection.label }) });
          reload();
        }),
    });

  return (
    <Stack>
      <Text size="sm">{t('lens.intro')}</Text>
      {state ? (
        <Text size="sm" c="dimmed">
          {t(state.protection === 'os' ? 'lens.protectionOs' : 'lens.protectionFile')}
        </Text>
      ) : null}
      {error ? <Alert color="red">{error}</Alert> : null}
      {state?.connections.length ? (
        <Table data-testid="lens-connections">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('lens.label')}</Table.Th>
              <Table.Th>{t('lens.clientId')}</Table.Th>
              <Table.Th>{t('lens.tenant')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.connections.map((connection) => (
              <Table.Tr key={connection.id}>
                <Table.Td>{connection.label}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {connection.clientId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {connection.tenants.map((tenant) => (
                    <Text size="sm" key={tenant.id}>
                      {t('lens.tenantLine', {
                        name: tenant.name,
                        id: tenant.id,
                        devices: format.number(tenant.devices),
                      })}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setDraft(draftOf(connection))}
                    >
                      {t('lens.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove(connection)}
                    >
                      {t('lens.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Group>
        <Button variant="default" onClick={() => setDraft(blank)}>
          {t('lens.add')}
        </Button>
      </Group>
      <Group align="flex-end">
        <Switch
          label={t('lens.schedule')}
          checked={schedule.day !== null}
          onChange={(e) =>
            void onSchedule({
              ...schedule,
              day: e.currentTarget.checked ? (schedule.day ?? 1) : null,
            })
          }
        />
        {schedule.day !== null ? (
          <NumberInput
            label={t('lens.scheduleDay')}
            min={1}
            max={28}
            w={160}
            value={schedule.day}
            onChange={(day) =>
              typeof day === 'number' && day >= 1 && day <= 28
                ? void onSchedule({ ...schedule, day })
                : undefined
            }
          />
        ) : null}
      </Group>
      {schedule.day !== null ? (
        <Text size="sm" c="dimmed">
          {t('lens.scheduleHint', { last: schedule.lastRun ?? t('lens.scheduleNever') })}
        </Text>
      ) : null}
      {draft ? (
        <ConnectionForm
          draft={draft}
          user={user}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
