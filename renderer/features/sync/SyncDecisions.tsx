/** The edits the team book did not take as they were: theirs and yours, who and when; one click decides. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { segmentsOf } from '../../../shared/sync/paths';
import { useFormat } from '../../components/format';
import type { SyncDecision } from '../../db/sync-rows';
import { teamSync, useTeamSync } from '../../db/team-sync';

const shown = (value: unknown): string =>
  value === null || value === undefined || value === ''
    ? '–'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value).slice(0, 80);

const FORM_WORDS = ['contract.fields', 'service.fields', 'customerForm'];

/**
 * A path (shared/sync/paths) in the words its form uses: the field, the line's name (a category in
 * its name) and the line's field, as "Categories › Video › Unit price (annual)".
 */
function useFieldLabel() {
  const { t, i18n } = useTranslation();
  const word = (field: string) => {
    // A sum in minor units is labelled as the form labels its amount.
    for (const name of [field, field.replace(/Minor$/, '')])
      for (const prefix of FORM_WORDS)
        if (i18n.exists(`${prefix}.${name}`)) return t(`${prefix}.${name}`);
    return field;
  };
  return (path: string) => {
    const [field = path, line, sub] = segmentsOf(path);
    const lineWord =
      line === undefined
        ? []
        : [i18n.exists(`categories.${line}`) ? t(`categories.${line}`) : line];
    return [word(field), ...lineWord, ...(sub === undefined ? [] : [word(sub)])].join(' › ');
  };
}

function Decision({ decision }: { decision: SyncDecision }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const format = useFormat();
  const when = (at: string) => (at ? format.dateTime(at) : '–');
  return (
    <Paper withBorder p="sm" data-testid="sync-decision" data-record={decision.recordId}>
      <Text fw={600} size="sm">
        {t(`teamSync.entities.${decision.entity}`)} {decision.label}
      </Text>
      {decision.kind === 'refused' ? (
        <Text size="sm">{t('teamSync.decisions.refused', { reason: decision.reason ?? '' })}</Text>
      ) : (
        decision.conflicts.map((c) => (
          <Text size="sm" key={c.field}>
            {c.field === '(deleted)'
              ? t('teamSync.decisions.deleted', { by: c.by, at: when(c.at) })
              : c.field === '(changed)'
                ? t('teamSync.decisions.changed', { by: c.by, at: when(c.at) })
                : t('teamSync.decisions.field', {
                    field: fieldLabel(c.field),
                    theirs: shown(c.theirs),
                    yours: shown(c.yours),
                    by: c.by,
                    at: when(c.at),
                  })}
          </Text>
        ))
      )}
      <Group mt="xs" gap="xs">
        {decision.kind === 'conflict' ? (
          <Button size="xs" onClick={() => void teamSync.decide(decision, 'mine')}>
            {t('teamSync.decisions.useMine')}
          </Button>
        ) : null}
        <Button
          size="xs"
          variant="default"
          onClick={() => void teamSync.decide(decision, 'theirs')}
        >
          {t(
            decision.kind === 'conflict'
              ? 'teamSync.decisions.keepTheirs'
              : 'teamSync.decisions.discard',
          )}
        </Button>
      </Group>
    </Paper>
  );
}

export function SyncDecisions() {
  const { t } = useTranslation();
  const { decisions } = useTeamSync();
  return (
    <Stack gap="xs" data-testid="sync-decisions" id="sync-decisions">
      <Title order={3} size="h5">
        {t('teamSync.decisions.title')}
      </Title>
      {decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teamSync.decisions.none')}
        </Text>
      ) : (
        decisions.map((d) => <Decision key={d.id ?? `${d.entity}-${d.recordId}`} decision={d} />)
      )}
    </Stack>
  );
}
