// The route table as features read it (the home page's shortcuts, the setup checklist's links). The table itself
// (routes.tsx) imports every feature's page, so a feature importing it would close a cycle: the layout hands it down.
import { createContext, type ReactNode, useContext } from 'react';
import type { Permission, Role } from '../../shared/permissions';

/** A page of the route table without its component. */
export interface NavRoute {
  path: string;
  /** 菜单名 — also the page's heading */
  label: string;
  icon?: ReactNode;
  /** null: any signed-in account */
  permission: Permission | null;
  /** shown in the side menu */
  menu: boolean;
}

export interface Nav {
  routes: readonly NavRoute[];
  /** the side-menu entries of a role, in table order */
  menuFor: (role: Role) => NavRoute[];
}

export const NavContext = createContext<Nav | null>(null);

/** The route table; only used below the layout, which provides it. */
export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav() outside the layout');
  return nav;
}
