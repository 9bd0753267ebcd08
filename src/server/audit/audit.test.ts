import { describe, expect, it } from 'vitest';
import { diffOf } from './audit';

// PIPL: the audit log keeps no telephone number, ID card or bank account in full, however deep it sits in a change.
describe('what the audit log keeps of a change', () => {
  it('masks phones and hides secrets at the top level', () => {
    const d = diffOf({ leader_phone: '13912345678', id_card: 'x' }, { leader_phone: '13800001111', id_card: 'y' });
    expect(d.leader_phone).toEqual({ before: '139****5678', after: '138****1111' });
    expect(d.id_card).toEqual({ before: '***', after: '***' });
  });

  it('masks them inside nested objects, arrays and JSON text', () => {
    const d = diffOf(null, {
      agreement: { leaderPhone: '13912345678', experts: [{ phone: '13600002222', idCard: '110101199001011234' }] },
      proposed_json: JSON.stringify({ contactPhone: '010-62345678', bankAccount: '6222020000000000' }),
    });
    const text = JSON.stringify(d);
    for (const secret of ['13912345678', '13600002222', '110101199001011234', '62345678', '6222020000000000']) {
      expect(text).not.toContain(secret);
    }
    expect((d.agreement.after as { leaderPhone: string }).leaderPhone).toBe('139****5678');
    expect(JSON.parse(d.proposed_json.after as string).bankAccount).toBe('***');
  });
});
