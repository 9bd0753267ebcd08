import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/permissions';
import { seesBusinessValues, withoutBusinessValues } from './audit-visibility';

describe('the audit log as a reader without business data sees it', () => {
  it('names every field of a business record, shows only its ids, state and times', () => {
    const diff = {
      id: { after: 'e1' },
      station_id: { after: 's1' },
      ref: { after: 'Z3' },
      status: { before: 'draft', after: 'submitted' },
      amount_fen: { before: 100, after: 200 },
      payee_name: { after: '张三' },
      comment: { before: null, after: '很好' },
      a_field_added_later: { after: 'x' },
    };
    expect(withoutBusinessValues('expense', diff)).toEqual({
      id: { after: 'e1' },
      station_id: { after: 's1' },
      ref: { after: 'Z3' },
      status: { before: 'draft', after: 'submitted' },
      amount_fen: { before: '***', after: '***' },
      payee_name: { after: '***' },
      // An empty value stays empty: that a comment was added is the "which field", not its text.
      comment: { before: null, after: '***' },
      a_field_added_later: { after: '***' },
    });
  });

  it('shows security events whole', () => {
    const diff = { role: { before: 'reviewer', after: 'host' }, password_hash: { before: '***', after: '***' } };
    for (const entity of ['user', 'session', 'setting', 'access', 'system', 'audit_event', 'password_reset']) {
      expect(withoutBusinessValues(entity, diff)).toEqual(diff);
    }
  });

  it('only a reader of every station’s data sees business values; the audit administrator never', () => {
    expect(ROLES.filter(seesBusinessValues)).toEqual(['center_admin', 'center_staff']);
    expect(seesBusinessValues('audit_admin')).toBe(false);
  });
});
