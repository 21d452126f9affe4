/**
 * Classifying models the catalog does not know, wherever they are shown: the import report, the
 * portfolio's chip, the dashboard's "Not counted" panel and the device list. Classifying recounts
 * every snapshot that listed the model (renderer/db/imports.ts).
 */
import { Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_CLASSES, type CatalogClass } from '../../shared/catalog';
import { isCategory } from '../../shared/model/category';
import { classifyModel, undoClassification } from '../db/imports';
import { showUndo } from './undo';
import { useUnknownModels } from '../db/hooks/imports';
import { db } from '../db/instance';
import { messageOf } from '../../shared/errors';

export function ClassifyModel({ model, user }: { model: string; user: string }) {
  const { t } = useTranslation();
  const [cls, setCls] = useState<CatalogClass | null>(null);
  const label = (c: CatalogClass) => (isCategory(c) ? t(`categories.${c}`) : t(`classes.${c}`));
  const save = async () => {
    if (!cls) return;
    try {
      const done = await classifyModel(db, user, {
        pattern: model,
        match: 'exact',
        class: cls,
        verified: true,
        source: `classified by ${user}`,
      });
      showUndo(
        t('imports.classified', { model, cls: label(cls), count: done.customers }),
        t('common.undo'),
        () => undoClassification(db, user, done),
      );
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('errors.generic', {
          message: messageOf(error),
        }),
      });
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label={t('imports.classifyAs', { model })}
        placeholder={t('imports.classifyAs', { model })}
        data={CATALOG_CLASSES.map((c) => ({ value: c, label: label(c) }))}
        value={cls}
        onChange={(value) => setCls(value)}
        size="xs"
        w={240}
      />
      <Button size="xs" disabled={!cls} onClick={() => void save()}>
        {t('imports.classify')}
      </Button>
    </Group>
  );
}

export function UnknownModelsTable({
  models,
  user,
}: {
  models: readonly { model: string; devices: number }[];
  user: string;
}) {
  const { t } = useTranslation();
  return (
    <Table data-testid="unknown-models">
      <Table.Tbody>
        {models.map((m) => (
          <Table.Tr key={m.model}>
            <Table.Td>{m.model}</Table.Td>
            <Table.Td>{t('customers.devices', { count: m.devices })}</Table.Td>
            <Table.Td>
              <ClassifyModel model={m.model} user={user} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A customer's unknown models, to classify now: opened from the portfolio or the device list. */
export function ClassifyDialog({
  customerId,
  customer,
  user,
  onClose,
}: {
  customerId: string;
  customer: string;
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const models = useUnknownModels(customerId);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="xl"
      title={t('imports.classifyTitle', { customer })}
    >
      <Stack>
        {models && models.length > 0 ? (
          <UnknownModelsTable models={models} user={user} />
        ) : (
          <Text c="dimmed">{t('imports.noUnknownModels')}</Text>
        )}
      </Stack>
    </Modal>
  );
}
