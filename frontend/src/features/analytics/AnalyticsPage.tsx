import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { formatPercent, formatShortDate } from '../../shared/format';
import { RelativeTime } from '../../shared/RelativeTime';
import {
  useAnalytics,
  useAnalyticsPeriod,
  ANALYTICS_PERIODS,
  type Analytics,
  type AnalyticsPeriod,
  type QuestionGroup,
} from './hooks';

function formatShare(share: number | null): string {
  return share === null ? '—' : formatPercent(share);
}

function Stat({ label, value, hint }: { label: string; value: ReactNode; hint: string }) {
  return (
    <Card withBorder padding="md" component="li" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}

function ChartCard({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="md">
        {title}
      </Title>
      {/* The chart is a picture; the summary says the same in words for screen readers. */}
      <div role="img" aria-label={summary}>
        {children}
      </div>
    </Card>
  );
}

interface QuestionTableProps {
  title: string;
  description: string;
  empty: string;
  rows: (QuestionGroup & { best_similarity?: number | null })[];
  showSimilarity?: boolean;
}

function QuestionTable({ title, description, empty, rows, showSimilarity = false }: QuestionTableProps) {
  const { t } = useTranslation('analytics');
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table aria-label={title} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('column.question')}</Table.Th>
                <Table.Th>{t('column.asked')}</Table.Th>
                {showSimilarity && <Table.Th>{t('column.closestSource')}</Table.Th>}
                <Table.Th>{t('column.lastAsked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.text}>
                  <Table.Td>{row.text}</Table.Td>
                  <Table.Td>{row.count}</Table.Td>
                  {showSimilarity && (
                    <Table.Td>{row.best_similarity == null ? t('noneFound') : formatPercent(row.best_similarity)}</Table.Td>
                  )}
                  <Table.Td>
                    <RelativeTime iso={row.last_asked_at} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Report({ report }: { report: Analytics }) {
  const { t } = useTranslation('analytics');
  const { totals } = report;
  const daily = report.daily.map((day) => ({ ...day, label: formatShortDate(day.date) }));
  return (
    <Stack gap="lg">
      <SimpleGrid component="ul" cols={{ base: 1, xs: 2, md: 4 }} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('totals')}>
        <Stat label={t('conversations')} value={totals.conversations} hint={t('questions', { count: totals.questions })} />
        <Stat label={t('messages')} value={totals.messages} hint={t('messagesHint')} />
        <Stat
          label={t('answeredWithoutHandoff')}
          value={formatShare(totals.answered_without_handoff_share)}
          hint={t('handedOff', { count: totals.handed_off })}
        />
        <Stat
          label={t('helpfulAnswers')}
          value={formatShare(totals.feedback_positive_share)}
          hint={t('feedbackHint', { up: totals.feedback_up, down: totals.feedback_down })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard
          title={t('activityChart.title')}
          summary={t('activityChart.summary', {
            conversations: totals.conversations,
            messages: totals.messages,
            since: report.since,
            until: report.until,
          })}
        >
          <AreaChart
            h={240}
            data={daily}
            dataKey="label"
            series={[
              { name: 'messages', label: t('messages'), color: 'indigo.4' },
              { name: 'conversations', label: t('conversations'), color: 'teal.6' },
            ]}
            curveType="monotone"
            withLegend
            withDots={false}
          />
        </ChartCard>
        <ChartCard
          title={t('feedbackChart.title')}
          summary={t('feedbackChart.summary', { up: totals.feedback_up, down: totals.feedback_down })}
        >
          <BarChart
            h={240}
            data={daily}
            dataKey="label"
            type="stacked"
            series={[
              { name: 'feedback_up', label: t('feedbackChart.helpful'), color: 'green.6' },
              { name: 'feedback_down', label: t('feedbackChart.notHelpful'), color: 'red.6' },
            ]}
            withLegend
          />
        </ChartCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <QuestionTable
          title={t('topQuestions.title')}
          description={t('topQuestions.description')}
          empty={t('topQuestions.empty')}
          rows={report.top_questions}
        />
        <QuestionTable
          title={t('gaps.title')}
          description={t('gaps.description')}
          empty={t('gaps.empty')}
          rows={report.knowledge_gaps}
          showSimilarity
        />
      </SimpleGrid>
    </Stack>
  );
}

export function AnalyticsPage() {
  const { t } = useTranslation('analytics');
  const [days, setDays] = useAnalyticsPeriod();
  const analytics = useAnalytics(days);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        action={
          <Group>
            <SegmentedControl
              aria-label={t('period')}
              data={ANALYTICS_PERIODS.map((count) => ({ value: String(count), label: t('days', { count }) }))}
              value={String(days)}
              onChange={(value) => setDays(Number(value) as AnalyticsPeriod)}
            />
          </Group>
        }
      />
      <QueryState query={analytics}>{(report) => <Report report={report} />}</QueryState>
    </>
  );
}
