import type { Role } from '../shared/permissions';
import type { BlobStorage } from './blobs/storage';
import type { Database, Engine } from './db/database';
import type { Env } from './env';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  districtCode: string | null;
  sessionId: string;
  mustChangePassword: boolean;
}

export interface AppDeps {
  db: Database;
  engine: Engine;
  clock: Clock;
  env: Env;
  /** evidence files and report sources, content-addressed */
  blobs: BlobStorage;
}

/** What a service receives: the dependencies, who is acting, and from where. */
export interface Ctx extends AppDeps {
  actor: Actor | null;
  ip: string | null;
}

export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}
