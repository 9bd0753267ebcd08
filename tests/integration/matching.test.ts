// Issue 15 §2: suggestions for an enterprise's demand from the year's experts and achievements, explained; accepting
// one in a click; the reverse; what another station sees; demands left unmatched. SQLite and PostgreSQL.
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import { runMatchIndexRefresh } from '../../src/server/jobs';
import { createTestApp, type TestApp } from '../setup/test-app';
import { type DemoIds, demoIds } from './support/fixtures';
import { freshUscc } from './support/ledger-requests';

const t: TestApp = await createTestApp();
const ids: DemoIds = await demoIds(t);
const host = await t.login('host');
const center = await t.login('center');
const haidian = await t.login('haidian');
afterAll(() => t.close());

const now = () => t.clock.now().toISOString();
const stamps = () => ({ created_at: now(), updated_at: now(), version: 1 });

/** A record written straight to another station (only its host may write it through the API), as a write would. */
async function otherStationExpert(stationId: string, o: { name: string; expertise: string; industry?: string }) {
  const id = uuidv7();
  await t.deps.db
    .insertInto('experts')
    .values({
      id,
      station_id: stationId,
      ref: `EX${id.slice(-6)}`,
      name: o.name,
      kind: 'expert',
      employer: '北京理工大学',
      title: '教授',
      grade: null,
      phone: '13912345678',
      host_staff: 0,
      fiscally_supported: 0,
      id_card_enc: null,
      id_card_masked: null,
      bank_account_enc: null,
      bank_account_masked: null,
      bank_name: null,
      expertise: o.expertise,
      industry: o.industry ?? null,
      ...stamps(),
    })
    .execute();
  await sql`update stations set ledger_version = ledger_version + 1 where id = ${stationId}`.execute(t.deps.db);
  return id;
}

async function otherStationAchievement(stationId: string, o: { title: string; summary: string }) {
  const id = uuidv7();
  await t.deps.db
    .insertInto('achievements')
    .values({
      id,
      station_id: stationId,
      title: o.title,
      university: '北京化工大学',
      collected_on: '2025-05-01',
      promoted: 0,
      summary: o.summary,
      industry: 'new_materials',
      ...stamps(),
    })
    .execute();
  await sql`update stations set ledger_version = ledger_version + 1 where id = ${stationId}`.execute(t.deps.db);
  return id;
}

const base = `/api/v1/stations/${ids.stations.haidian}`;
const iurExpert = await otherStationExpert(ids.stations.iurBit, {
  name: '隔膜专家甲',
  expertise: '锂离子电池隔膜材料，陶瓷涂覆改性与隔膜热收缩控制，电池安全性评价',
  industry: 'new_materials',
});
const distractor = await otherStationExpert(ids.stations.iurBit, {
  name: '软件专家乙',
  expertise: '电池管理系统软件，荷电状态估计算法与嵌入式开发',
  industry: 'new_energy_vehicles',
});
// A district station's achievement is not in another station's pool (第八条 names the IUR stations' achievements).
const chaoyangAchievement = await otherStationAchievement(ids.stations.chaoyang, {
  title: '锂电池隔膜陶瓷涂覆工艺',
  summary: '隔膜陶瓷涂覆，热收缩率低',
});
const iurAchievement = await otherStationAchievement(ids.stations.iurBit, {
  title: '耐高温陶瓷涂覆隔膜',
  summary: '氧化铝陶瓷涂覆聚乙烯隔膜，150℃ 热收缩率低于 2%，已中试',
});

const created = await t.call(host, 'POST', `${base}/demands`, {
  uscc: freshUscc(),
  title: '锂电池隔膜高温收缩问题',
  description: '我司生产的动力电池隔膜在高温下收缩明显，希望改进涂覆工艺，使 150℃ 热收缩率低于 3%。',
  industry: 'new_materials',
  collectedOn: '2025-06-01',
  status: 'collected',
});
const demand = created.json as { id: string; version: number };

