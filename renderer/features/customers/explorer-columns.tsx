/**
 * The device explorer's columns: what each shows of a device, its header and its width (its share of
 * the table's; together they fit the table at 1440 px, the widest header word included).
 */
import { Anchor } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceClass } from '../../../shared/model/category';
import { useFormat } from '../../components/format';
import { explorerLabels } from './explorer-labels';
import type { ExplorerRow } from './explorer-rows';

/** The columns, rebuilt only when the language changes; an unknown class offers `onClassify`. */
export function useExplorerColumns(onClassify: () => void): ColumnDef<ExplorerRow>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const { classLabel, statusLabel } = explorerLabels(t);

  /** A column that shows one text field of the device as it is. */
  const deviceColumn = (
    field: 'name' | 'site' | 'room' | 'softwareVersion',
    size: number,
  ): ColumnDef<ExplorerRow> => ({
    id: field,
    header: t(`explorer.columns.${field}`),
    accessorFn: (r) => r.device[field],
    size,
  });

  return useMemo<ColumnDef<ExplorerRow>[]>(
    () => [
      {
        id: 'serial',
        header: t('explorer.columns.serial'),
        accessorFn: (r) => r.device.serial || r.device.deviceId,
        size: 130,
      },
      {
        id: 'model',
        header: t('explorer.columns.model'),
        accessorFn: (r) => r.device.model,
        size: 210,
      },
      {
        id: 'cls',
        header: t('explorer.columns.cls'),
        accessorFn: (r) => r.cls,
        cell: (c) =>
          c.getValue<DeviceClass>() === 'unknown' ? (
            <Anchor component="button" type="button" size="sm" onClick={onClassify}>
              {classLabel('unknown')}: {t('imports.classify')}
            </Anchor>
          ) : (
            classLabel(c.getValue<DeviceClass>())
          ),
        size: 140,
      },
      deviceColumn('name', 160),
      deviceColumn('site', 120),
      deviceColumn('room', 80),
      deviceColumn('softwareVersion', 100),
      {
        id: 'online',
        header: t('explorer.columns.online'),
        accessorFn: (r) => statusLabel(r.device.online),
        size: 105,
      },
      {
        id: 'lastDetected',
        header: t('explorer.columns.lastDetected'),
        accessorFn: (r) => r.device.lastDetected ?? '',
        cell: (c) => (c.getValue<string>() ? format.date(c.getValue<string>()) : ''),
        size: 115,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels change only with the language
    [t, format.locale, onClassify],
  );
}
