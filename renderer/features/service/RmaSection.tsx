/**
 * RMAs (advance hardware replacement, TERMS.md §6): the list with late shipments and unreturned units
 * flagged, and the form: the serial is required and looked up in the inventory (model, category, site).
 */
import { Alert, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../shared/model/category';
import type { Rma, SupportCase } from '../../../shared/model/entities';
import { rmaCategory } from '../../../shared/reports/service';
import { rmaFlags, type RmaFlags } from '../../../shared/service/rma';
import { useFormat } from '../../components/format';
import { useInventory } from '../../db/hooks/customer';
import { db } from '../../db/instance';
import { saveRma } from '../../db/service';
import type { ServiceView } from '../../db/hooks/service';
import { RecordSection, RowFlag, type RecordColumn } from './RecordSection';
import { serviceIssuesByField, useServiceWrite } from '../../components/service-form';
import { FormDialog } from '../../components/FormDialog';
import { DateField } from '../../components/inputs';

function RmaForm({
  view,
  rma,
  user,
  onClose,
}: {
  view: ServiceView;
  rma: Rma | null;
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const devices = useInventory(view.customer.id);
  const [draft, setDraft] = useState<Rma>(
    () =>
      rma ?? {
        id: crypto.randomUUID(),
        customerId: view.customer.id,
        serial: '',
        model: '',
        category: null,
        siteId: '',
        requestedOn: view.today,
        approvedOn: view.today,
        shipBy: null,
        shippedOn: null,
        trackingNumber: '',
        returnBy: null,
        returnedOn: null,
        reason: '',
        caseId: null,
      },
  );
  const { issues, write } = useServiceWrite();
  const errors = serviceIssuesByField(t, issues);
  const { catalog } = view;
  const key = draft.serial.trim().toUpperCase();
  const device = useMemo(
    () => (key && devices ? devices.find((d) => d.serial.trim().toUpperCase() === key) : undefined),
    [devices, key],
  );
  const set = (patch: Partial<Rma>) => setDraft((d) => ({ ...d, ...patch }));
  const lookUp = () => {
    if (!device) return;
    const site = view.sites.find((s) => s.name === device.site);
    set({
      model: device.model,
      category: rmaCategory(catalog.classify(device.model, view.today)),
      siteId: site?.siteId ?? draft.siteId,
    });
  };
  const date = (field: 'requestedOn' | 'approvedOn' | 'shippedOn' | 'returnedOn') => (
    <DateField
      label={t(`service.fields.${field}`)}
      value={draft[field]}
      onChange={(value) => set({ [field]: value })}
      error={errors.get(field)}
      required={field === 'requestedOn'}
    />
  );
  const save = () =>
    write(() => saveRma(db, user, { ...draft, requestedOn: draft.requestedOn || '' }));
  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title={t(rma ? 'service.rma.edit' : 'service.rma.new')}
      onSubmit={save}
    >
      <TextInput
        label={t('service.fields.serial')}
        required
        data-autofocus
        value={draft.serial}
        onChange={(e) => set({ serial: e.currentTarget.value })}
        onBlur={lookUp}
        error={errors.get('serial')}
        description={
          key && devices
            ? device
              ? t('service.rma.found', { model: device.model, site: device.site || '–' })
              : undefined
            : undefined
        }
      />
      {key && devices && !device ? (
        <Alert color="yellow" data-testid="serial-warning">
          {t('service.rma.notInInventory', { serial: draft.serial.trim() })}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('service.fields.model')}
          value={draft.model}
          onChange={(e) => set({ model: e.currentTarget.value })}
        />
        <Select
          label={t('service.fields.category')}
          data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          value={draft.category}
          onChange={(value) => set({ category: rmaCategory(value) })}
          clearable
        />
        <TextInput
          label={t('service.fields.siteId')}
          value={draft.siteId}
          onChange={(e) => set({ siteId: e.currentTarget.value })}
        />
        {date('requestedOn')}
        {date('approvedOn')}
        {date('shippedOn')}
        <TextInput
          label={t('service.fields.trackingNumber')}
          value={draft.trackingNumber}
          onChange={(e) => set({ trackingNumber: e.currentTarget.value })}
        />
        {date('returnedOn')}
        <Select
          label={t('service.fields.caseId')}
          data={view.cases.map((c: SupportCase) => ({
            value: c.id,
            label: `${c.polyCaseNumber || '–'} · ${c.title}`,
          }))}
          value={draft.caseId}
          onChange={(value) => set({ caseId: value })}
          clearable
        />
      </SimpleGrid>
      <TextInput
        label={t('service.fields.reason')}
        value={draft.reason}
        onChange={(e) => set({ reason: e.currentTarget.value })}
      />
      <Text size="xs" c="dimmed">
        {t('service.rma.datesExplain', { country: t(`countries.${view.customer.country}`) })}
      </Text>
    </FormDialog>
  );
}

export function RmaSection({ view, user }: { view: ServiceView; user: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = (value: string | null) => (value ? format.date(value) : '–');
  /** A date column with the RMA's flag beside the date when it is late or unreturned. */
  const flaggedDate = (
    field: 'shippedOn' | 'returnedOn',
    flag: 'late' | 'unreturned',
    color: string,
    isFlagged: (flags: RmaFlags) => boolean,
  ): RecordColumn<Rma> => ({
    field,
    cell: (rma) => (
      <>
        {date(rma[field])}
        {isFlagged(rmaFlags(rma, view.today)) ? (
          <RowFlag flag={flag} color={color}>
            {t(`service.rma.${flag}`)}
          </RowFlag>
        ) : null}
      </>
    ),
  });
  const columns: RecordColumn<Rma>[] = [
    { field: 'serial', isMonospace: true, cell: (rma) => rma.serial },
    {
      field: 'model',
      cell: (rma) => (
        <>
          {rma.model || '–'}
          {rma.category ? (
            <Text size="xs" c="dimmed">
              {t(`categories.${rma.category}`)}
            </Text>
          ) : null}
        </>
      ),
    },
    { field: 'siteId', isOneLine: true, cell: (rma) => rma.siteId || '–' },
    { field: 'requestedOn', cell: (rma) => date(rma.requestedOn) },
    { field: 'shipBy', isNamed: true, cell: (rma) => date(rma.shipBy) },
    flaggedDate('shippedOn', 'late', 'red', (flags) => flags.isLateShipment),
    { field: 'returnBy', isNamed: true, cell: (rma) => date(rma.returnBy) },
    flaggedDate('returnedOn', 'unreturned', 'orange', (flags) => flags.isUnreturned),
  ];
  return (
    <RecordSection
      kind="rma"
      rows={view.rmas}
      columns={columns}
      testId="rma-list"
      user={user}
      labelsKey="service.rma"
      minWidth={900}
      rowAttributes={(rma) => ({ 'data-serial': rma.serial })}
      names={(rma) => ({ what: rma.serial })}
      form={(rma, onClose) => <RmaForm view={view} rma={rma} user={user} onClose={onClose} />}
    />
  );
}
