/**
 * The device explorer's filters: a search box (instant; the table catches up) and a choice each of
 * class, site, model and online status, the sites and models offered being those in the list. What
 * acts on the filtered view (the export) follows them in the bar.
 */
import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, EXCLUDED_CLASSES, type DeviceClass } from '../../../shared/model/category';
import { explorerLabels } from './explorer-labels';
import type { ExplorerFilters, ExplorerRow } from './explorer-rows';

/** The choice of devices without a site: '' is "any", and a select takes each value once. */
const NO_SITE = '__no_site__';

/** The filters the bar sets; the query is the search box's text as typed. */
export type FilterChoices = Omit<ExplorerFilters, 'query'>;

export function ExplorerFilterBar({
  rows,
  query,
  onQueryChange,
  filters,
  onFiltersChange,
  children,
}: {
  /** Every row, filtered or not: where the sites and models offered come from. */
  rows: readonly ExplorerRow[];
  query: string;
  onQueryChange: (query: string) => void;
  filters: FilterChoices;
  onFiltersChange: (patch: Partial<FilterChoices>) => void;
  /** What the bar shows after the filters. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { classLabel } = explorerLabels(t);
  const options = useMemo(() => {
    const sites = new Set<string>();
    const models = new Set<string>();
    for (const row of rows) {
      sites.add(row.device.site);
      models.add(row.device.model);
    }
    return { sites: [...sites].sort(), models: [...models].sort() };
  }, [rows]);
  const any = { value: '', label: t('explorer.any') };

  return (
    <Group align="end" wrap="wrap">
      <TextInput
        label={t('explorer.searchLabel')}
        data-testid="explorer-search"
        placeholder={t('explorer.search')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => onQueryChange(e.currentTarget.value)}
        w={360}
      />
      <Select
        label={t('explorer.category')}
        data={[
          any,
          ...[...CATEGORIES, ...EXCLUDED_CLASSES].map((c) => ({
            value: c,
            label: classLabel(c),
          })),
        ]}
        value={filters.cls ?? ''}
        onChange={(v) => onFiltersChange({ cls: (v || null) as DeviceClass | null })}
        allowDeselect={false}
        w={170}
      />
      <Select
        label={t('explorer.site')}
        data={[
          any,
          ...options.sites.map((s) => ({ value: s === '' ? NO_SITE : s, label: s || '–' })),
        ]}
        value={filters.site === '' ? NO_SITE : (filters.site ?? '')}
        onChange={(v) =>
          onFiltersChange({ site: v === '' || v === null ? null : v === NO_SITE ? '' : v })
        }
        searchable
        allowDeselect={false}
        w={190}
      />
      <Select
        label={t('explorer.model')}
        data={[any, ...options.models.map((m) => ({ value: m, label: m }))]}
        value={filters.model ?? ''}
        onChange={(v) => onFiltersChange({ model: v || null })}
        searchable
        allowDeselect={false}
        w={230}
      />
      <Select
        label={t('explorer.online')}
        data={[
          any,
          { value: 'yes', label: t('explorer.yes') },
          { value: 'no', label: t('explorer.no') },
          { value: 'unknown', label: t('explorer.unknown') },
        ]}
        value={filters.online ?? ''}
        onChange={(v) => onFiltersChange({ online: (v || null) as ExplorerFilters['online'] })}
        allowDeselect={false}
        w={150}
      />
      {children}
    </Group>
  );
}
