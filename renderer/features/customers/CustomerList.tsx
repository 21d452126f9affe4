/** Every customer, with new customer, the contract register import (with its preview) and export. */
import { Anchor, Badge, Button, Menu, Switch, Group, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { IconBuildingStore, IconFileExport, IconFileImport, IconPlus } from '@tabler/icons-react';
import type { ParsedRegister } from '../../../shared/contracts/register';
import { useMayWrite } from '../../db/team-sync';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { hrefOf, navigate } from '../../components/route';
import type { Settings } from '../../db/settings';
import { CustomerForm } from '../contracts/CustomerForm';
import { exportRegister, pickRegister, RegisterPreview } from '../contracts/RegisterDialog';
import { useBook } from '../../db/hooks/book';
import { messageOf } from '../../../shared/errors';

type RegisterState = (ParsedRegister & { file: string }) | null;

export function CustomerList({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const may = useMayWrite();
  const book = useBook();
  const [isCreating, setCreating] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [register, setRegister] = useState<RegisterState>(null);
  const customers =
    book?.customers.slice().sort((a, b) => a.name.localeCompare(b.name, 'sv')) ?? [];
  const shown = customers.filter((c) => showArchived || !c.isArchived);
  const contractOf = (id: string) =>
    book?.contracts.find((c) => c.customerId === id && !c.isArchived);
  const saved = (path: string) => t('common.exported', { path });

  const importRegisterFile = async () => {
    try {
      const parsed = await pickRegister(settings);
      if (parsed) setRegister(parsed);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('register.unreadable'),
        message: messageOf(error),
        autoClose: false,
      });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('customers.title')}
        </Title>
        <Group gap="xs">
          {may('customers') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('customerForm.new')}
            </Button>
          ) : null}
          {may('contracts') ? (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => void importRegisterFile()}
            >
              {t('register.importButton')}
            </Button>
          ) : null}
          <Menu>
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconFileExport size={16} />}
                disabled={!book?.contracts.length}
              >
                {t('register.exportButton')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                onClick={() => void exportRegister('xlsx', book?.contracts ?? [], customers, saved)}
              >
                Excel (.xlsx)
              </Menu.Item>
              <Menu.Item
                onClick={() => void exportRegister('csv', book?.contracts ?? [], customers, saved)}
              >
                CSV (.csv)
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {book && customers.length === 0 ? (
        <EmptyState icon={<IconBuildingStore />} title={t('customers.emptyTitle')}>
          {t('customers.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <Switch
            label={t('customers.showArchived')}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          <Table highlightOnHover data-testid="customer-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customerForm.name')}</Table.Th>
                <Table.Th>{t('customerForm.masterAccountId')}</Table.Th>
                <Table.Th>{t('portfolio.contract')}</Table.Th>
                <Table.Th>{t('customerForm.csm')}</Table.Th>
                <Table.Th>{t('customerForm.accountManager')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((customer) => (
                <Table.Tr key={customer.id}>
                  <Table.Td>
                    <Anchor href={hrefOf('customers', customer.id)} fw={600}>
                      {customer.name}
                    </Anchor>
                    {customer.isArchived ? (
                      <Badge ml="xs" size="xs" color="gray">
                        {t('customers.archived')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{customer.masterAccountId}</Table.Td>
                  <Table.Td>{contractOf(customer.id)?.number ?? '–'}</Table.Td>
                  <Table.Td>{customer.csm}</Table.Td>
                  <Table.Td>{customer.accountManager}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {isCreating ? (
        <CustomerForm
          customer={null}
          user={settings.userName}
          names={customers.map((c) => c.name)}
          onClose={() => setCreating(false)}
          onSaved={(c) => navigate('customers', c.id)}
        />
      ) : null}
      {register && book ? (
        <RegisterPreview
          parsed={register}
          customers={book.customers}
          contracts={book.contracts}
          settings={settings}
          onClose={() => setRegister(null)}
        />
      ) : null}
    </Stack>
  );
}