describe('suggestions for a demand', () => {
  it('ranks the year pool by the text, explains each in Chinese, and shows no personal data of another station', async () => {
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const r = await t.call(host, 'GET', `${base}/demands/${demand.id}/matches`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const items = r.json.items as Array<{ kind: string; id: string; name: string; reasons: string[]; score: number }>;
    const top2 = items.slice(0, 2).map((i) => i.id);
    expect(new Set(top2)).toEqual(new Set([iurExpert, iurAchievement]));
    const expert = items.find((i) => i.id === iurExpert)!;
    expect(expert.reasons[0]).toMatch(/^共有关键词：.*隔膜/);
    expect(expert.reasons).toContain('同属行业：新材料');
    expect(expert.reasons.at(-1)).toMatch(/^来自/);
    expect(JSON.stringify(r.json)).not.toContain('13912345678');
    expect(items.map((i) => i.id)).not.toContain(chaoyangAchievement);
    // the battery-software expert shares 电池 at most: below the隔膜 expert
    const soft = items.findIndex((i) => i.id === distractor);
    expect(soft === -1 || soft > items.findIndex((i) => i.id === iurExpert)).toBe(true);
  });

  it('sees an edited profile at the next look (the index follows the ledger)', async () => {
    await t.deps.db.updateTable('experts').set({ expertise: '中医药与针灸' }).where('id', '=', iurExpert).execute();
    await sql`update stations set ledger_version = ledger_version + 1 where id = ${ids.stations.iurBit}`.execute(
      t.deps.db,
    );
    const r = await t.call(host, 'GET', `${base}/demands/${demand.id}/matches`);
    expect((r.json.items as Array<{ id: string }>).map((i) => i.id)).not.toContain(iurExpert);
    await t.deps.db
      .updateTable('experts')
      .set({ expertise: '锂离子电池隔膜材料，陶瓷涂覆改性与隔膜热收缩控制，电池安全性评价' })
      .where('id', '=', iurExpert)
      .execute();
    await sql`update stations set ledger_version = ledger_version + 1 where id = ${ids.stations.iurBit}`.execute(
      t.deps.db,
    );
  });

  it('gives a page of demands their top three at once', async () => {
    const r = await t.call(host, 'GET', `${base}/demand-suggestions?ids=${demand.id}&limit=3`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.items).toHaveLength(1);
    expect(r.json.items[0].suggestions.length).toBeLessThanOrEqual(3);
    expect(r.json.items[0].suggestions[0].id).toBeOneOf([iurExpert, iurAchievement]);
  });

  it('the reverse: the expert finds the open demand', async () => {
    const r = await t.call(
      center,
      'GET',
      `/api/v1/stations/${ids.stations.iurBit}/experts/${iurExpert}/demand-matches`,
    );
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((r.json.items as Array<{ id: string }>).map((i) => i.id)).toContain(demand.id);
  });

  it('keeps a district to its own stations', async () => {
    const theirs = await t.call(haidian, 'GET', `/api/v1/stations/${ids.stations.chaoyang}/dockings`);
    expect(theirs.status).toBe(404);
    const reviewer = await t.login('reviewer');
    const r = await t.call(reviewer, 'GET', `${base}/demands/${demand.id}/matches`);
    expect(r.status).toBe(403);
  });
});

describe('accepting a suggestion', () => {
  it('refuses a target outside the pool and changes nothing', async () => {
    const r = await t.call(host, 'POST', `${base}/demands/${demand.id}/match`, {
      kind: 'achievement',
      targetId: chaoyangAchievement,
      version: demand.version,
    });
    expect(r.status).toBe(400);
    expect(r.json.error.issues[0]).toEqual({ path: 'targetId', message: '匹配对象不在本年度可对接的专家和成果之中' });
    const d = await t.call(host, 'GET', `${base}/demands/${demand.id}`);
    expect(d.json.status).toBe('collected');
  });

  it('takes the demand to 已匹配 with the target and today, audited; the target station sees it', async () => {
    const r = await t.call(host, 'POST', `${base}/demands/${demand.id}/match`, {
      kind: 'expert',
      targetId: iurExpert,
      version: demand.version,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const d = await t.call(host, 'GET', `${base}/demands/${demand.id}`);
    expect(d.json).toMatchObject({
      status: 'matched',
      matchedKind: 'expert',
      matchedOn: '2025-06-15',
      matchTargetId: iurExpert,
      matchStationId: ids.stations.iurBit,
    });
    expect(d.json.matchedTo).toMatch(/^隔膜专家甲（.+）$/);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_id', '=', demand.id)
      .where('action', '=', 'accept_match')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain('第七条');

    const docks = await t.call(center, 'GET', `/api/v1/stations/${ids.stations.iurBit}/dockings`);
    expect(docks.status).toBe(200);
    expect(docks.json.items).toContainEqual(
      expect.objectContaining({
        demandId: demand.id,
        targetId: iurExpert,
        targetName: '隔膜专家甲',
        status: 'matched',
      }),
    );
    // matched demands get no more suggestions on the list
    const page = await t.call(host, 'GET', `${base}/demand-suggestions?ids=${demand.id}`);
    expect(page.json.items).toEqual([]);
  });

  it('refuses a second acceptance (stale version, or no longer 已征集)', async () => {
    const stale = await t.call(host, 'POST', `${base}/demands/${demand.id}/match`, {
      kind: 'achievement',
      targetId: iurAchievement,
      version: demand.version,
    });
    expect(stale.status).toBe(409);
    const d = await t.call(host, 'GET', `${base}/demands/${demand.id}`);
    const again = await t.call(host, 'POST', `${base}/demands/${demand.id}/match`, {
      kind: 'achievement',
      targetId: iurAchievement,
      version: d.json.version,
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('只有“已征集”的需求可以采纳推荐');
  });

  it('keeps the link through an edit that keeps the match, drops it when the match text changes', async () => {
    const d = (await t.call(host, 'GET', `${base}/demands/${demand.id}`)).json;
    const { id, ref, enterpriseName, version, updatedAt, matchTargetId, matchStationId, ...body } = d;
    const kept = await t.call(host, 'PUT', `${base}/demands/${demand.id}`, {
      record: { ...body, note: '已电话沟通' },
      version,
    });
    expect(kept.status, JSON.stringify(kept.json)).toBe(200);
    expect(kept.json.matchTargetId).toBe(iurExpert);
    const changed = await t.call(host, 'PUT', `${base}/demands/${demand.id}`, {
      record: { ...body, matchedTo: '另一位专家' },
      version: kept.json.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.json.matchTargetId).toBeNull();
  });
});

describe('the index away from requests', () => {
  it('the scheduled refresh indexes the stations changed since, and nothing when none did', async () => {
    await runMatchIndexRefresh(t.deps);
    expect(await runMatchIndexRefresh(t.deps)).toBe(0);
    await sql`update stations set ledger_version = ledger_version + 1 where id = ${ids.stations.chaoyang}`.execute(
      t.deps.db,
    );
    expect(await runMatchIndexRefresh(t.deps)).toBe(1);
    const docs = await t.deps.db
      .selectFrom('match_docs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('station_id', '=', ids.stations.chaoyang)
      .executeTakeFirstOrThrow();
    expect(Number(docs.n)).toBeGreaterThan(0);
  });

  it('keeps the document frequencies and corpus sizes equal to a recount of the postings after edits', async () => {
    // an edit, a new record and a deletion at the 海淀 station, then a look that indexes it again
    await t.call(host, 'POST', `${base}/experts`, {
      name: '复核专家',
      kind: 'expert',
      hostStaff: false,
      fiscallySupported: false,
      expertise: '隔膜涂覆工艺与电池安全',
    });
    await t.call(host, 'GET', `${base}/demands/${demand.id}/matches`);
    const df = await t.deps.db
      .selectFrom('match_df')
      .select(['kind', 'term', 'df'])
      .where('program_year', '=', 2025)
      .where('df', '>', 0)
      .execute();
    const recount = await t.deps.db
      .selectFrom('match_terms')
      .select((eb) => ['kind', 'term', eb.fn.countAll<number>().as('n')])
      .where('program_year', '=', 2025)
      .groupBy(['kind', 'term'])
      .execute();
    const key = (k: string, term: string) => `${k}|${term}`;
    expect(new Map(df.map((r) => [key(r.kind, r.term), Number(r.df)]))).toEqual(
      new Map(recount.map((r) => [key(r.kind, r.term), Number(r.n)])),
    );
    const stats = await t.deps.db.selectFrom('match_stats').selectAll().where('program_year', '=', 2025).execute();
    const docs = await t.deps.db
      .selectFrom('match_docs')
      .select((eb) => ['kind', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('length').as('len')])
      .where('program_year', '=', 2025)
      .groupBy('kind')
      .execute();
    for (const d of docs) {
      const st = stats.find((x) => x.kind === d.kind)!;
      expect([Number(st.docs), Number(st.total_length)]).toEqual([Number(d.n), Number(d.len)]);
    }
  });
});

describe('demands left unmatched (the Center follows up)', () => {
  it('lists 已征集 demands older than the threshold, in the reader scope', async () => {
    const old = await t.call(host, 'POST', `${base}/demands`, {
      uscc: freshUscc(),
      title: '老旧需求：检测设备共享',
      collectedOn: '2025-04-01',
      status: 'collected',
    });
    expect(old.status).toBe(201);
    const r = await t.call(center, 'GET', '/api/v1/unmatched-demands?year=2025&days=30&pageSize=200');
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const row = (r.json.items as Array<{ id: string; daysWaiting: number }>).find((i) => i.id === old.json.id);
    expect(row?.daysWaiting).toBe(75);
    const items = r.json.items as Array<{ collectedOn: string }>;
    expect(items.every((i) => i.collectedOn <= '2025-05-16')).toBe(true);
    const mine = await t.call(haidian, 'GET', '/api/v1/unmatched-demands?year=2025&pageSize=200');
    expect((mine.json.items as Array<{ districtCode: string | null }>).every((i) => i.districtCode === '110108')).toBe(
      true,
    );
    const bad = await t.call(center, 'GET', '/api/v1/unmatched-demands?year=2025&days=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('天数至少为 1');
  });
});
