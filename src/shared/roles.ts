import { ROLES, type Role } from './permissions';

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}
