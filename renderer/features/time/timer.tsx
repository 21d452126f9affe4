/** The running CSM-time timer in the header, on every screen. */
import { Badge, Button, Group } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hoursText } from '../../../shared/service/time';
import { useTimer } from '../../components/time-entry/timer';

/** Minutes since the timer started, refreshed every 15 seconds. */
function useElapsed(startedAt: number): number {
  const [now, setNow] = useState(Date.now);
  useInterval(() => setNow(Date.now()), 15_000, { autoInvoke: true });
  return Math.max(0, Math.floor((now - startedAt) / 60_000));
}

function Elapsed({ startedAt }: { startedAt: number }) {
  return <>{hoursText(useElapsed(startedAt))}</>;
}

/** The running timer in the header: whose time, how long, and Stop (which adds the entry). */
export function TimerBadge({ user }: { user: string }) {
  const { t } = useTranslation();
  const { timer, stop } = useTimer();
  if (!timer) return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="header-timer">
      <Badge color="red" variant="light" size="lg" style={{ textTransform: 'none' }}>
        {timer.customerName} · <Elapsed startedAt={timer.startedAt} />
      </Badge>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        leftSection={<IconPlayerStop size={14} />}
        onClick={() => void stop(user)}
      >
        {t('service.time.stopTimer')}
      </Button>
    </Group>
  );
}
