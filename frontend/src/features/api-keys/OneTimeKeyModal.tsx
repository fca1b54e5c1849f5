import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { CreatedApiKey } from './hooks';

/** Shows a newly created key's secret: the only time it is ever available. */
export function OneTimeKeyModal({ apiKey, onClose }: { apiKey: CreatedApiKey | null; onClose: () => void }) {
  return (
    <Modal
      opened={apiKey !== null}
      onClose={onClose}
      title="Your new API key"
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="lg"
    >
      {apiKey && (
        <Stack>
          <Alert color="yellow" title="Copy this key now">
            You won’t see it again. If you lose it, revoke it and create a new one.
          </Alert>
          <Text size="sm">
            Key “{apiKey.name}” ({apiKey.role}):
          </Text>
          <Code block aria-label="New API key">
            {apiKey.key}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={apiKey.key}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>I’ve copied it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
