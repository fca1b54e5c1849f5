import { Button, Center } from '@mantine/core';
import { StatusMessage } from '../shared/StatusMessage';

/** Shown if rendering a route throws: a bug, not an API error (those are handled per screen). */
export function RouteError() {
  return (
    <Center mih="100vh" p="md">
      <StatusMessage
        title="Something went wrong"
        description="An unexpected error occurred while showing this page."
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      />
    </Center>
  );
}
