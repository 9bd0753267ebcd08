import { describe, expect, it } from 'vitest';
import { toAuditEventDto } from './audit-events.service';

// A row as the log stored it before nested phones were masked (an agreement's terms): the row is hashed and may not
// be rewritten, so the number is masked where the row is read.
const legacy = {
  seq: 7,
  id: 'e7',
  at: '2025-03-01T02:00:00.000Z',
  actor_id: 'u1',
  actor_name: '中心管理员',
  actor_role: 'center_admin',
  ip: null,
  entity: 'project',
  entity_id: 'p1',
  action: 'update',
  summary: '修改协议',
  diff_json: JSON.stringify({
    terms: { before: { leaderPhone: '13912345678', budget: '100000.00' }, after: { leaderPhone: '13800001111' } },
    contact_phone: { after: '13700002222' },
    password: { after: 'x' },
  }),
  prev_hash: '0'.repeat(64),
  hash: 'f'.repeat(64),
};

describe('an audit row as read', () => {
  it('masks phones at any depth and secrets, and leaves the other values and the hash as stored', () => {
    const dto = toAuditEventDto(legacy);
    expect(dto.diff).toEqual({
      terms: { before: { leaderPhone: '139****5678', budget: '100000.00' }, after: { leaderPhone: '138****1111' } },
      contact_phone: { after: '137****2222' },
      password: { after: '***' },
    });
    expect(dto.hash).toBe(legacy.hash);
    // Reading a row already masked changes nothing.
    expect(toAuditEventDto({ ...legacy, diff_json: JSON.stringify(dto.diff) }).diff).toEqual(dto.diff);
  });
});
