/**
 * The devices of the "Not counted" panel that Lens's word keeps out (TERMS.md §12): stale under the
 * contract's rule, deleted or archived, each with its last detection; the first few, and a way to the
 * device list filtered to the stale ones.
 */
import { Anchor, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { notCountedDevices } from '../../../shared/inventory';
import type { InventorySnapshot } from '../../../shared/model/entities';
import { useFormat } from '../../components/format';
import { hrefOf } from '../../components/route';
import { useInventory, useSnapshotDevices } from '../../db/hooks/customer';
import { deviceListSegment } from './explorer-rows';

/** How many devices the panel lists; the device list has them all. */
const SHOWN = 8;

export function NotCountedList({
  snapshot,
  isPast,
}: {
  /** The inventory the panel's figures are of. */
  snapshot: InventorySnapshot;
  /** A past month's inventory: its kept list, not the current inventory. */
  isPast: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const current = useInventory(snapshot.customerId);
  const past = useSnapshotDevices(isPast ? snapshot : null);
  const devices = isPast ? past : current;
  const staleDays = snapshot.summary.staleDays ?? null;
  const listed = useMemo(
    () => (devices ? notCountedDevices(devices, snapshot.asOf, staleDays) : []),
    [devices, snapshot.asOf, staleDays],
  );
  if (listed.length === 0 && staleDays === null) return null;
  return (
    <>
      {staleDays === null ? null : (
        <Text size="xs" c="dimmed" mt="sm">
          {t('staleRule.panelHint', { days: staleDays, date: format.date(snapshot.asOf) })}
        </Text>
      )}
      {listed.length === 0 ? null : (
        <Table mt="xs" data-testid="not-counted-devices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('explorer.columns.serial')}</Table.Th>
              <Table.Th>{t('explorer.columns.model')}</Table.Th>
              <Table.Th>{t('dashboard.class')}</Table.Th>
              <Table.Th>{t('explorer.columns.lastDetected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {listed.slice(0, SHOWN).map((d) => (
              <Table.Tr key={`${d.id}:${d.model}`}>
                <Table.Td>{d.id}</Table.Td>
                <Table.Td>{d.model}</Table.Td>
                <Table.Td>{t(`classes.${d.reason}`)}</Table.Td>
                <Table.Td>
                  {d.lastDetected ? format.date(d.lastDetected) : t('staleRule.never')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {listed.some((d) => d.reason === 'stale') ? (
        <Anchor
          size="sm"
          href={hrefOf('customers', snapshot.customerId, 'devices', deviceListSegment('stale'))}
        >
          {t('staleRule.showDevices', { count: listed.filter((d) => d.reason === 'stale').length })}
        </Anchor>
      ) : null}
    </>
  );
}
