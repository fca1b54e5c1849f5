import { Paper, SimpleGrid, Text } from '@mantine/core';

export interface Count {
  label: string;
  value: number;
  color?: string;
}

/** Big numbers with their labels (a description list), e.g. an import's summary. */
export function Counts({ label, counts }: { label: string; counts: Count[] }) {
  return (
    <SimpleGrid component="dl" aria-label={label} cols={{ base: 2, sm: counts.length }} spacing="sm" m={0}>
      {counts.map((count) => (
        <Paper key={count.label} withBorder p="sm">
          <Text component="dt" size="sm" c="dimmed">
            {count.label}
          </Text>
          <Text component="dd" m={0} fz={28} fw={600} c={count.value > 0 ? count.color : undefined}>
            {count.value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
