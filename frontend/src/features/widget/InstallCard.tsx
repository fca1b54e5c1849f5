import { Button, Card, Code, CopyButton, Group, Text, Title } from '@mantine/core';

/** The one tag a merchant pastes into the storefront. */
export function InstallCard({ snippet }: { snippet: string | null }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="widget-install-title">
      <Title id="widget-install-title" order={3} size="h4" mb="sm">
        Install
      </Title>
      {snippet ? (
        <>
          <Text size="sm" mb="xs">
            Paste this tag into your storefront’s HTML, before <Code>{'</body>'}</Code>:
          </Text>
          <Code block aria-label="Install snippet" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {snippet}
          </Code>
          <Group justify="flex-end" mt="xs">
            <CopyButton value={snippet}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? 'Copied' : 'Copy snippet'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Create a widget key to get your install snippet.
        </Text>
      )}
    </Card>
  );
}
