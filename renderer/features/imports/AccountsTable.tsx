/**
 * The import preview's accounts: each Lens account in the file with its devices, the customer it goes
 * to (a new one, one in the book, or skipped), and what that customer's stale rule will leave out.
 */
import { Paper, Select, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedInventory } from '../../../shared/inventory';
import type { Device } from '../../../shared/model/device';
import type { Customer } from '../../../shared/model/entities';
import { useFormat } from '../../components/format';
import { AccountStale } from './AccountStale';
import { NEW_CUSTOMER, SKIP_ACCOUNT } from './use-import-flow';

type Account = { account: string; accountId: string };

/** The customer an account goes to, when it is one already in the book. */
const existingCustomer = (value: string | undefined) =>
  value === undefined || value === NEW_CUSTOMER || value === SKIP_ACCOUNT ? null : value;

export function AccountsTable({
  parsed,
  customers,
  assignments,
  accountKey,
  onAssign,
}: {
  parsed: ParsedInventory;
  customers: readonly Customer[];
  assignments: Record<string, string>;
  accountKey: (a: Account) => string;
  onAssign: (account: Account, customerId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const byAccount = useMemo(() => {
    const groups = new Map<string, Device[]>();
    for (const device of parsed.devices) {
      const key = accountKey(device);
      const group = groups.get(key);
      if (group) group.push(device);
      else groups.set(key, [device]);
    }
    return groups;
  }, [parsed.devices, accountKey]);
  const customerOptions = (name: string) => [
    { value: NEW_CUSTOMER, label: t('imports.newCustomer', { name }) },
    ...customers.filter((c) => !c.isArchived).map((c) => ({ value: c.id, label: c.name })),
    { value: SKIP_ACCOUNT, label: t('imports.skipAccount') },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('imports.accounts')}
      </Title>
      <Table data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.account')}</Table.Th>
            <Table.Th>{t('imports.devices')}</Table.Th>
            <Table.Th>{t('imports.customer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parsed.accounts.map((account) => {
            const name = account.account || account.accountId || '–';
            return (
              <Table.Tr key={accountKey(account)}>
                <Table.Td>
                  {name}
                  {account.accountId && account.account ? (
                    <Text size="xs" c="dimmed">
                      {account.accountId}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{format.number(account.devices)}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('imports.customer')}: ${name}`}
                    data={customerOptions(name)}
                    value={assignments[accountKey(account)] ?? NEW_CUSTOMER}
                    onChange={(value) => onAssign(account, value ?? NEW_CUSTOMER)}
                    allowDeselect={false}
                    searchable
                    w={320}
                  />
                  <AccountStale
                    devices={byAccount.get(accountKey(account)) ?? []}
                    customerId={existingCustomer(assignments[accountKey(account)])}
                    asOf={parsed.asOf}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
