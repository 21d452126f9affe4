/** How the device explorer names a device's class and its online status: in the table, filters and export alike. */
import type { TFunction } from 'i18next';
import type { DeviceClass } from '../../../shared/model/category';

export function explorerLabels(t: TFunction) {
  return {
    classLabel: (cls: DeviceClass) => t(`classes.${cls}`),
    statusLabel: (online: boolean | null) =>
      online === null ? t('explorer.unknown') : online ? t('explorer.yes') : t('explorer.no'),
  };
}
