import { Button, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { canManage } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { InvitationsTable } from './InvitationsTable';
import { InviteModal } from './InviteModal';
import { MembersTable } from './MembersTable';

export function TeamPage() {
  const { role } = useSession();
  const manage = canManage(role);
  const [inviteOpened, invite] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title="Team"
        description={manage ? 'Manage who can access this store.' : 'People who can access this store.'}
        action={manage && <Button onClick={invite.open}>Invite</Button>}
      />
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={3}>Members</Title>
          <MembersTable />
        </Stack>
        {manage && (
          <Stack gap="sm">
            <Title order={3}>Invitations</Title>
            <InvitationsTable />
          </Stack>
        )}
      </Stack>
      {manage && <InviteModal opened={inviteOpened} onClose={invite.close} />}
    </>
  );
}
