import { z } from 'zod';

// 操作日志 (等保 2.0 安全审计): read-only for the audit administrator; the chain check and checkpoints of decision 017.

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, '时间格式应为 YYYY-MM-DD 或 ISO-8601');

/** The log's filters, shared by the list and its export. A date-only bound is that whole day in Beijing. */
export const auditFilterQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  actor: z.string().trim().max(64).optional(),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
});

/** One change of one field: `before` absent for a creation, `after` absent for a deletion. */
export const AuditFieldChangeDto = z
  .strictObject({ before: z.unknown().optional(), after: z.unknown().optional() })
  .meta({ id: 'AuditFieldChange' });

/**
 * One row of the log. `actorRole`, `entity` and `action` are the codes written at the time (a role or action since
 * renamed still reads as written), so they are text, labelled where a label is known.
 */
export const AuditEventDto = z
  .strictObject({
    seq: z.number().int(),
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    ip: z.string().nullable(),
    entity: z.string(),
    entityLabel: z.string(),
    entityId: z.string().nullable(),
    action: z.string(),
    actionLabel: z.string(),
    summary: z.string(),
    /** changed fields only; business values replaced by *** for a reader who holds no business data (decision 018) */
    diff: z.record(z.string(), AuditFieldChangeDto),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof AuditEventDto>;

/** The hash chain checked with the server's key, and against a checkpoint when one was given. */
export const AuditChainVerificationDto = z
  .strictObject({
    ok: z.boolean(),
    checked: z.number().int(),
    /** null when the chain is whole, or when only the checkpoint's signature failed */
    firstBadSeq: z.number().int().nullable(),
    reason: z.string().nullable(),
    /** rows before this seq were written with plain SHA-256, before the chain was keyed (decision 017) */
    keyedFrom: z.number().int(),
    checkpoint: z.strictObject({ seq: z.number().int(), at: z.string() }).nullable(),
  })
  .meta({ id: 'AuditChainVerification' });
export type AuditChainVerificationDto = z.infer<typeof AuditChainVerificationDto>;
