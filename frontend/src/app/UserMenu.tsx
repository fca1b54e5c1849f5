import { Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { logout } from '../features/session/logout';
import { useSession } from '../features/session/SessionContext';

export function UserMenu() {
  const { t } = useTranslation('nav');
  const { user } = useSession();

  const handleLogout = () => {
    logout().catch(() => {
      notifications.show({ color: 'red', title: t('logoutFailed.title'), message: t('logoutFailed.message') });
    });
  };

  return (
    <Menu position="top-start" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={t('accountMenu', { email: user.email })} w="100%" p="xs">
          <Text size="sm" fw={500} truncate>
            {user.name || user.email}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item color="red" onClick={handleLogout}>
          {t('logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
