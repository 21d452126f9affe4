/**
 * A customer's "Pull from Lens": its tenant pulled through the Imports screen's preview, or a reason
 * the button cannot run (offline, no tenant maps to the customer).
 */
import { Button, Tooltip } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { IconCloudDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/model/entities';
import { navigate } from '../../components/route';
import { lensTargets, useLensConnections } from '../imports/lens-pull';
import { setPendingImport } from '../imports/pending';

export function PullFromLens({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const network = useNetwork();
  const { state } = useLensConnections();
  // Without a connection the app is used with files only: no button to explain.
  if (!state || state.connections.length === 0) return null;
  const target = lensTargets(state.connections, [customer]).find((r) => r.customer !== null);
  const reason = !network.online ? t('lens.offline') : target ? null : t('lens.pullFromLensNone');
  return (
    <Tooltip label={reason} disabled={reason === null} multiline w={320}>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconCloudDownload size={14} />}
        disabled={reason !== null}
        data-disabled-reason={reason ?? undefined}
        onClick={() => {
          if (!target) return;
          setPendingImport({
            kind: 'lens',
            name: t('lens.fromLens', { tenant: target.tenant.name || target.tenant.id }),
            target: {
              connectionId: target.connection.id,
              tenantId: target.tenant.id,
              customerId: customer.id,
            },
          });
          navigate('imports');
        }}
      >
        {t('lens.pullFromLens')}
      </Button>
    </Tooltip>
  );
}
