/**
 * The report's first page as the customer will read it (shared/reports/first-page.ts), in the report's
 * language: the same model the workbook's first sheet is laid out from, only drawn here.
 */
import { Group, Image, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { FirstPage, FirstPageLine } from '../../shared/reports/first-page';
import { formatters } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n';

/** The status's colour: written out in full as the page prints it, never cut to a badge. */
const TONE_COLORS: Record<FirstPageLine['tone'], string> = {
  calm: 'green.8',
  watch: 'yellow.9',
  action: 'orange.8',
};

/** The page's head: the partner's logo and name above the customer and month. */
export function FirstPageHeader({
  page,
}: {
  page: Pick<FirstPage, 'brand' | 'kicker' | 'title' | 'context' | 'warnings'>;
}) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={2}>
        <Title order={3} size="h3" c={page.brand.color}>
          {page.title}
        </Title>
        <Text size="sm">{page.kicker}</Text>
        {page.context.map((line) => (
          <Text size="xs" c="dimmed" key={line}>
            {line}
          </Text>
        ))}
        {page.warnings.map((line) => (
          <Text size="xs" c="orange.8" key={line}>
            {line}
          </Text>
        ))}
      </Stack>
      {page.brand.logo ? (
        <Image
          src={page.brand.logo}
          h={48}
          w="auto"
          maw={200}
          fit="contain"
          alt={page.brand.name}
        />
      ) : null}
    </Group>
  );
}

function Lines({ page, language }: { page: FirstPage; language: Language }) {
  const format = formatters(language);
  const number = (value: number | null) => (value === null ? '' : format.number(value));
  const c = page.columns;
  return (
    <Table withTableBorder fz="xs" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{c.category}</Table.Th>
          <Table.Th ta="right">{c.count}</Table.Th>
          <Table.Th ta="right">{c.ordered}</Table.Th>
          <Table.Th ta="right">{c.baseline}</Table.Th>
          <Table.Th>{c.status}</Table.Th>
          <Table.Th>{c.meaning}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {page.lines.map((line) => (
          <Table.Tr key={line.category}>
            <Table.Td>{line.category}</Table.Td>
            <Table.Td ta="right">{number(line.count)}</Table.Td>
            <Table.Td ta="right">{number(line.ordered)}</Table.Td>
            <Table.Td ta="right">
              {line.baseline === null ? '' : format.decimal(line.baseline)}
            </Table.Td>
            <Table.Td>
              <Text size="xs" fw={600} c={TONE_COLORS[line.tone]}>
                {line.status}
              </Text>
            </Table.Td>
            <Table.Td>{line.meaning}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Section({ heading, lines }: { heading: string; lines: string[] }) {
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {heading}
      </Text>
      {lines.map((line, i) => (
        <Text size="xs" key={i}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** The whole first page, as a sheet of paper on the screen. */
export function FirstPagePreview({
  page,
  language,
  label,
}: {
  page: FirstPage;
  language: Language;
  label: string;
}) {
  return (
    <Paper
      withBorder
      shadow="xs"
      p="md"
      component="figure"
      m={0}
      aria-label={label}
      data-testid="first-page"
    >
      <Stack gap="sm">
        <FirstPageHeader page={page} />
        <Text fw={600} size="sm">
          {page.devicesHeading}
        </Text>
        <Lines page={page} language={language} />
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {page.serviceHeading}
          </Text>
          {page.service.map((fact) => (
            <Group gap="xs" key={fact.label} wrap="nowrap" align="flex-start">
              <Text size="xs" w={180} c="dimmed">
                {fact.label}
              </Text>
              <Text size="xs">{fact.value}</Text>
            </Group>
          ))}
        </Stack>
        {page.note.length > 0 ? <Section heading={page.noteHeading} lines={page.note} /> : null}
        <Section heading={page.nextHeading} lines={page.next} />
      </Stack>
    </Paper>
  );
}
