/** A customer's alerts as short coloured badges, in the user's language. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { alertDate, type Alert } from '../../shared/reports/alerts';
import { useFormat } from './format';

const COLORS: Record<Alert['kind'], string> = {
  trueUp: 'red',
  approaching: 'yellow',
  adjustmentSoon: 'grape',
  renewalSoon: 'blue',
  renewal: 'cyan',
  rmaWarning: 'orange',
  unknownModels: 'pink',
  staleInventory: 'gray',
  hoursOverspent: 'orange',
  rmaOverdue: 'red',
};

export function useAlertText(): (alert: Alert) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (alert) => {
    switch (alert.kind) {
      case 'trueUp': {
        const key =
          alert.action === 'due'
            ? alert.isOverdue
              ? 'alerts.trueUpOverdue'
              : 'alerts.trueUpDue'
            : alert.state === 'ordered'
              ? 'alerts.trueUpOrdered'
              : 'alerts.trueUpQuoted';
        return t(key, {
          category: t(`classes.${alert.category}`),
          amount: alert.amount ? format.money(alert.amount) : '',
        });
      }
      case 'approaching':
        return t('alerts.approaching', { category: t(`classes.${alert.category}`) });
      case 'adjustmentSoon':
        return t(
          alert.isNow
            ? alert.projected.minor > 0
              ? 'notices.adjustmentNow'
              : 'notices.adjustmentNowNothing'
            : alert.projected.minor > 0
              ? 'alerts.adjustmentSoon'
              : 'alerts.adjustmentSoonNothing',
          {
            month: format.month(alert.month),
            amount: format.money(alert.projected),
          },
        );
      case 'renewalSoon':
      case 'renewal':
        return t(`alerts.${alert.kind}`, { date: format.date(alert.date), days: alert.days });
      case 'rmaWarning':
        return t('alerts.rmaWarning', { used: alert.used, allowed: alert.allowed });
      case 'unknownModels':
        return t('alerts.unknownModels', {
          devices: format.number(alert.devices),
          count: alert.models,
        });
      case 'staleInventory':
        return alert.days === null
          ? t('alerts.noInventory')
          : t('alerts.staleInventory', { days: alert.days });
      case 'rmaOverdue':
        return t('alerts.rmaOverdue', { late: alert.late, unreturned: alert.unreturned });
      case 'hoursOverspent':
        return t('alerts.hoursOverspent', { hours: format.number(alert.overageMinutes / 60, 1) });
    }
  };
}

export function AlertBadges({
  alerts,
  isCompact = false,
  onUnknownModels,
}: {
  alerts: readonly Alert[];
  isCompact?: boolean;
  /** Given: the unknown-models chip is a button that opens classification. */
  onUnknownModels?: () => void;
}) {
  const { t } = useTranslation();
  const text = useAlertText();
  if (alerts.length === 0)
    return isCompact ? null : (
      <Text c="dimmed" size="sm">
        {t('alerts.none')}
      </Text>
    );
  return (
    <Group gap={4}>
      {alerts.map((alert, i) => (
        <Badge
          key={i}
          color={COLORS[alert.kind]}
          variant="dot"
          tt="none"
          size={isCompact ? 'sm' : 'md'}
          data-alert={alert.kind}
          data-date={alertDate(alert) ?? undefined}
          radius="sm"
          styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' } }}
          {...(alert.kind === 'unknownModels' && onUnknownModels
            ? {
                component: 'button',
                type: 'button',
                onClick: onUnknownModels,
                style: { cursor: 'pointer' },
                title: t('imports.classifyHint'),
              }
            : {})}
        >
          {text(alert)}
        </Badge>
      ))}
    </Group>
  );
}
