// 报告草稿 (issue #15 §3; 第七条、第八条、第十二条): a host downloads a Word draft of a report its station must write,
// and the draft holds that station's real figures — its KPIs, its demands, the experts at its events — as of the
// request's date; another district's user cannot take it, and a report the station need not write is refused.
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, rawRequest } from './support/fixtures';

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

const draftPath = (stationId: string, kind: string) => `/api/v1/stations/${stationId}/report-drafts/${kind}/draft.docx`;

async function textOf(res: Response): Promise<{ text: string; files: string[] }> {
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    text: (await mammoth.extractRawText({ buffer: bytes })).value,
    files: Object.keys(unzipSync(new Uint8Array(bytes))),
  };
}

describe('a report draft', () => {
  it('gives the host a 需求分析报告 with its station’s figures, dated by the request’s clock', async () => {
    const db = t.deps.db;
    const station = await db
      .selectFrom('stations')
      .selectAll()
      .where('id', '=', ids.stations.haidian)
      .executeTakeFirstOrThrow();
    const demands = await db
      .selectFrom('demands')
      .select(['title'])
      .where('station_id', '=', station.id)
      .orderBy('collected_on')
      .orderBy('id')
      .execute();
    expect(demands.length).toBeGreaterThan(0);
    const expertAtEvent = await db
      .selectFrom('event_experts as ee')
      .innerJoin('events as ev', 'ev.id', 'ee.event_id')
      .innerJoin('experts as x', 'x.id', 'ee.expert_id')
      .select(['x.name', 'ev.title'])
      .where('ev.station_id', '=', station.id)
      .orderBy('ev.date')
      .executeTakeFirstOrThrow();
    const kpis = (await t.call(host, 'GET', `/api/v1/stations/${station.id}/kpis`)).json;
    const demandKpi = kpis.kpis.find((k: { id: string }) => k.id === 'demands');

    const r = await rawRequest(t, 'GET', draftPath(station.id, 'demand_analysis'), { cookie: host });
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toContain('wordprocessingml');
    expect(r.res.headers.get('content-disposition')).toContain(
      encodeURIComponent(`${station.name}-需求分析报告（草稿）.docx`),
    );
    const { text, files } = await textOf(r.res);
    expect(text).toContain(`${station.program_year}年度${station.name}需求分析报告`);
    expect(text).toContain('数据截至 2025-06-15（北京时间）');
    expect(text).toContain(`共登记企业需求 ${demands.length} 项`);
    expect(text).toContain(demands[0].title);
    // the KPI of demands, with its article, target and actual as the KPI page shows them
    expect(text).toContain(`${demandKpi.name}\n\n第七条\n\n${demandKpi.target} 项\n\n${demandKpi.actual} 项`);
    expect(text).toContain('【请填写：');
    expect(files.some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);

    // The 专家服务企业典型模式报告 lists the events with the experts who attended them.
    const mode = await rawRequest(t, 'GET', draftPath(station.id, 'expert_service_mode'), { cookie: host });
    expect(mode.status).toBe(200);
    const modeText = (await textOf(mode.res)).text;
    expect(modeText).toContain(expertAtEvent.title);
    expect(modeText).toContain(expertAtEvent.name);
  });

  it('follows the ledger: a demand added now is counted in the next draft', async () => {
    const path = draftPath(ids.stations.haidian, 'demand_analysis');
    const count = async () =>
      Number(
        /共登记企业需求 (\d+) 项/.exec(
          (await textOf((await rawRequest(t, 'GET', path, { cookie: host })).res)).text,
        )?.[1],
      );
    const before = await count();
    const uscc = (
      await t.deps.db
        .selectFrom('station_enterprises as se')
        .innerJoin('enterprises as e', 'e.id', 'se.enterprise_id')
        .select('e.uscc')
        .where('se.station_id', '=', ids.stations.haidian)
        .executeTakeFirstOrThrow()
    ).uscc;
    const created = await t.call(host, 'POST', `/api/v1/stations/${ids.stations.haidian}/demands`, {
      uscc,
      title: '草稿测试：精密轴承寿命评估',
      collectedOn: '2025-06-10',
      status: 'collected',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('is a 404 for another district’s user and for a host of another station, as for a missing station', async () => {
    const other = await rawRequest(t, 'GET', draftPath(ids.stations.chaoyang, 'summary'), { cookie: district });
    expect(other.status).toBe(404);
    const hostOther = await rawRequest(t, 'GET', draftPath(ids.stations.chaoyang, 'summary'), { cookie: host });
    expect(hostOther.status).toBe(404);
    const own = await rawRequest(t, 'GET', draftPath(ids.stations.haidian, 'summary'), { cookie: district });
    expect(own.status).toBe(200);
  });

  it('refuses a report the station need not write, citing the article', async () => {
    const r = await rawRequest(t, 'GET', draftPath(ids.stations.haidian, 'iur_mode'), { cookie: host });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('产学研工作模式报告（第八条）不是区工作站点（A类）须撰写的报告');
    expect(r.json.error.message).toContain('按第七条');
    const iur = await rawRequest(t, 'GET', draftPath(ids.stations.iurBit, 'demand_analysis'), { cookie: center });
    expect(iur.status).toBe(400);
    expect(iur.json.error.message).toContain('按第八条');
    const unknown = await rawRequest(t, 'GET', draftPath(ids.stations.haidian, 'final_accounts'), { cookie: host });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('报告类型应为');
  });

  it('gives an IUR station its 产学研工作模式报告 (第八条) from achievements and cooperations', async () => {
    const achievement = await t.deps.db
      .selectFrom('achievements')
      .select('title')
      .where('station_id', '=', ids.stations.iurBit)
      .orderBy('collected_on')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const r = await rawRequest(t, 'GET', draftPath(ids.stations.iurBit, 'iur_mode'), { cookie: center });
    expect(r.status).toBe(200);
    const { text } = await textOf(r.res);
    expect(text).toContain('产学研工作模式报告');
    expect(text).toContain('第八条');
    expect(text).toContain(achievement.title);
    const summary = await rawRequest(t, 'GET', draftPath(ids.stations.iurBit, 'summary'), { cookie: center });
    expect(summary.status).toBe(200);
    expect((await textOf(summary.res)).text).toContain('依据：《管理办法》第十二条');
  });
});
