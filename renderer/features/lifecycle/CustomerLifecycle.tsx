/** A customer's lifecycle tab: its devices reaching an end within 3, 6 or 12 months, by site and model. */
import { Alert, Loader, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleList, type LifecycleWindow } from '../../../shared/inventory/lifecycle';
import { customerReplacements } from '../../../shared/reports/lifecycle-layout';
import { useFormat } from '../../components/format';
import { useLifecycleBook } from '../../db/hooks/lifecycle';
import { LifecyclePanel } from './LifecyclePanel';

export function CustomerLifecycle({
  customerId,
  isPast,
}: {
  customerId: string;
  /** The dashboard shows a past month: the tab says its list is today's. */
  isPast: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const book = useLifecycleBook(customerId);
  const [months, setMonths] = useState<LifecycleWindow>(12);
  const noSite = t('lifecycle.noSite');
  const list = useMemo(() => {
    const inventory = book?.inventories[0];
    if (!book || !inventory) return null;
    const found = lifecycleList(inventory, book.catalog, book.today, months);
    return customerReplacements(inventory.customer, found, noSite);
  }, [book, months, noSite]);
  if (!book) return <Loader aria-label={t('lifecycle.tab')} />;
  if (!list) return <Alert color="gray">{t('lifecycle.noInventory')}</Alert>;
  const panel = (
    <LifecyclePanel
      list={list}
      onMonthsChange={setMonths}
      place={t('lifecycle.columns.site')}
      intro={t('lifecycle.intro')}
    />
  );
  if (!isPast) return panel;
  return (
    <Stack>
      <Alert color="blue" data-testid="lifecycle-today">
        {t('lifecycle.asOfToday', { date: format.date(list.asOf) })}
      </Alert>
      {panel}
    </Stack>
  );
}
