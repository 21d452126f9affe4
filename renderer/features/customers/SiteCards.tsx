/** Per site: the site ID to quote to Poly support (never serial numbers), its devices by category, its open cases. */
import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InventorySummary } from '../../../shared/inventory';
import { CATEGORIES } from '../../../shared/model/category';
import type { Site, SupportCase } from '../../../shared/model/entities';
import { useFormat } from '../../components/format';

export function SiteCards({
  sites,
  summary,
  cases,
}: {
  sites: Site[];
  summary: InventorySummary | undefined;
  cases: SupportCase[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('dashboard.quoteSiteId')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {sites.map((site) => {
          const figures = summary?.sites.find((s) => s.site === site.name);
          const open = cases.filter((c) => c.siteId === site.siteId && c.status !== 'resolved');
          return (
            <Card key={site.id} withBorder data-site={site.name}>
              <Text fw={700}>{site.name}</Text>
              <Group gap={6} mb="sm">
                <Text size="sm" c="dimmed">
                  {t('dashboard.siteId')}:
                </Text>
                <Text size="sm" ff="monospace" fw={600}>
                  {site.siteId}
                </Text>
              </Group>
              <Group gap={6}>
                {CATEGORIES.map((c) => (
                  <Badge key={c} variant="default" tt="none">
                    {t(`classes.${c}`)}: {format.number(figures?.counts[c] ?? 0)}
                  </Badge>
                ))}
              </Group>
              <Text size="sm" fw={600} mt="sm">
                {t('dashboard.openCases')}
              </Text>
              {open.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('dashboard.noOpenCases')}
                </Text>
              ) : (
                open.map((c) => (
                  <Text key={c.id} size="sm">
                    {c.priority} · {c.title} · {c.polyCaseNumber}
                  </Text>
                ))
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
