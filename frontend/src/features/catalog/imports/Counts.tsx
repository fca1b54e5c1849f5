import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatNumber } from '../../../shared/format';

export interface Count {
  label: string;
  value: number;
  color?: string;
}

/** Big numbers with their labels, e.g. an import's summary; a list, so screen readers announce how many. */
export function Counts({ label, counts }: { label: string; counts: Count[] }) {
  return (
    <SimpleGrid role="list" aria-label={label} cols={{ base: 2, sm: counts.length }} spacing="sm">
      {counts.map((count) => (
        <Paper key={count.label} role="listitem" withBorder p="sm">
          <Text size="sm" c="dimmed">
            {count.label}
          </Text>
          <Text fz={28} fw={600} c={count.value > 0 ? count.color : undefined}>
            {formatNumber(count.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
