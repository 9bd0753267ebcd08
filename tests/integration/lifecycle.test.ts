// The project lifecycle through the API (issue #4): application → district recommendation → review with a recused
// reviewer → approval within the quota → agreement (Word) and signing → a change request with versions and diffs →
// year-end reports → acceptance (Word). Each refusal is checked for its 409 and the article it cites.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/server/jobs';
import { createTestApp, type TestApp } from '../setup/test-app';
import { onboard } from './support/accounts';
import { demoIds } from './support/fixtures';
import { DOCX, PNG } from './support/ledger-requests';
import { completeForm, openCall2026, scoreAll, upload } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

let center: string;
let staff: string;
let host: string;
let haidian: string;
let callId: string;
beforeAll(async () => {
  center = await t.login('center');
  staff = await t.login('staff');
  host = await t.login('host');
  haidian = await t.login('haidian');
  callId = await openCall2026(t, center);
});

const docText = async (res: Response) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value;

describe('the whole path of one district station', () => {
  let appId = '';
  let version = 0;
  let projectId = '';
  let stationId = '';

  it('a draft saves incomplete; submitting names every gap and changes nothing', async () => {
    const c = await t.call(host, 'POST', '/api/v1/applications', {
      callId,
      form: { stationName: '海淀区科技创新工作站', stationType: 'district_a', districtCode: '110108' },
    });
    expect(c.status, JSON.stringify(c.json)).toBe(201);
    expect(c.json).toMatchObject({ status: 'draft', statusLabel: '草稿', actions: ['submit', 'withdraw'] });
    appId = c.json.id;
    version = c.json.version;
    const s = await t.call(host, 'POST', `/api/v1/applications/${appId}/submit`, { version });
    expect(s.status).toBe(400);
    const paths = s.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['leaderName', 'budgetFen', 'files.application_form', 'files.work_plan']),
    );
    // The plan starts at the year's targets (第七条), so no target is a gap.
    expect(paths.filter((p: string) => p.startsWith('targets.'))).toEqual([]);
    expect(c.json.form.targets.events).toBe(4);
    const after = await t.call(host, 'GET', `/api/v1/applications/${appId}`);
    expect(after.json).toMatchObject({ status: 'draft', version });
  });

  it('a budget one fen over the funding is named with the article; the complete form submits', async () => {
    const form = completeForm('district_a', '110108', '海淀区科技创新工作站');
    const over = { ...form, budgetFen: { ...form.budgetFen, other: (form.budgetFen!.other ?? 0) + 1 } };
    const u = await t.call(host, 'PUT', `/api/v1/applications/${appId}`, { version, form: over });
    expect(u.status, JSON.stringify(u.json)).toBe(200);
    version = u.json.version;
    expect(u.json.gaps.find((g: { path: string }) => g.path === 'budgetFen').message).toContain('第六条');
    const ok = await t.call(host, 'PUT', `/api/v1/applications/${appId}`, { version, form });
    version = ok.json.version;
    const f1 = await upload(
      t,
      host,
      `/api/v1/applications/${appId}/files?purpose=application_form&fileName=申报书.png`,
      PNG,
    );
    expect(f1.status).toBe(201);
    const f2 = await upload(t, host, `/api/v1/applications/${appId}/files?purpose=work_plan&fileName=方案.docx`, DOCX);
    expect(f2.json.gaps).toEqual([]);
    const s = await t.call(host, 'POST', `/api/v1/applications/${appId}/submit`, { version: f2.json.version });
    expect(s.status, JSON.stringify(s.json)).toBe(200);
    expect(s.json.status).toBe('submitted');
    version = s.json.version;
    // Submitted: the form is closed to edits.
    const edit = await t.call(host, 'PUT', `/api/v1/applications/${appId}`, { version, form });
    expect(edit.status).toBe(409);
    expect(edit.json.error.message).toContain('第十条');
  });

  it('the district sends back with a reason, the host resubmits, the district recommends (第六条)', async () => {
    const noReason = await t.call(haidian, 'POST', `/api/v1/applications/${appId}/return`, { version, reason: '' });
    expect(noReason.status).toBe(409);
    const back = await t.call(haidian, 'POST', `/api/v1/applications/${appId}/return`, {
      version,
      reason: '请补充合作企业名单',
    });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ status: 'returned', returnReason: '请补充合作企业名单' });
    const again = await t.call(host, 'POST', `/api/v1/applications/${appId}/submit`, { version: back.json.version });
    expect(again.json.status).toBe('submitted');
    const rec = await t.call(haidian, 'POST', `/api/v1/applications/${appId}/recommend`, {
      version: again.json.version,
      opinion: '同意推荐',
    });
    expect(rec.status, JSON.stringify(rec.json)).toBe(200);
    expect(rec.json).toMatchObject({ status: 'recommended', districtOpinion: '同意推荐' });
    version = rec.json.version;
  });

  it('a reviewer employed by the applicant is refused; a declared conflict recuses; review starts with three', async () => {
    const pool = await t.call(center, 'GET', '/api/v1/reviewers');
    const byName = (u: string) => pool.json.items.find((x: { username: string }) => x.username === u).id;
    const blocked = await t.call(center, 'POST', `/api/v1/applications/${appId}/reviewers`, {
      reviewerIds: [byName('reviewer4')],
    });
    expect(blocked.status).toBe(400);
    expect(blocked.json.error.issues[0].message).toContain('第十条');
    const ok = await t.call(center, 'POST', `/api/v1/applications/${appId}/reviewers`, {
      reviewerIds: ['reviewer', 'reviewer2', 'reviewer3', 'reviewer5'].map(byName),
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json.items).toHaveLength(4);

    // reviewer5 declares a conflict and is recused: it can no longer score.
    const r5 = await t.login('reviewer5');
    const mine = (await t.call(r5, 'GET', '/api/v1/review-assignments')).json.items[0];
    const d = await t.call(r5, 'POST', `/api/v1/review-assignments/${mine.id}/declaration`, {
      version: mine.version,
      hasConflict: true,
      note: '曾在申报单位兼职',
    });
    expect(d.json).toMatchObject({ status: 'recused', statusLabel: '已回避' });
    const score = await t.call(r5, 'POST', `/api/v1/review-assignments/${mine.id}/score`, {
      version: d.json.version,
      scores: { basis: 30, plan: 40, budget: 20, feature: 10 },
      comment: '试图在回避后评分',
    });
    expect(score.status).toBe(409);
    expect(score.json.error.message).toContain('第十条');

    const start = await t.call(staff, 'POST', `/api/v1/applications/${appId}/start-review`, { version });
    expect(start.status, JSON.stringify(start.json)).toBe(200);
    expect(start.json.status).toBe('under_review');
    version = start.json.version;
  });

  it('a reviewer sees only its assignment and no one else’s score; the recused score never counts', async () => {
    const r1 = await t.login('reviewer');
    const list = await t.call(r1, 'GET', '/api/v1/applications');
    expect(list.json.items.map((a: { id: string }) => a.id)).toEqual([appId]);
    expect((await t.call(r1, 'GET', `/api/v1/applications/${appId}/reviews`)).json.items).toHaveLength(1);
    // Approval before the reviews are in is refused.
    const early = await t.call(center, 'POST', '/api/v1/applications/approve', { items: [{ id: appId, version }] });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('评审尚未完成');
    await scoreAll(t, appId, ['reviewer', 'reviewer2', 'reviewer3'], [90, 80, 73]);
    const detail = await t.call(center, 'GET', `/api/v1/applications/${appId}`);
    expect(detail.json.averageScore).toBe(81);
    expect(detail.json.scoredCount).toBe(3);
    // Only the Center sees scores: not the applicant, not its district, not a reviewer.
    for (const cookie of [host, haidian, r1]) {
      expect((await t.call(cookie, 'GET', `/api/v1/applications/${appId}`)).json).toMatchObject({ averageScore: null });
      const list = (await t.call(cookie, 'GET', '/api/v1/applications')).json.items;
      expect(list.find((a: { id: string }) => a.id === appId)).toMatchObject({ averageScore: null, scoredCount: 0 });
    }
    const ranking = await t.call(center, 'GET', '/api/v1/applications/ranking?year=2026');
    const a = ranking.json.types.find((x: { type: string }) => x.type === 'district_a');
    expect(a.items[0]).toMatchObject({ id: appId, averageScore: 81, rank: 1 });
    version = detail.json.version;
  });

  it('approval creates the station, the project and agreement version 1, as Word', async () => {
    const r = await t.call(center, 'POST', '/api/v1/applications/approve', { items: [{ id: appId, version }] });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    ({ projectId, stationId } = r.json.approved[0]);
    const p = await t.call(host, 'GET', `/api/v1/projects/${projectId}`);
    expect(p.json).toMatchObject({ status: 'agreement_pending', agreementVersion: 1, actions: [] });
    expect(p.json.terms.budgetFen.consulting).toBe(6_000_000);
    const doc = await t.call(host, 'GET', `/api/v1/projects/${projectId}/agreement.docx`);
    expect(doc.status).toBe(200);
    const text = await docText(doc.res);
    expect(text).toContain('项目合作协议');
    expect(text).toContain('海淀区科技创新工作站');
    expect(text).toContain('60,000.00 元');
    const station = await t.call(host, 'GET', `/api/v1/stations/${stationId}`);
    expect(station.json.name).toBe('海淀区科技创新工作站');
  });

  it('signing needs the scan first (第十条); then the project is in progress', async () => {
    let p = (await t.call(center, 'GET', `/api/v1/projects/${projectId}`)).json;
    const early = await t.call(center, 'POST', `/api/v1/projects/${projectId}/sign`, {
      version: p.version,
      hostSignedOn: '2025-06-14',
      centerSignedOn: '2025-06-15',
    });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('扫描件');
    const scan = await upload(t, center, `/api/v1/projects/${projectId}/signed-scan?fileName=协议.png`, PNG);
    expect(scan.status).toBe(201);
    p = scan.json;
    const s = await t.call(center, 'POST', `/api/v1/projects/${projectId}/sign`, {
      version: p.version,
      hostSignedOn: '2025-06-14',
      centerSignedOn: '2025-06-15',
    });
    expect(s.status, JSON.stringify(s.json)).toBe(200);
    expect(s.json).toMatchObject({ status: 'in_progress', hostSignedOn: '2025-06-14' });
  });

  it('a change request without the paper scan is refused; approved, it makes version 2 with a diff', async () => {
    const p = (await t.call(host, 'GET', `/api/v1/projects/${projectId}`)).json;
    const terms = {
      ...p.terms,
      leaderName: '赵主任',
      budgetFen: { ...p.terms.budgetFen, consulting: 5_900_000, meeting: p.terms.budgetFen.meeting + 100_000 },
    };
    const badTotal = await t.call(host, 'POST', `/api/v1/projects/${projectId}/change-requests`, {
      title: '调整预算',
      reason: '会议规模扩大，需要调整预算',
      effectiveOn: '2026-02-01',
      terms: { ...terms, budgetFen: { ...terms.budgetFen, other: terms.budgetFen.other + 1 } },
    });
    expect(badTotal.status).toBe(400);
    expect(badTotal.json.error.issues[0]).toMatchObject({ path: 'terms.budgetFen' });
    const c = await t.call(host, 'POST', `/api/v1/projects/${projectId}/change-requests`, {
      title: '调整负责人和预算',
      reason: '原负责人工作调动，会议规模扩大',
      effectiveOn: '2026-02-01',
      terms,
    });
    expect(c.status, JSON.stringify(c.json)).toBe(201);
    expect(c.json.changes.map((x: { path: string }) => x.path)).toEqual([
      'leaderName',
      'budgetFen.consulting',
      'budgetFen.meeting',
    ]);
    const noPaper = await t.call(host, 'POST', `/api/v1/change-requests/${c.json.id}/submit`, {
      version: c.json.version,
    });
    expect(noPaper.status).toBe(409);
    expect(noPaper.json.error.message).toContain('纸质说明');
    const paper = await upload(t, host, `/api/v1/change-requests/${c.json.id}/paper?fileName=说明.png`, PNG);
    expect(paper.status).toBe(201);
    const sub = await t.call(host, 'POST', `/api/v1/change-requests/${c.json.id}/submit`, {
      version: paper.json.version,
    });
    expect(sub.json.status).toBe('submitted');
    // One open request at a time: a second one waits for this decision.
    const second = await t.call(host, 'POST', `/api/v1/projects/${projectId}/change-requests`, {
      title: '另一项调整',
      reason: '同时提出的另一项调整',
      effectiveOn: '2026-02-01',
      terms: { ...p.terms, contactName: '新联系人' },
    });
    expect(second.status).toBe(409);
    expect(second.json.error.message).toContain('未完成的工作调整申请');
    // Nothing relies on an unapproved change.
    expect((await t.call(host, 'GET', `/api/v1/stations/${stationId}`)).json.leaderName).toBe('王主任');
    const ap = await t.call(center, 'POST', `/api/v1/change-requests/${c.json.id}/approve`, {
      version: sub.json.version,
      reason: '同意',
    });
    expect(ap.status, JSON.stringify(ap.json)).toBe(200);
    const after = (await t.call(host, 'GET', `/api/v1/projects/${projectId}`)).json;
    expect(after.versions.map((v: { versionNo: number; inForce: boolean }) => [v.versionNo, v.inForce])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(after).toMatchObject({ agreementVersion: 2, inForceVersion: 1 });
    expect(after.termsInForce.leaderName).toBe('王主任');
    expect(after.terms.leaderName).toBe('赵主任');
    // Approved, but it takes effect on 1 February: until then the station keeps version 1's leader.
    expect((await t.call(host, 'GET', `/api/v1/stations/${stationId}`)).json.leaderName).toBe('王主任');
    expect((await runScheduledJobs(t.deps)).applied).toBe(0);
    t.clock.set('2026-02-01T01:00:00.000Z');
    expect((await runScheduledJobs(t.deps)).applied).toBe(1);
    expect((await runScheduledJobs(t.deps)).applied).toBe(0);
    t.clock.set('2025-06-15T02:00:00.000Z');
    host = await t.login('host');
    center = await t.login('center');
    expect((await t.call(host, 'GET', `/api/v1/stations/${stationId}`)).json.leaderName).toBe('赵主任');
    expect((await t.call(host, 'GET', `/api/v1/projects/${projectId}`)).json.inForceVersion).toBe(2);
    const diff = await t.call(host, 'GET', `/api/v1/projects/${projectId}/diff?from=1&to=2`);
    expect(diff.json.items).toContainEqual({ path: 'leaderName', label: '负责人', before: '王主任', after: '赵主任' });
    const v1 = await docText((await t.call(host, 'GET', `/api/v1/projects/${projectId}/agreement.docx?version=1`)).res);
    expect(v1).toContain('王主任');
    expect(v1).not.toContain('赵主任');
  });

  it('reports go in only with the summary and the final accounts (第十二条); acceptance is recorded (第十三条)', async () => {
    let p = (await t.call(host, 'GET', `/api/v1/projects/${projectId}`)).json;
    const early = await t.call(host, 'POST', `/api/v1/projects/${projectId}/submit-reports`, { version: p.version });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('总结报告');
    for (const [kind, title, text] of [
      ['summary', '年度总结', '本年度站点举办活动四场，服务企业五十家。'],
      ['final_accounts', '决算报告', '本年度经费支出情况如下。'],
    ]) {
      const r = await t.call(host, 'POST', `/api/v1/stations/${stationId}/reports`, {
        kind,
        title,
        submittedOn: '2025-06-15',
        text,
      });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    }
    p = (await t.call(host, 'GET', `/api/v1/projects/${projectId}`)).json;
    const sub = await t.call(host, 'POST', `/api/v1/projects/${projectId}/submit-reports`, { version: p.version });
    expect(sub.status, JSON.stringify(sub.json)).toBe(200);
    expect(sub.json.status).toBe('reports_submitted');
    const sheet = await t.call(center, 'GET', `/api/v1/projects/${projectId}/acceptance`);
    expect(sheet.status).toBe(200);
    expect(sheet.json.kpis.find((k: { id: string }) => k.id === 'report_summary')).toMatchObject({ met: true });
    expect(sheet.json.kpis.find((k: { id: string }) => k.id === 'events')).toMatchObject({ met: false, actual: 0 });
    expect(sheet.json.reports.find((r: { kind: string }) => r.kind === 'summary')).toMatchObject({ present: true });
    const staffTry = await t.call(staff, 'POST', `/api/v1/projects/${projectId}/acceptance`, {
      version: sub.json.version,
      decision: 'accept',
    });
    expect(staffTry.status).toBe(403);
    const noReason = await t.call(center, 'POST', `/api/v1/projects/${projectId}/acceptance`, {
      version: sub.json.version,
      decision: 'fail_acceptance',
    });
    expect(noReason.status).toBe(409);
    const d = await t.call(center, 'POST', `/api/v1/projects/${projectId}/acceptance`, {
      version: sub.json.version,
      decision: 'accept_after_rectification',
      comment: '活动场次不足，限期整改',
    });
    expect(d.status, JSON.stringify(d.json)).toBe(200);
    expect(d.json).toMatchObject({
      status: 'accepted_after_rectification',
      acceptanceComment: '活动场次不足，限期整改',
    });
    const doc = await docText((await t.call(center, 'GET', `/api/v1/projects/${projectId}/acceptance.docx`)).res);
    expect(doc).toContain('验收表');
    expect(doc).toContain('整改后通过');
    expect(doc).toContain('未达标');
  });

  it('every transition is in the audit trail with its article', async () => {
    const rows = await t.deps.db
      .selectFrom('audit_events')
      .select(['entity', 'action', 'summary'])
      .where('entity_id', 'in', [appId, projectId])
      .execute();
    const want = [
      'submit',
      'return',
      'recommend',
      'start_review',
      'approve',
      'sign',
      'agreement_version',
      'submit_reports',
      'accept_after_rectification',
    ];
    for (const action of want) {
      const r = rows.find((x) => x.action === action);
      expect(r, action).toBeDefined();
      expect(r!.summary, action).toMatch(/第[一二三四五六七八九十]+条/);
    }
  });

  it('history: a later application shows this year’s result to reviewers (第十三条)', async () => {
    const h = await t.call(center, 'GET', `/api/v1/applications/${appId}`);
    expect(h.json.history).toContainEqual(expect.objectContaining({ programYear: 2025, result: expect.any(String) }));
    expect(ids.orgs.haidianHost).toBe(h.json.hostOrgId);
  });
});

