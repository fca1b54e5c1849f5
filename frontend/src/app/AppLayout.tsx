import { AppShell, Burger, Center, Group, Loader, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { SessionProvider } from '../features/session/SessionContext';
import { useMeQuery } from '../features/session/useMeQuery';
import { ErrorState } from '../shared/QueryState';
import { ShellNavLink, type NavItem } from './ShellNavLink';
import { StoreSwitcher } from './StoreSwitcher';
import { UserMenu } from './UserMenu';

const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Overview' },
  { to: '/inbox', label: 'Inbox' },
  { to: '/analytics', label: 'Analytics' },
  {
    to: '/catalog',
    label: 'Catalog',
    children: [
      { to: '/catalog/products', label: 'Products' },
      { to: '/catalog/imports', label: 'Imports' },
    ],
  },
  { to: '/knowledge', label: 'Knowledge' },
  { to: '/assistant', label: 'Assistant' },
  { to: '/widget', label: 'Widget' },
  { to: '/team', label: 'Team' },
  { to: '/settings', label: 'Settings' },
  { to: '/api-keys', label: 'API keys' },
  { to: '/audit', label: 'Audit log' },
];

export function AppLayout() {
  const me = useMeQuery();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading your store" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <ErrorState error={me.error} />
      </Center>
    );
  }

  return (
    <SessionProvider me={me.data}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md">
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={3}>Aisle</Title>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label="Main navigation">
          <AppShell.Section>
            <StoreSwitcher />
          </AppShell.Section>
          <AppShell.Section grow mt="md">
            {NAV_ITEMS.map((item) => (
              <ShellNavLink key={item.to} {...item} onNavigate={closeNav} />
            ))}
          </AppShell.Section>
          <AppShell.Section>
            <UserMenu />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SessionProvider>
  );
}
