/**
 * Help (F1, the header's Help button, Help → CSM Workstation help): what each screen is for and the
 * Poly+ terms the figures follow, in the user's language, opened at the screen the user is on.
 */
import { Accordion, Drawer, Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from '../components/route';
import { SCREEN_TABLE } from './screens';

let isOpen = false;
const listeners = new Set<() => void>();

export function setHelpOpen(next: boolean): void {
  isOpen = next;
  for (const listener of listeners) listener();
}

function useHelpOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => isOpen,
  );
}

const TERMS = ['baseline', 'trueUp', 'states', 'rma', 'csm', 'month'] as const;
const KEYS: [string, string][] = [
  ['F1', 'help.keys.help'],
  ['Ctrl K', 'help.keys.palette'],
  ['Alt 1 … 7', 'help.keys.screens'],
  ['Ctrl I', 'help.keys.import'],
  ['Enter', 'help.keys.submit'],
  ['Esc', 'help.keys.close'],
];

export function HelpPanel() {
  const { t } = useTranslation();
  const opened = useHelpOpen();
  const route = useRoute();
  return (
    <Drawer
      opened={opened}
      onClose={() => setHelpOpen(false)}
      position="right"
      size="lg"
      title={
        <Title order={2} size="h3">
          {t('help.title')}
        </Title>
      }
      data-testid="help-panel"
    >
      <Stack>
        <Text size="sm">{t('help.intro')}</Text>
        <Title order={3} size="h4">
          {t('help.screens')}
        </Title>
        <Accordion defaultValue={route.screen} variant="separated">
          {SCREEN_TABLE.map(({ screen, label, help }) => (
            <Accordion.Item key={screen} value={screen}>
              <Accordion.Control>{t(label)}</Accordion.Control>
              <Accordion.Panel>
                <Text size="sm">{t(help)}</Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Title order={3} size="h4">
          {t('help.terms')}
        </Title>
        <Accordion variant="separated" multiple>
          {TERMS.map((term) => (
            <Accordion.Item key={term} value={term}>
              <Accordion.Control>{t(`help.term.${term}.title`)}</Accordion.Control>
              <Accordion.Panel>
                <Text size="sm">{t(`help.term.${term}.body`)}</Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Title order={3} size="h4">
          {t('help.keyboard')}
        </Title>
        <Table>
          <Table.Tbody>
            {KEYS.map(([key, label]) => (
              <Table.Tr key={key}>
                <Table.Td w={120}>
                  <Kbd>{key}</Kbd>
                </Table.Td>
                <Table.Td>{t(label)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {t('help.print')}
        </Text>
      </Stack>
    </Drawer>
  );
}
