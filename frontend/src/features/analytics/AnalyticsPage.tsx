import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { RelativeTime } from '../../shared/RelativeTime';
import {
  useAnalytics,
  useAnalyticsPeriod,
  ANALYTICS_PERIODS,
  type Analytics,
  type AnalyticsPeriod,
  type QuestionGroup,
} from './hooks';

const PERIOD_OPTIONS = ANALYTICS_PERIODS.map((days) => ({ value: String(days), label: `${days} days` }));
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

function formatShare(share: number | null): string {
  return share === null ? '—' : percent.format(share);
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
                <Table.Th>Question</Table.Th>
                <Table.Th>Asked</Table.Th>
                {showSimilarity && <Table.Th>Closest source</Table.Th>}
                <Table.Th>Last asked</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.text}>
                  <Table.Td>{row.text}</Table.Td>
                  <Table.Td>{row.count}</Table.Td>
                  {showSimilarity && (
                    <Table.Td>{row.best_similarity == null ? 'none found' : percent.format(row.best_similarity)}</Table.Td>
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
  const { totals } = report;
  const daily = report.daily.map((day) => ({ ...day, label: shortDate.format(new Date(day.date)) }));
  return (
    <Stack gap="lg">
      <SimpleGrid component="ul" cols={{ base: 1, xs: 2, md: 4 }} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Totals">
        <Stat label="Conversations" value={totals.conversations} hint={`${totals.questions} shopper questions`} />
        <Stat label="Messages" value={totals.messages} hint="from shoppers, the assistant and your team" />
        <Stat
          label="Answered without handoff"
          value={formatShare(totals.answered_without_handoff_share)}
          hint={`${totals.handed_off} handed to your team`}
        />
        <Stat
          label="Helpful answers"
          value={formatShare(totals.feedback_positive_share)}
          hint={`${totals.feedback_up} helpful, ${totals.feedback_down} not helpful`}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard
          title="Conversations and messages per day"
          summary={`${totals.conversations} conversations and ${totals.messages} messages from ${report.since} to ${report.until}.`}
        >
          <AreaChart
            h={240}
            data={daily}
            dataKey="label"
            series={[
              { name: 'messages', label: 'Messages', color: 'indigo.4' },
              { name: 'conversations', label: 'Conversations', color: 'teal.6' },
            ]}
            curveType="monotone"
            withLegend
            withDots={false}
          />
        </ChartCard>
        <ChartCard
          title="Feedback per day"
          summary={`${totals.feedback_up} answers rated helpful and ${totals.feedback_down} not helpful.`}
        >
          <BarChart
            h={240}
            data={daily}
            dataKey="label"
            type="stacked"
            series={[
              { name: 'feedback_up', label: 'Helpful', color: 'green.6' },
              { name: 'feedback_down', label: 'Not helpful', color: 'red.6' },
            ]}
            withLegend
          />
        </ChartCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <QuestionTable
          title="Top questions"
          description="What shoppers ask most, grouped ignoring case and punctuation."
          empty="No questions in this period."
          rows={report.top_questions}
        />
        <QuestionTable
          title="Knowledge gaps"
          description="Questions the assistant could not answer from your knowledge or catalog: add a source or FAQ that answers them."
          empty="No gaps in this period: every question found a good source."
          rows={report.knowledge_gaps}
          showSimilarity
        />
      </SimpleGrid>
    </Stack>
  );
}

export function AnalyticsPage() {
  const [days, setDays] = useAnalyticsPeriod();
  const analytics = useAnalytics(days);
  return (
    <>
      <PageHeader
        title="Analytics"
        description="How shoppers use the assistant, and where it needs more knowledge."
        action={
          <Group>
            <SegmentedControl
              aria-label="Period"
              data={PERIOD_OPTIONS}
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
