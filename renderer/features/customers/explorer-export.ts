/** The device explorer's list as a workbook: the devices the filters show, with every field as text. */
import type { TFunction } from 'i18next';
import { exportWorkbook } from '../../components/export-workbook';
import { explorerLabels } from './explorer-labels';
import type { ExplorerRow } from './explorer-rows';

export async function exportExplorerRows(
  t: TFunction,
  visible: readonly ExplorerRow[],
  customerName: string,
  asOf: string,
): Promise<void> {
  const { classLabel, statusLabel } = explorerLabels(t);
  await exportWorkbook(
    `${customerName} – devices ${asOf}.xlsx`,
    {
      sheets: [
        {
          name: customerName,
          columns: [
            { header: t('explorer.columns.serial'), type: 'text', width: 18 },
            { header: t('explorer.columns.deviceId'), type: 'text', width: 16 },
            { header: t('explorer.columns.model'), type: 'text', width: 28 },
            { header: t('explorer.columns.cls'), type: 'text', width: 16 },
            { header: t('explorer.columns.name'), type: 'text', width: 22 },
            { header: t('explorer.columns.site'), type: 'text', width: 20 },
            { header: t('explorer.columns.room'), type: 'text', width: 14 },
            { header: t('explorer.columns.softwareVersion'), type: 'text', width: 14 },
            { header: t('explorer.columns.online'), type: 'text', width: 14 },
            { header: t('explorer.columns.lastDetected'), type: 'datetime', width: 18 },
          ],
          rows: visible.map(({ device, cls }) => [
            device.serial,
            device.deviceId,
            device.model,
            classLabel(cls),
            device.name,
            device.site,
            device.room,
            device.softwareVersion,
            statusLabel(device.online),
            device.lastDetected,
          ]),
        },
      ],
    },
    (path) => t('explorer.exported', { count: visible.length, path }),
  );
}
