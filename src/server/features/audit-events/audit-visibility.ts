import { ROLE_SCOPE, type Role } from '../../../shared/permissions';

// What the audit administrator reads of a change (三员分立, decision 018): who did what, when, to which record and which
// fields — not the business values themselves (scores, comments, amounts, payees, people's names and numbers), which
// belong to those who hold the data. The rule is an allow-list, so a field added later is hidden until someone
// decides it may be shown; a deny-list would show every new field by default.

/**
 * Security events: accounts, roles, sessions, settings, refusals, the system and the log itself. These are the audit
 * administrator's own subject; their values are shown (secrets and telephone numbers stay masked, audit.ts).
 */
export const SECURITY_ENTITIES: ReadonlySet<string> = new Set([
  'user',
  'session',
  'setting',
  'access',
  'system',
  'audit_event',
  'password_reset',
]);

/**
 * Fields of a business record whose values are shown: what identifies the record and its place in its life, never
 * what it says. References to other records (`…_id`) are opaque ids and shown too.
 */
export const VISIBLE_BUSINESS_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'ref',
  'status',
  'version',
  'program_year',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'decided_at',
  'decided_by',
]);

const isReference = (field: string) => field.endsWith('_id');

export const HIDDEN = '***';

type Diff = Record<string, { before?: unknown; after?: unknown }>;

/** The diff as a reader without business data sees it: every field named, business values replaced. */
export function withoutBusinessValues(entity: string, diff: Diff): Diff {
  if (SECURITY_ENTITIES.has(entity)) return diff;
  const out: Diff = {};
  for (const [field, change] of Object.entries(diff)) {
    if (VISIBLE_BUSINESS_FIELDS.has(field) || isReference(field)) {
      out[field] = change;
      continue;
    }
    const hide = (v: unknown) => (v === null ? null : HIDDEN);
    out[field] = {
      ...('before' in change ? { before: hide(change.before) } : {}),
      ...('after' in change ? { after: hide(change.after) } : {}),
    };
  }
  return out;
}

/**
 * Whether a reader of the audit log sees business values: only a role that reads every station's data anyway. The
 * audit administrator (the only holder of read:audit-event today) holds none (ROLE_SCOPE `none`), so it never does.
 */
export function seesBusinessValues(role: Role): boolean {
  return ROLE_SCOPE[role] === 'all';
}
