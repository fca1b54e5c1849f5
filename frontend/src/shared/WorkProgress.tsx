import { Progress, Stack, Text } from '@mantine/core';

interface WorkProgressProps {
  done: number;
  /** 0 or null while unknown: the bar is then full, striped and moving. */
  total: number | null;
  /** Accessible name of the bar, e.g. "Help center: 3 of 10 documents synced". */
  label: string;
  /** The line under the bar, e.g. "3/10 documents". */
  caption: string;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}

/** Progress of background work: a bar with its caption. */
export function WorkProgress({ done, total, label, caption, size = 'sm' }: WorkProgressProps) {
  const known = total !== null && total > 0;
  return (
    <Stack gap={2} miw={120}>
      <Progress.Root size={size}>
        <Progress.Section
          value={known ? Math.min(100, (done / total) * 100) : 100}
          striped
          animated={!known}
          aria-label={label}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {caption}
      </Text>
    </Stack>
  );
}
