/** The edits the team book did not take as they were: theirs and yours, who and when; one click decides. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CurrencyCode } from '../../../shared/terms/money';
import { useFormat } from '../../components/format';
import { db } from '../../db/instance';
import { decisionSubject } from '../../db/sync-subjects';
import { useDecisionWords } from './decision-words';
import type { SyncDecision } from '../../db/sync-rows';
import { teamSync, useTeamSync } from '../../db/team-sync';

/** One decision: what it is about, theirs and yours per field, who and when, and the choice. */
export function DecisionCard({ decision }: { decision: SyncDecision }) {
  const { t } = useTranslation();
  const words = useDecisionWords();
  const format = useFormat();
  const about = useLiveQuery(() => decisionSubject(db, decision), [decision]);
  const currency = about?.contract?.currency as CurrencyCode | undefined;
  const when = (at: string) => (at ? format.dateTime(at) : '–');
  const subject = words.subject(decision, about);
  return (
    <Paper withBorder p="sm" data-testid="sync-decision" data-record={decision.recordId}>
      <Text fw={600} size="sm">
        {t(`teamSync.entities.${decision.entity}`)}
        {subject ? ` ${subject}` : ''}
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
                    field: words.field(c.field),
                    theirs: words.value(c.field, c.theirs, currency),
                    yours: words.value(c.field, c.yours, currency),
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
        decisions.map((d) => (
          <DecisionCard key={d.id ?? `${d.entity}-${d.recordId}`} decision={d} />
        ))
      )}
    </Stack>
  );
}
