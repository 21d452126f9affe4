/**
 * Under an account's customer in the import preview: how many of its devices the customer's contract
 * will not count as stale (TERMS.md §12), so "Stale: 0" from a parse that knows no contract never
 * stands for what the import will do.
 */
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { staleCount } from '../../../shared/inventory';
import type { Device } from '../../../shared/model/device';
import { lastDayOfMonth, monthOf, type CalendarDate } from '../../../shared/terms/dates';
import { useStaleRule } from '../../db/hooks/imports';

export function AccountStale({
  devices,
  customerId,
  asOf,
}: {
  /** The account's devices in the file. */
  devices: readonly Device[];
  /** The customer they go to; null for a new customer or a skipped account. */
  customerId: string | null;
  asOf: CalendarDate;
}) {
  const { t } = useTranslation();
  const days = useStaleRule(customerId, lastDayOfMonth(monthOf(asOf)));
  const count = useMemo(() => (days ? staleCount(devices, asOf, days) : 0), [devices, asOf, days]);
  if (!days || count === 0) return null;
  return (
    <Text size="xs" c="orange.9" mt={4} data-testid="account-stale">
      {t('imports.staleUnderRule', { count, days })}
    </Text>
  );
}
