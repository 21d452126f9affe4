/**
 * Cloud partner system support (TERMS.md §8): the customer's signed authorisation and its agreements
 * with cloud partners, and the incidents opened with them (tracking number, updates, joint calls,
 * linked rooms and devices). Opening one without what it needs warns, and going ahead is recorded.
 */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useFormat } from '../../components/format';
import { useMayWrite } from '../../db/team-sync';
import { useTranslation } from 'react-i18next';
import type { Customer, EcpsIncident } from '../../../shared/model/entities';
import { RecordActions } from './RecordActions';
import { Readiness } from './EcpsReadiness';
import { IncidentForm } from './IncidentForm';
import { ActionsHeader } from '../../components/ActionsHeader';

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
  const { t } = useTranslation();
  const format = useFormat();
  const may = useMayWrite();
  const [editing, setEditing] = useState<EcpsIncident | 'new' | null>(null);
  return (
    <Stack>
      <Readiness key={customer.id} customer={customer} user={user} today={today} />
      {may('ecpsIncidents') ? (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('service.ecps.new')}
          </Button>
        </Group>
      ) : null}
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
                <Table.Td>{format.dateTime(x.openedAt)}</Table.Td>
                <Table.Td data-field="status">{t(`service.ecps.statuses.${x.status}`)}</Table.Td>
                <Table.Td>
                  {t('service.ecps.counts', {
                    updates: x.updates.length,
                    calls: x.jointCalls.length,
                  })}
                </Table.Td>
                <Table.Td>
                  <RecordActions
                    what={x.trackingNumber}
                    onEdit={() => setEditing(x)}
                    record={{ kind: 'ecpsIncident', id: x.id }}
                    user={user}
                  />
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
