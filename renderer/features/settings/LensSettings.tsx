/**
 * Settings → Poly Lens API: the connections main keeps (label, client ID, tenants; the secret goes to
 * main and never comes back), and the monthly schedule.
 */
import { Alert, Button, Group, NumberInput, Stack, Switch, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LensConnection } from '../../../shared/lens';
import { useFormat } from '../../components/format';
import type { LensSchedule } from '../../db/settings';
import { api } from '../../platform';
import { useLensConnections } from '../imports/lens-pull';
import { blank, ConnectionForm, draftOf, type Draft } from './LensConnectionForm';

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
