// 待补事项 (src/domain/gaps): a station with known facts — a small ledger imported into the 海淀 station, one evidence
// file uploaded — and the exact items its host reads on 2025-06-15 (day 76 of the 275 of 2025-04-01 … 2025-12-31);
// every link opens a list whose total is the item's count; the inbox task; the data scope of the route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../../src/server/demo/sample-png';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, HAIDIAN, rawRequest } from './support/fixtures';
import { freshUscc } from './support/ledger-requests';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

const HD = ids.stations.haidian;
const han = (n: number) => '需'.repeat(n);
const [E1, E2, E3] = [freshUscc(HAIDIAN), freshUscc(HAIDIAN), freshUscc(HAIDIAN)];

let host: string;
let station: { name: string; period_start: string; period_end: string };

interface Item {
  key: string;
  kind: string;
  count: number;
  unit: string;
  sentence: string;
  article: string;
  link: string;
  pace: { expected: number; behind: boolean } | null;
}
const gaps = async (cookie: string, id = HD) => t.call(cookie, 'GET', `/api/v1/stations/${id}/gaps`);
const items = async (): Promise<Item[]> => (await gaps(host)).json.items;

beforeAll(async () => {
  host = await t.login('host');
  station = await t.deps.db.selectFrom('stations').selectAll().where('id', '=', HD).executeTakeFirstOrThrow();
  const ledger = {
    format: 'qianqi-ledger/1',
    programYear: 2025,
    station: {
      name: station.name,
      type: 'district_a',
      district: HAIDIAN,
      host: { name: '中关村智能制造创新学会' },
      period: { start: station.period_start, end: station.period_end },
    },
    enterprises: [
      {
        uscc: E1,
        name: '待补测试一号科技有限公司',
        district: HAIDIAN,
        hasAssociation: true,
        srdi: 'municipal',
        keyServed: true,
      },
      {
        uscc: E2,
        name: '待补测试二号科技有限公司',
        district: HAIDIAN,
        hasAssociation: false,
        srdi: 'none',
        keyServed: false,
      },
      {
        uscc: E3,
        name: '待补测试三号科技有限公司',
        district: HAIDIAN,
        hasAssociation: false,
        srdi: 'none',
        keyServed: false,
      },
    ],
    contacts: [
      { uscc: E1, date: '2025-05-10', mode: 'visit' },
      { uscc: E2, date: '2025-05-11', mode: 'phone' },
      { uscc: E3, date: '2025-03-15', mode: 'visit' },
    ],
    demands: [
      { id: 'D1', uscc: E1, title: '检测设备共享', collectedOn: '2025-05-01', status: 'collected' },
      { id: 'D2', uscc: E2, title: '人才招聘', collectedOn: '2025-03-01', status: 'collected' },
    ],
    experts: [{ id: 'X1', name: '待补专家', kind: 'expert' }],
    events: [
      {
        id: 'A1',
        kind: 'matchmaking',
        title: '待补测试对接会',
        date: '2025-05-20',
        experts: ['X1'],
        evidence: ['plan', 'photo'],
      },
      { id: 'A2', kind: 'training', title: '待补测试培训', date: '2025-06-01', evidence: ['photo'] },
      { id: 'A3', kind: 'roadshow', title: '待补测试路演', date: '2025-03-20', experts: ['X1'] },
    ],
    pressReleases: [{ title: '站点动态', date: '2025-05-25', channel: 'association_website' }],
    cooperations: [{ title: '联合实验室', date: '2025-05-05', parties: ['某大学'], content: '共建联合实验室' }],
    achievements: [{ title: '高校成果', university: '北京理工大学', collectedOn: '2025-03-10', promoted: true }],
    reports: [
      { kind: 'summary', title: '年度总结', text: '本年度站点工作总结。' },
      { kind: 'demand_analysis', title: '需求分析（初稿）', text: han(10) },
      { kind: 'demand_analysis', title: '需求分析（二稿）', text: han(20) },
    ],
    expenses: [
      {
        id: 'X1',
        date: '2025-05-15',
        category: 'activity',
        item: 'printing',
        amount: '100.00',
        source: 'grant',
        purpose: '资料印刷',
      },
      {
        id: 'X2',
        date: '2025-05-16',
        category: 'meeting',
        item: 'venue',
        amount: '200.00',
        source: 'grant',
        purpose: '会议场地',
      },
    ],
  };
  const r = await t.call(host, 'POST', `/api/v1/stations/${HD}/ledger`, { ledger, replace: true });
  expect(r.status, JSON.stringify(r.json).slice(0, 800)).toBe(200);
  // A1's photo gets its file; its plan stays registered without one.
  const a1 = (await t.call(host, 'GET', `/api/v1/stations/${HD}/events?q=${encodeURIComponent('待补测试对接会')}`)).json
    .items[0];
  const up = await rawRequest(t, 'POST', `/api/v1/stations/${HD}/events/${a1.id}/evidence?kind=photo&fileName=a.png`, {
    cookie: host,
    headers: { 'content-type': 'application/octet-stream' },
    body: samplePng(8, 8),
  });
  expect(up.status).toBe(201);
});

