import { NavLink } from '@mantine/core';
import { Link, useMatch } from 'react-router';

interface ShellNavLinkProps {
  to: string;
  label: string;
  onNavigate: () => void;
}

export function ShellNavLink({ to, label, onNavigate }: ShellNavLinkProps) {
  const active = useMatch({ path: to, end: to === '/' }) !== null;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}
