import { createContext, useContext } from 'react';
import { can, type Permission } from '../../shared/permissions';
import type { Me } from './session';

export const SessionContext = createContext<Me | null>(null);

/** The signed-in account; only used below the session gate, where it is always present. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe() outside the session gate');
  return me;
}

/** `can(role, permission)` for the signed-in account. */
export function useCan(): (permission: Permission | null) => boolean {
  const me = useMe();
  return (permission) => permission === null || can(me.role, permission);
}
