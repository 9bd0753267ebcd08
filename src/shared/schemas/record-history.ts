import { z } from 'zod';
import { pageOf } from '../api/common';

// 变更记录 (issue 14): a record's own history, read from the audit trail by those who work with the record. What the
// audit administrator reads is src/shared/schemas/audit-events.ts; this is narrower (one record, no hash chain, no IP)
// and its values are display text with personal data masked.

/**
 * One changed field. `before` is absent for a creation and `after` for a deletion; null is an empty value. Values are
 * display text (money in 元, codes as their Chinese names); telephone, ID card, bank account and e-mail are masked.
 */
export const RecordChangeDto = z
  .strictObject({
    /** the key as written, a nested key with dots (`proposed.leaderPhone`) */
    field: z.string(),
    fieldLabel: z.string(),
    before: z.string().nullable().optional(),
    after: z.string().nullable().optional(),
  })
  .meta({ id: 'RecordChange' });
export type RecordChangeDto = z.infer<typeof RecordChangeDto>;

export const RecordHistoryEntryDto = z
  .strictObject({
    id: z.string(),
    /** ISO-8601 UTC */
    at: z.string(),
    /** the account's name as it is now, else the user name written at the time; 系统 for the system itself */
    actorName: z.string(),
    /** null for the system */
    actorRoleLabel: z.string().nullable(),
    action: z.string(),
    actionLabel: z.string(),
    summary: z.string(),
    changes: z.array(RecordChangeDto),
  })
  .meta({ id: 'RecordHistoryEntry' });
export type RecordHistoryEntryDto = z.infer<typeof RecordHistoryEntryDto>;

export const RecordHistoryPageDto = pageOf(RecordHistoryEntryDto).meta({ id: 'RecordHistoryPage' });
export type RecordHistoryPageDto = z.infer<typeof RecordHistoryPageDto>;
