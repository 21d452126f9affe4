/**
 * The tenants a Lens credential reaches, listed by Lens with their region (FORMATS.md §4), to take
 * into the connection and map to customers in one step: each row's customer is the one its name or ID
 * already matches, or the one chosen here (saved as that customer's Lens account). A credential that
 * may not list them says so, and the tenant IDs are typed as before.
 */
import { Alert, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchCustomer } from '../../../shared/inventory/accounts';
import type { LensCredentials, ListedLensTenant } from '../../../shared/lens';
import type { Customer } from '../../../shared/model/entities';
import { messageOf } from '../../../shared/errors';
import { api } from '../../platform';

/** A listed tenant and the customer it goes to ('' none). */
export interface TenantChoice {
  tenant: ListedLensTenant;
  customerId: string;
}

export function LensTenants({
  credentials,
  canList,
  customers,
  chosen,
  onToggle,
  choices,
  onChoices,
}: {
  credentials: LensCredentials;
  /** The credential is complete enough to ask Lens. */
  canList: boolean;
  customers: readonly Customer[];
  /** The tenant IDs the connection takes. */
  chosen: readonly string[];
  onToggle: (id: string, isChosen: boolean) => void;
  choices: readonly TenantChoice[] | null;
  onChoices: (choices: TenantChoice[]) => void;
}) {
  const { t } = useTranslation();
  const [isListing, setListing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = customers.filter((c) => !c.isArchived);
  const options = [
    { value: '', label: t('lens.tenantNoCustomer') },
    ...active.map((c) => ({ value: c.id, label: c.name })),
  ];

  const list = async () => {
    setError(null);
    setListing(true);
    try {
      const tenants = await api.listLensTenants(credentials);
      onChoices(
        tenants.map((tenant) => ({
          tenant,
          customerId: matchCustomer(tenant.name, tenant.id, active)?.id ?? '',
        })),
      );
    } catch (e) {
      setError(t('lens.tenantsNotListed', { reason: messageOf(e) }));
    } finally {
      setListing(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconList size={14} />}
          onClick={() => void list()}
          loading={isListing}
          disabled={!canList}
        >
          {t('lens.listTenants')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('lens.listTenantsHint')}
        </Text>
      </Group>
      {error ? (
        <Alert color="orange" role="alert" data-testid="lens-tenants-error">
          {error}
        </Alert>
      ) : null}
      {choices ? (
        choices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lens.tenantsNone')}
          </Text>
        ) : (
          <Table data-testid="lens-listed-tenants" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lens.tenantTake')}</Table.Th>
                <Table.Th>{t('lens.tenant')}</Table.Th>
                <Table.Th>{t('lens.region')}</Table.Th>
                <Table.Th>{t('lens.customer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {choices.map((choice, i) => (
                <Table.Tr key={choice.tenant.id} data-tenant={choice.tenant.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('lens.tenantTakeOf', { tenant: choice.tenant.name })}
                      checked={chosen.includes(choice.tenant.id)}
                      onChange={(e) => onToggle(choice.tenant.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{choice.tenant.name}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {choice.tenant.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>{choice.tenant.region || '–'}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('lens.tenantCustomerOf', { tenant: choice.tenant.name })}
                      data={options}
                      value={choice.customerId}
                      allowDeselect={false}
                      searchable
                      comboboxProps={{ withinPortal: true }}
                      onChange={(customerId) =>
                        onChoices(
                          choices.map((c, j) =>
                            j === i ? { ...c, customerId: customerId ?? '' } : c,
                          ),
                        )
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : null}
    </Stack>
  );
}