describe('the reviewer pool', () => {
  it('an account administrator records a reviewer’s employer; assigning it to its employer’s application is refused', async () => {
    const sys = await t.login('sysadmin');
    const host = await t.deps.db
      .selectFrom('organizations')
      .select(['uscc', 'name'])
      .where('id', '=', ids.orgs.haidianHost)
      .executeTakeFirstOrThrow();
    // The account as 三员分立 makes it (decision 018): opened, its holder's own password, the reviewer role.
    const expertId = await onboard(t, { username: 'expert-zhang', displayName: '张专家', role: 'reviewer' });
    const { version } = (await t.call(sys, 'GET', `/api/v1/users/${expertId}`)).json;
    const employer = (name: string, uscc: string) => ({
      version,
      displayName: '张专家',
      isActive: true,
      employerName: name,
      employerUscc: uscc,
    });
    const bad = await t.call(sys, 'PUT', `/api/v1/users/${expertId}`, employer(host.name, '91110108MA01ABCD2Y'));
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0]).toMatchObject({ path: 'employerUscc' });
    const ok = await t.call(sys, 'PUT', `/api/v1/users/${expertId}`, employer('另一家单位', host.uscc!.toLowerCase()));
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json).toMatchObject({ employerName: '另一家单位', employerUscc: host.uscc });
    // The 海淀 host's application (approved above) is set back under review directly, to aim an assignment at it.
    const app = await t.deps.db
      .selectFrom('applications')
      .select('id')
      .where('host_org_id', '=', ids.orgs.haidianHost)
      .executeTakeFirstOrThrow();
    await t.deps.db.updateTable('applications').set({ status: 'under_review' }).where('id', '=', app.id).execute();
    const r = await t.call(center, 'POST', `/api/v1/applications/${app.id}/reviewers`, {
      reviewerIds: [expertId],
    });
    expect(r.status).toBe(400);
    expect(r.json.error.issues[0].message).toContain('任职于申报单位');
    // The picker knows before anyone tries (issue 14): the same sentence beside the reviewer, nothing for the others.
    const pool = await t.call(center, 'GET', `/api/v1/reviewers?applicationId=${app.id}`);
    expect(pool.status).toBe(200);
    const items = pool.json.items as { id: string; conflict: string | null }[];
    expect(items.find((x) => x.id === expertId)?.conflict).toBe(r.json.error.issues[0].message);
    // (a demo reviewer may work for the same host: any other flag names the same reason)
    expect(items.some((x) => x.conflict === null)).toBe(true);
    for (const x of items) if (x.conflict) expect(x.conflict).toMatch(/任职于申报单位.*须回避（第十条）/);
    const plain = await t.call(center, 'GET', '/api/v1/reviewers');
    expect((plain.json.items as { conflict: string | null }[]).every((x) => x.conflict === null)).toBe(true);
  });
});
