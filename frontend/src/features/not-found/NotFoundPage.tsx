import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { StatusMessage } from '../../shared/StatusMessage';

export function NotFoundPage() {
  return (
    <StatusMessage
      title="Page not found"
      description="There is nothing at this address."
      action={
        <Button component={Link} to="/">
          Back to overview
        </Button>
      }
    />
  );
}
