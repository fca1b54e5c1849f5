import { Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { logout } from '../features/session/logout';
import { useSession } from '../features/session/SessionContext';

export function UserMenu() {
  const { user } = useSession();

  const handleLogout = () => {
    logout().catch(() => {
      notifications.show({ color: 'red', title: 'Could not log out', message: 'Please try again.' });
    });
  };

  return (
    <Menu position="top-start" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.email}`} w="100%" p="xs">
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
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
