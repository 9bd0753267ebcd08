// Station ledger records (issue #3): a host records its own station's work; the district and the Center read it
// within scope; sensitive personal information is encrypted, masked and revealed only with an audited reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../../src/domain/id-card';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, validUscc } from './support/fixtures';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
let district: string;
let center: string;
beforeAll(async () => {
  host = await t.login('host');
  district = await t.login('haidian');
  center = await t.login('center');
});

const HD = () => `/api/v1/stations/${ids.stations.haidian}`;
const ent = (n: number, over: Record<string, unknown> = {}) => ({
  uscc: validUscc(n, '91110108'),
  name: `北京测试科技有限公司${n}`,
  districtCode: '110108',
  hasAssociation: true,
  srdi: 'municipal',
  keyServed: true,
  ...over,
});
const idCard = (() => {
  const first17 = '11010819800101123';
  return first17 + idCardCheckChar(first17);
})();

describe('enterprises of a station and the shared registry', () => {
  it('a host lists an enterprise; the USCC is trimmed and upper-cased; a bad check character names the field', async () => {
    const code = validUscc(1, '91110108');
    const r = await t.call(host, 'POST', `${HD()}/enterprises`, ent(1, { uscc: `  ${code.toLowerCase()} ` }));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.uscc).toBe(code);
    const bad = await t.call(
      host,
      'POST',
      `${HD()}/enterprises`,
      ent(2, { uscc: `${code.slice(0, 17)}0` === code ? `${code.slice(0, 17)}1` : `${code.slice(0, 17)}0` }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe('uscc');
    expect(bad.json.error.issues[0].message).toContain('校验位');
  });

  it('the same enterprise twice in one station is refused', async () => {
    const r = await t.call(host, 'POST', `${HD()}/enterprises`, ent(1));
    expect(r.status).toBe(400);
    expect(r.json.error.issues[0].message).toContain('已在本站点');
  });

  it('changing the flags keeps the registry history', async () => {
    const list = await t.call(host, 'GET', `${HD()}/enterprises`);
    const row = list.json.items[0];
    const r = await t.call(host, 'PUT', `${HD()}/enterprises/${row.id}`, {
      version: row.version,
      record: ent(1, { srdi: 'national', hasAssociation: false }),
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.srdi).toBe('national');
    const hist = await t.deps.db.selectFrom('enterprise_history').selectAll().execute();
    expect(hist).toHaveLength(1);
    expect(hist[0].srdi).toBe('municipal');
    expect(hist[0].has_association).toBe(1);
  });

  it('a stale version is refused with 409 and changes nothing', async () => {
    const list = await t.call(host, 'GET', `${HD()}/enterprises`);
    const row = list.json.items[0];
    const r = await t.call(host, 'PUT', `${HD()}/enterprises/${row.id}`, {
      version: row.version - 1,
      record: ent(1, { name: '被覆盖的名称' }),
    });
    expect(r.status).toBe(409);
    const again = await t.call(host, 'GET', `${HD()}/enterprises`);
    expect(again.json.items[0].name).toBe(row.name);
  });
});

describe('scope', () => {
  it('the district reads its station’s records; the Center too; another district’s station is 404', async () => {
    const stored = await t.deps.db
      .selectFrom('station_enterprises')
      .select('id')
      .where('station_id', '=', ids.stations.haidian)
      .execute();
    expect(stored.length).toBeGreaterThan(1);
    expect((await t.call(district, 'GET', `${HD()}/enterprises`)).json.total).toBe(stored.length);
    expect((await t.call(center, 'GET', `${HD()}/enterprises`)).json.total).toBe(stored.length);
    const other = await t.call(district, 'GET', `/api/v1/stations/${ids.stations.chaoyang}/contacts`);
    expect(other.status).toBe(404);
  });

  it('only the host writes; the district and the Center get 403', async () => {
    const body = { uscc: validUscc(1, '91110108'), date: '2025-05-01', mode: 'visit' };
    expect((await t.call(district, 'POST', `${HD()}/contacts`, body)).status).toBe(403);
    expect((await t.call(center, 'POST', `${HD()}/contacts`, body)).status).toBe(403);
    expect((await t.call(host, 'POST', `${HD()}/contacts`, body)).status).toBe(201);
  });

  it('a host cannot write into a station of another host (404, nothing written)', async () => {
    const before = await t.deps.db.selectFrom('contacts').select('id').execute();
    const r = await t.call(host, 'POST', `/api/v1/stations/${ids.stations.chaoyang}/contacts`, {
      uscc: validUscc(1, '91110108'),
      date: '2025-05-01',
      mode: 'visit',
    });
    expect(r.status).toBe(404);
    expect(await t.deps.db.selectFrom('contacts').select('id').execute()).toHaveLength(before.length);
  });
});

describe('experts: sensitive personal information', () => {
  let expertId = '';
  it('stores the ID card encrypted and answers it masked', async () => {
    const r = await t.call(host, 'POST', `${HD()}/experts`, {
      name: '张伟',
      kind: 'commissioner',
      employer: '北京理工大学',
      grade: 'senior',
      hostStaff: false,
      fiscallySupported: false,
      idCard,
      bankAccount: '6222020200112233445',
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expertId = r.json.id;
    expect(r.json.idCardMasked).toBe(`1101${'*'.repeat(10)}${idCard.slice(-4)}`);
    expect(JSON.stringify(r.json)).not.toContain(idCard);
    const row = await t.deps.db.selectFrom('experts').selectAll().where('id', '=', expertId).executeTakeFirstOrThrow();
    expect(row.id_card_enc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(idCard);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('diff_json')
      .where('entity_id', '=', expertId)
      .execute();
    expect(JSON.stringify(audit)).not.toContain(idCard);
  });

  it('a wrong ID card check digit is refused on its field', async () => {
    const r = await t.call(host, 'POST', `${HD()}/experts`, {
      name: '李四',
      kind: 'expert',
      hostStaff: false,
      fiscallySupported: false,
      idCard: `${idCard.slice(0, 17)}${idCard[17] === '1' ? '2' : '1'}`,
    });
    expect(r.status).toBe(400);
    expect(r.json.error.issues[0].path).toBe('idCard');
  });

  it('reveal needs a reason and writes an audit record naming it', async () => {
    const noReason = await t.call(host, 'POST', `${HD()}/experts/${expertId}/reveal`, { field: 'idCard', reason: '' });
    expect(noReason.status).toBe(400);
    const r = await t.call(host, 'POST', `${HD()}/experts/${expertId}/reveal`, {
      field: 'idCard',
      reason: '办理专家咨询费发放',
    });
    expect(r.status).toBe(200);
    expect(r.json.value).toBe(idCard);
    const a = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'reveal_personal_info')
      .executeTakeFirstOrThrow();
    expect(a.summary).toContain('办理专家咨询费发放');
    expect(a.actor_name).toBe('host');
  });

  it('the district may not reveal (403)', async () => {
    const r = await t.call(district, 'POST', `${HD()}/experts/${expertId}/reveal`, { field: 'idCard', reason: '核查' });
    expect(r.status).toBe(403);
  });

  it('an event takes only the station’s own experts; an expert at an event cannot be deleted', async () => {
    const bad = await t.call(host, 'POST', `${HD()}/events`, {
      kind: 'matchmaking',
      title: '对接会',
      date: '2025-06-01',
      expertIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe('expertIds');
    const ok = await t.call(host, 'POST', `${HD()}/events`, {
      kind: 'matchmaking',
      title: '智能制造对接会',
      date: '2025-06-01',
      expertIds: [expertId, expertId],
      enterpriseUsccs: [validUscc(1, '91110108')],
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json.expertIds).toEqual([expertId]);
    expect(ok.json.ref).toMatch(/^A\d+$/);
    const list = await t.call(host, 'GET', `${HD()}/experts`);
    const del = await t.call(host, 'DELETE', `${HD()}/experts/${expertId}?version=${list.json.items[0].version}`);
    expect(del.status).toBe(400);
  });
});

describe('demands and reports', () => {
  it('a matched demand needs its match and date; a later step may not precede an earlier one', async () => {
    const r = await t.call(host, 'POST', `${HD()}/demands`, {
      uscc: validUscc(1, '91110108'),
      title: '工业视觉检测算法需求',
      collectedOn: '2025-05-10',
      status: 'docked',
      matchedKind: 'expert',
      matchedTo: '张伟',
      matchedOn: '2025-05-01',
    });
    expect(r.status).toBe(400);
    const paths = r.json.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['dockedOn', 'matchedOn']);
  });

  it('a report stores its 字数 as docs/ledger-format.md counts it', async () => {
    const r = await t.call(host, 'POST', `${HD()}/reports`, {
      kind: 'demand_analysis',
      title: '需求分析',
      text: '我们在2025年完成了AI项目。',
    });
    expect(r.status).toBe(201);
    expect(r.json.wordCount).toBe(12);
  });

  it('exports a kind as Excel with Chinese headers', async () => {
    const r = await t.call(center, 'GET', `${HD()}/reports/export`);
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('the enterprise registry', () => {
  it('the Center lists every enterprise; a district only those its stations list', async () => {
    const all = await t.call(center, 'GET', '/api/v1/enterprises?pageSize=1');
    const stored = await t.deps.db.selectFrom('enterprises').select('id').execute();
    expect(all.json.total).toBe(stored.length);
    const hd = await t.call(district, 'GET', '/api/v1/enterprises?pageSize=200');
    const listedHere = await t.deps.db
      .selectFrom('station_enterprises as se')
      .innerJoin('stations as s', 's.id', 'se.station_id')
      .select('se.enterprise_id')
      .distinct()
      .where('s.district_code', '=', '110108')
      .execute();
    expect(hd.json.total).toBe(listedHere.length);
    expect(hd.json.total).toBeLessThan(all.json.total);
  });

  it('looks up one code with its history of flag changes', async () => {
    const code = validUscc(1, '91110108');
    const r = await t.call(district, 'GET', `/api/v1/enterprises/lookup?uscc=${code.toLowerCase()}`);
    expect(r.status).toBe(200);
    expect(r.json.uscc).toBe(code);
    expect(r.json.history[0]).toMatchObject({ srdi: 'municipal', by: 'host' });
    const none = await t.call(district, 'GET', `/api/v1/enterprises/lookup?uscc=${validUscc(77, '91110108')}`);
    expect(none.status).toBe(404);
  });
});

describe('derived, never typed', () => {
  it('an enterprise’s contact count at the station comes from its contact records', async () => {
    const code = validUscc(1, '91110108');
    const list = await t.call(host, 'GET', `${HD()}/enterprises?q=${code}`);
    const stored = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('station_id', '=', ids.stations.haidian)
      .where('uscc', '=', code)
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(list.json.items[0].contactCount).toBe(stored.length);
  });
});
