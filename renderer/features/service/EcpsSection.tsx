/**
 * Cloud partner system support (TERMS.md §8): the customer's signed authorisation and its agreements
 * with cloud partners, and the incidents opened with them (tracking number, updates, joint calls,
 * linked rooms and devices). Opening one without what it needs warns, and going ahead is recorded.
 */
import { useTranslation } from 'react-i18next';
import type { Customer, EcpsIncident } from '../../../shared/model/entities';
import { useFormat } from '../../components/format';
import { Readiness } from './EcpsReadiness';
import { IncidentForm } from './IncidentForm';
import { RecordSection, RowFlag, type RecordColumn } from './RecordSection';

export function EcpsSection({
  customer,
  incidents,
  user,
  today,
}: {
  customer: Customer;
  incidents: EcpsIncident[];
  user: string;
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: RecordColumn<EcpsIncident>[] = [
    { field: 'cloudPartner', cell: (x) => t(`service.ecps.partners.${x.cloudPartner}`) },
    { field: 'trackingNumber', isMonospace: true, cell: (x) => x.trackingNumber },
    {
      field: 'title',
      cell: (x) => (
        <>
          {x.title}
          {x.override ? (
            <RowFlag
              flag="override"
              color="orange"
              title={`${x.override.user}: ${x.override.reason}`}
            >
              {t('service.ecps.overridden')}
            </RowFlag>
          ) : null}
        </>
      ),
    },
    { field: 'openedAt', cell: (x) => format.dateTime(x.openedAt) },
    { field: 'status', isNamed: true, cell: (x) => t(`service.ecps.statuses.${x.status}`) },
    {
      field: 'updates',
      cell: (x) =>
        t('service.ecps.counts', { updates: x.updates.length, calls: x.jointCalls.length }),
    },
  ];
  return (
    <RecordSection
      kind="ecpsIncident"
      rows={incidents}
      columns={columns}
      testId="incident-list"
      user={user}
      labelsKey="service.ecps"
      rowAttributes={(x) => ({ 'data-tracking': x.trackingNumber })}
      names={(x) => ({ what: x.trackingNumber })}
      form={(incident, onClose) => (
        <IncidentForm incident={incident} customer={customer} user={user} onClose={onClose} />
      )}
    >
      <Readiness key={customer.id} customer={customer} user={user} today={today} />
    </RecordSection>
  );
}