describe('待补事项 of a station, as its host reads them', () => {
  it('lists each gap with its count, article and link, in order', async () => {
    const r = await gaps(host);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      stationId: HD,
      periodStart: '2025-04-01',
      periodEnd: '2025-12-31',
      today: '2025-06-15',
      elapsedPercent: 27.6,
    });
    const L = `/stations/${HD}`;
    expect((r.json.items as Item[]).map((i) => [i.key, i.count, i.unit, i.article, i.link, i.pace])).toEqual([
      ['kpi:events', 2, '场', '第七条', `${L}/ledger/events`, { expected: 2, behind: false }],
      ['kpi:press_releases', 3, '篇', '第七条', `${L}/ledger/press-releases`, { expected: 2, behind: true }],
      ['kpi:press_releases_website', 1, '篇', '第七条', `${L}/ledger/press-releases`, { expected: 1, behind: false }],
      ['kpi:cooperations', 1, '项', '第七条', `${L}/ledger/cooperations`, { expected: 1, behind: false }],
      ['kpi:enterprises_contacted', 48, '家', '第七条', `${L}/ledger/contacts`, { expected: 14, behind: true }],
      ['kpi:key_enterprises', 29, '家', '第七条', `${L}/ledger/enterprises`, { expected: 9, behind: true }],
      ['kpi:key_enterprises_srdi', 9, '家', '第七条', `${L}/ledger/enterprises`, { expected: 3, behind: true }],
      ['kpi:landed_outcomes', 5, '项', '第七条', `${L}/ledger/outcomes`, { expected: 2, behind: true }],
      ['kpi:demands', 19, '项', '第七条', `${L}/ledger/demands`, { expected: 6, behind: true }],
      ['kpi:expert_person_times', 19, '人次', '第七条', `${L}/ledger/events`, { expected: 6, behind: true }],
      ['kpi:report_final_accounts', 1, '份', '第十二条', `${L}/funds`, null],
      ['kpi:report_demand_analysis', 1980, '字', '第七条', `${L}/ledger/reports`, null],
      ['kpi:report_expert_service_mode', 3000, '字', '第七条', `${L}/ledger/reports`, null],
      ['evidence:plan', 3, '场', '第十三条', `${L}/ledger/events?missingEvidence=plan`, null],
      ['evidence:photo', 2, '场', '第十三条', `${L}/ledger/events?missingEvidence=photo`, null],
      ['evidence:minutes', 3, '场', '第十三条', `${L}/ledger/events?missingEvidence=minutes`, null],
      ['evidence:press', 3, '场', '第十三条', `${L}/ledger/events?missingEvidence=press`, null],
      ['report-words:demand_analysis', 2, '份', '第七条', `${L}/ledger/reports?belowMinWords=demand_analysis`, null],
      ['vouchers', 2, '笔', '第十二条', `${L}/funds?withoutVoucher=true`, null],
      ['outside:contacts', 1, '条', '第七条', `${L}/ledger/contacts?outsidePeriod=true`, null],
      ['outside:demands', 1, '条', '第七条', `${L}/ledger/demands?outsidePeriod=true`, null],
      ['outside:events', 1, '条', '第七条', `${L}/ledger/events?outsidePeriod=true`, null],
    ]);
  });

  it('words each gap as the host reads it', async () => {
    const by = new Map((await items()).map((i) => [i.key, i.sentence]));
    expect(by.get('kpi:events')).toBe(
      '举办需求征集会、需求对接会等活动还差 2 场（已完成 2 场，目标 4 场）；项目期已过 27.6%，按进度此时应完成 2 场，进度未落后。',
    );
    expect(by.get('kpi:enterprises_contacted')).toBe(
      '联系本区企业还差 48 家（已完成 2 家，目标 50 家）；项目期已过 27.6%，按进度此时应完成 14 家，落后 12 家。',
    );
    expect(by.get('kpi:report_demand_analysis')).toBe(
      '需求分析报告还差 1980 字（最长一份 20 字，要求不少于 2000 字）；报告在项目期结束时提交。',
    );
    expect(by.get('kpi:report_final_accounts')).toBe('尚未提交有正文的项目决算报告；报告在项目期结束时提交。');
    expect(by.get('evidence:photo')).toBe('2 场活动缺少活动照片（只登记了类型、未上传文件的也算缺少）。');
    expect(by.get('report-words:demand_analysis')).toBe(
      '2 份企业需求分析报告不足 2000 字，同类报告中还没有一份达到要求。',
    );
    expect(by.get('vouchers')).toBe('2 笔支出没有上传凭证（发票、收据或转账记录），从台账导入的支出也须补传。');
    expect(by.get('outside:contacts')).toBe(
      '1 条联系走访记录的日期不在项目期（2025-04-01 至 2025-12-31）内，不计入考核指标。',
    );
    // Met KPIs (the summary report, the association share of 1 in 2) and achievements (no KPI of an A station) are absent.
    expect([...by.keys()].filter((k) => /summary|association|achievements/.test(k))).toEqual([]);
  });

  it('each link opens a list (SQL-paged) whose total is the count', async () => {
    for (const g of (await items()).filter((i) => i.kind !== 'kpi')) {
      const [path, query] = g.link.split('?');
      const api = path
        .replace(/^\/stations\/([^/]+)\/ledger\/([^/]+)$/, '/api/v1/stations/$1/$2')
        .replace(/^\/stations\/([^/]+)\/funds$/, '/api/v1/stations/$1/expenses');
      const r = await t.call(host, 'GET', `${api}?${query}&pageSize=1`);
      expect(r.status, g.key).toBe(200);
      expect([g.key, r.json.total, r.json.items.length]).toEqual([g.key, g.count, 1]);
    }
    const photo = await t.call(host, 'GET', `/api/v1/stations/${HD}/events?missingEvidence=photo`);
    expect(photo.json.items.map((e: { title: string }) => e.title).sort()).toEqual(['待补测试培训', '待补测试路演']);
  });

  it('refuses a list filter that does not fit the kind, naming the field', async () => {
    const r = await t.call(host, 'GET', `/api/v1/stations/${HD}/contacts?missingEvidence=photo`);
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([{ path: 'missingEvidence', message: '只有活动可以按缺少的佐证材料筛选' }]);
    const bad = await t.call(host, 'GET', `/api/v1/stations/${HD}/reports?belowMinWords=novel`);
    expect(bad.status).toBe(400);
  });

  it('a report that reaches its minimum clears the short drafts and the KPI of its kind', async () => {
    const r = await t.call(host, 'POST', `/api/v1/stations/${HD}/reports`, {
      kind: 'demand_analysis',
      title: '需求分析（定稿）',
      text: han(2000),
    });
    expect(r.status).toBe(201);
    const keys = (await items()).map((i) => i.key);
    expect(keys).not.toContain('kpi:report_demand_analysis');
    expect(keys).not.toContain('report-words:demand_analysis');
    expect(keys).toContain('kpi:report_expert_service_mode');
    const list = await t.call(host, 'GET', `/api/v1/stations/${HD}/reports?belowMinWords=demand_analysis`);
    expect(list.json.total).toBe(0);
  });
});

