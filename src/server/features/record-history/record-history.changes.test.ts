import { describe, expect, it } from 'vitest';
import { policy2025 } from '../../../domain/policy';
import { changesOf, maskEmail, maskPersonal, vocabularyOf } from './record-history.changes';

const diff = (d: Record<string, { before?: unknown; after?: unknown }>) => JSON.stringify(d);

describe('personal data in a change', () => {
  it('is masked by the key that holds it, at any depth and in any spelling', () => {
    expect(
      maskPersonal('x', {
        phone: '13912345678',
        leaderPhone: '13800001234',
        id_card: '110101199003071234',
        idCard: '110101199003071234',
        bank_account: '6222020200112233445',
        email: 'zhang.san@example.com',
        people: [{ contact_phone: '010-62001234' }],
        name: '张三',
      }),
    ).toEqual({
      phone: '139****5678',
      leaderPhone: '138****1234',
      id_card: '1101**********1234',
      idCard: '1101**********1234',
      bank_account: '6222***********3445',
      email: 'z***@example.com',
      people: [{ contact_phone: '010*****1234' }],
      name: '张三',
    });
    // Masking twice changes nothing, and what the audit trail already replaced stays replaced.
    expect(maskPersonal('leader_phone', '139****5678')).toBe('139****5678');
    expect(maskPersonal('id_card_enc', '***')).toBe('***');
    expect(maskEmail('nobody')).toBe('******');
  });

  it('inside a *_json column is masked too, and no number leaves whole', () => {
    const out = changesOf({
      entity: 'project',
      diffJson: diff({
        parties_json: {
          before: JSON.stringify([{ name: '甲', phone: '13911112222' }]),
          after: JSON.stringify([{ name: '甲', phone: '13933334444' }]),
        },
        agreement: { before: { leaderPhone: '13955556666' }, after: { leaderPhone: '13977778888' } },
      }),
    });
    const text = JSON.stringify(out);
    for (const n of ['13911112222', '13933334444', '13955556666', '13977778888']) expect(text).not.toContain(n);
    expect(out).toContainEqual({
      field: 'agreement.leaderPhone',
      fieldLabel: '项目合作协议：负责人电话',
      before: '139****6666',
      after: '139****8888',
    });
  });
});

describe('a change as text', () => {
  const vocabulary = vocabularyOf(policy2025);

  it('names codes, shows money in 元, flags as 是/否, instants in Beijing time, skips bookkeeping', () => {
    expect(
      changesOf({
        entity: 'expense',
        vocabulary,
        diffJson: diff({
          amount_fen: { before: 12_345, after: 20_000 },
          category: { before: 'activity', after: 'meeting' },
          payee_host_staff: { before: 0, after: 1 },
          decided_at: { before: null, after: '2025-06-15T02:00:00.000Z' },
          ledger_version: { before: 1, after: 2 },
        }),
      }),
    ).toEqual([
      { field: 'amount_fen', fieldLabel: '金额', before: '123.45 元', after: '200.00 元' },
      { field: 'category', fieldLabel: '科目', before: '活动实施费', after: expect.any(String) },
      { field: 'payee_host_staff', fieldLabel: '收款人是否依托单位工作人员', before: '否', after: '是' },
      { field: 'decided_at', fieldLabel: '决定时间', before: null, after: '2025-06-15 10:00:00' },
    ]);
  });

  it('opens nested terms into one line per changed field, with the year’s KPI names; a creation lists no empty field', () => {
    const out = changesOf({
      entity: 'change_request',
      vocabulary,
      diffJson: diff({
        proposed: {
          before: { contactName: '甲', targets: { association_share: 0.4, events: 4 } },
          after: { contactName: '乙', targets: { association_share: 0.5, events: 4 } },
        },
        status: { before: 'draft', after: 'submitted' },
      }),
    });
    expect(out).toEqual([
      { field: 'proposed.contactName', fieldLabel: '调整后的协议条款：联系人', before: '甲', after: '乙' },
      {
        field: 'proposed.targets.association_share',
        fieldLabel: '调整后的协议条款：目标 · 联系企业中有企业科协的比例',
        before: '40%',
        after: '50%',
      },
      { field: 'status', fieldLabel: '状态', before: '草稿', after: '待审批' },
    ]);
    const created = changesOf({
      entity: 'expense',
      diffJson: diff({ purpose: { after: '印刷' }, days: { after: null }, vouchers: { after: [] } }),
    });
    expect(created).toEqual([{ field: 'purpose', fieldLabel: '用途', after: '印刷' }]);
  });

  it('reads a diff it cannot parse as no change rather than failing the page', () => {
    expect(changesOf({ entity: 'station', diffJson: '{' })).toEqual([]);
  });
});

describe('what a change refers to', () => {
  const vocabulary = { ...vocabularyOf(policy2025), records: new Map([['org-1', '中关村智能制造创新学会']]) };

  it('names a host organisation by its name, a district by its name, fields as the station form does', () => {
    const out = changesOf({
      entity: 'station',
      vocabulary,
      diffJson: diff({
        host_org_id: { after: 'org-1' },
        district_code: { before: '110105', after: '110108' },
        contact_phone: { before: '13912345678', after: '13800001111' },
        name: { before: '旧名称', after: '海淀区工作站' },
      }),
    });
    expect(out.map((c) => `${c.fieldLabel}：${c.before ?? '—'} → ${c.after}`)).toEqual([
      expect.stringMatching(/：— → 中关村智能制造创新学会$/),
      '所在区：朝阳区 → 海淀区',
      '联系人电话：139****5678 → 138****1111',
      '站点名称：旧名称 → 海淀区工作站',
    ]);
  });

  it('counts of a ledger import under the sheets’ Chinese names', () => {
    const out = changesOf({
      entity: 'station',
      vocabulary,
      diffJson: diff({ sheets: { after: { enterprises: { added: 80 }, pressReleases: { deleted: 2 } } } }),
    });
    expect(out.map((c) => c.fieldLabel)).toEqual([
      '各工作表新增、更新、删除条数：服务企业 · 新增',
      '各工作表新增、更新、删除条数：新闻宣传 · 删除',
    ]);
    expect(out.map((c) => c.after)).toEqual(['80', '2']);
  });
});
