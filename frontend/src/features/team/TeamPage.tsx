import { Button, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { canManage } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { InvitationsTable } from './InvitationsTable';
import { InviteModal } from './InviteModal';
import { MembersTable } from './MembersTable';

export function TeamPage() {
  const { t } = useTranslation('team');
  const { role } = useSession();
  const manage = canManage(role);
  const [inviteOpened, invite] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={manage ? t('descriptionManage') : t('descriptionView')}
        action={manage && <Button onClick={invite.open}>{t('invite')}</Button>}
      />
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={3}>{t('members')}</Title>
          <MembersTable />
        </Stack>
        {manage && (
          <Stack gap="sm">
            <Title order={3}>{t('invitations')}</Title>
            <InvitationsTable />
          </Stack>
        )}
      </Stack>
      {manage && <InviteModal opened={inviteOpened} onClose={invite.close} />}
    </>
  );
}