describe('我的待办', () => {
  it('gives the host one task for its station with open gaps, linking to the home card', async () => {
    const n = (await items()).length;
    const inbox = await t.call(host, 'GET', '/api/v1/inbox');
    expect(inbox.status).toBe(200);
    const tasks = inbox.json.tasks.filter((k: { key: string }) => k.key.startsWith('gaps:'));
    expect(tasks).toEqual([
      expect.objectContaining({
        key: `gaps:${HD}`,
        title: `${station.name}：待补事项 ${n} 项`,
        link: `/?gaps=${HD}`,
        dueOn: '2025-12-31',
        article: '第七条、第十二条、第十三条',
      }),
    ]);
  });

  it('gives the district no such task: the gaps are the host’s to fill', async () => {
    const inbox = await t.call(await t.login('haidian'), 'GET', '/api/v1/inbox');
    expect(inbox.json.tasks.filter((k: { key: string }) => k.key.startsWith('gaps:'))).toEqual([]);
  });
});

describe('data scope of the route (read:ledger, scoped to the station)', () => {
  it('the district of the station reads it; another district’s station is not found', async () => {
    const district = await t.login('haidian');
    expect((await gaps(district)).status).toBe(200);
    expect((await gaps(district, ids.stations.chaoyang)).status).toBe(404);
  });

  it('the host of another station gets 404; a role without read:ledger gets 403', async () => {
    expect((await gaps(host, ids.stations.chaoyang)).status).toBe(404);
    expect((await gaps(await t.login('reviewer'))).status).toBe(403);
  });
});
