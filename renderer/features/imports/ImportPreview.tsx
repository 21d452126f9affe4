/** The preview before an import: what was detected, the column mapping to correct, the as-of date and customers. */
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingFields, type HeaderMapping, type ParsedInventory } from '../../../shared/inventory';
import { CATEGORIES, EXCLUDED_CLASSES } from '../../../shared/model/category';
import { DEVICE_FIELDS, type DeviceField } from '../../../shared/model/device';
import type { Customer } from '../../../shared/model/entities';
import { DateField } from '../../components/inputs';
import { Fact } from '../../components/Fact';
import { useFormat } from '../../components/format';
import { useImportsOf } from '../../db/hooks/imports';
import { AccountsTable } from './AccountsTable';
import { SKIP_ACCOUNT } from './use-import-flow';

interface Props {
  parsed: ParsedInventory;
  customers: readonly Customer[];
  assignments: Record<string, string>;
  accountKey: (a: { account: string; accountId: string }) => string;
  onAssign: (account: { account: string; accountId: string }, customerId: string) => void;
  onReread: (asOf: string | null, mapping: HeaderMapping) => void;
  onImport: () => void;
  onCancel: () => void;
}

export function ImportPreview({
  parsed,
  customers,
  assignments,
  accountKey,
  onAssign,
  onReread,
  onImport,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mapping, setMapping] = useState<HeaderMapping>(parsed.mapping);
  const [asOf, setAsOf] = useState(parsed.isAsOfGiven ? parsed.asOf : '');
  const earlier = useImportsOf(parsed.contentHash);
  const fieldOf = (column: number) =>
    (Object.entries(mapping).find(([, c]) => c === column)?.[0] ?? '') as DeviceField | '';
  const setField = (column: number, field: string | null) => {
    const next: HeaderMapping = {};
    for (const [f, c] of Object.entries(mapping) as [DeviceField, number][])
      if (c !== column && f !== field) next[f] = c;
    if (field) next[field as DeviceField] = column;
    setMapping(next);
  };
  const missing = missingFields(mapping);
  const isChanged =
    JSON.stringify(mapping) !== JSON.stringify(parsed.mapping) ||
    (asOf || null) !== (parsed.isAsOfGiven ? parsed.asOf : null);
  const fieldOptions = [
    { value: '', label: t('imports.notUsed') },
    ...DEVICE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) })),
  ];
  const importing = parsed.accounts
    .filter((a) => assignments[accountKey(a)] !== SKIP_ACCOUNT)
    .reduce((sum, a) => sum + a.devices, 0);

  return (
    <Stack data-testid="import-preview">
      <Title order={2} size="h3">
        {t('imports.preview')}: {parsed.file}
      </Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 6 }} data-testid="import-facts">
          {parsed.source ? (
            <>
              <Fact label={t('lens.source')} value={t('lens.title')} />
              <Fact
                label={t('lens.tenant')}
                value={`${parsed.source.tenant} (${parsed.source.tenantId})`}
              />
              <Fact label={t('lens.pulledAt')} value={format.dateTime(parsed.source.pulledAt)} />
            </>
          ) : (
            <>
              <Fact label={t('imports.format')} value={parsed.format.toUpperCase()} />
              {parsed.encoding ? (
                <Fact label={t('imports.encoding')} value={parsed.encoding} />
              ) : null}
              {parsed.delimiter ? (
                <Fact
                  label={t('imports.separator')}
                  value={parsed.delimiter === '\t' ? 'Tab' : parsed.delimiter}
                />
              ) : null}
              {parsed.sheet ? <Fact label={t('imports.sheet')} value={parsed.sheet} /> : null}
              <Fact label={t('imports.headerRow')} value={parsed.headerRow} />
            </>
          )}
          <Fact label={t('imports.rows')} value={format.number(parsed.rows)} />
          <Fact label={t('imports.devices')} value={format.number(parsed.devices.length)} />
        </SimpleGrid>
        <Group mt="md" gap="xs">
          {CATEGORIES.map((c) => (
            <Badge key={c} variant="light" size="lg">
              {t(`classes.${c}`)}: {format.number(parsed.summary.counts[c])}
            </Badge>
          ))}
          {/* The parse knows no contract: its stale count is always 0; each account says its own. */}
          {EXCLUDED_CLASSES.filter((c) => c !== 'stale').map((c) => (
            <Badge key={c} variant="outline" color="gray" size="lg">
              {t(`classes.${c}`)}: {format.number(parsed.summary.excluded[c])}
            </Badge>
          ))}
          {parsed.rejected.length ? (
            <Badge color="orange" size="lg">
              {t('imports.rejected', { count: parsed.rejected.length })}
            </Badge>
          ) : null}
          {parsed.duplicates.length ? (
            <Badge color="yellow" size="lg">
              {t('imports.duplicates', { count: parsed.duplicates.length })}
            </Badge>
          ) : null}
        </Group>
      </Paper>

      {earlier && earlier.length > 0 ? (
        <Alert color="blue" data-testid="already-imported" title={t('imports.alreadyTitle')}>
          {earlier.map((record) => (
            <Text size="sm" key={record.id}>
              {t('imports.alreadyImported', {
                customer: customers.find((c) => c.id === record.customerId)?.name ?? '–',
                date: format.dateTime(record.importedAt),
                asOf: format.date(record.asOf),
              })}
            </Text>
          ))}
          <Text size="sm" mt="xs">
            {asOf && earlier.some((record) => record.asOf !== asOf)
              ? t('imports.alreadyAsOf', { asOf: format.date(asOf) })
              : t('imports.alreadyNothing')}
          </Text>
        </Alert>
      ) : null}

      {/* A pull has no columns to correct, and its date is the pull's. */}
      {parsed.source ? null : (
        <Paper withBorder p="md">
          <Group justify="space-between" align="end">
            <div>
              <Title order={3} size="h5">
                {t('imports.mapping')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('imports.mappingHint')}
              </Text>
            </div>
            <Group align="end">
              <DateField
                label={t('imports.asOf')}
                description={t('imports.asOfHint')}
                placeholder={format.date(parsed.asOf)}
                value={asOf}
                onChange={(value) => setAsOf(value ?? '')}
                w={220}
              />
              <Button
                variant="default"
                disabled={!isChanged || missing.length > 0}
                onClick={() => onReread(asOf || null, mapping)}
              >
                {t('imports.apply')}
              </Button>
            </Group>
          </Group>
          {missing.length > 0 ? (
            <Alert color="red" mt="sm">
              {t('imports.missing', { fields: missing.join(', ') })}
            </Alert>
          ) : null}
          <Table mt="sm" striped data-testid="mapping-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parsed.headers.map((header, column) => (
                <Table.Tr key={column}>
                  <Table.Td>{header || `#${column + 1}`}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`${t('imports.field')}: ${header || `#${column + 1}`}`}
                      data={fieldOptions}
                      value={fieldOf(column)}
                      onChange={(value) => setField(column, value || null)}
                      allowDeselect={false}
                      size="xs"
                      w={240}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <AccountsTable
        parsed={parsed}
        customers={customers}
        assignments={assignments}
        accountKey={accountKey}
        onAssign={onAssign}
      />

      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('imports.cancel')}
        </Button>
        <Button onClick={onImport} disabled={isChanged || importing === 0}>
          {t('imports.import', { devices: format.number(importing) })}
        </Button>
      </Group>
    </Stack>
  );
}
