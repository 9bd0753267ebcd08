// 官方名单 (issue 15 §4, 第七条): the Center imports the official 专精特新 and 企业科协 lists from Excel. A preview shows
// every bad row, the flags that change (before → after) and the stations whose KPIs move, and writes nothing; the
// import writes the list, the flags, history rows naming the list and an audit row, and the station's KPI follows.
// A municipal list never lowers a national enterprise; a registry changed since the preview is refused (409); only
// the Center may import.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKey, verifyAuditChain } from '../../src/server/audit/audit';
import { OfficialListImportReportDto } from '../../src/shared/schemas/official-lists';
import { createTestApp, type TestApp } from '../setup/test-app';
import { bombXlsx } from '../setup/zip-bomb';
import { badCheckUscc, CHINESE, type DemoIds, demoIds, lastAuditSeq, rawRequest, snapshot } from './support/fixtures';
import { freshUscc } from './support/ledger-requests';

let t: TestApp;
let ids: DemoIds;
let staff: string;
let host: string;
let district: string;
/** Enterprises the 海淀 station lists: A key-served, none, contacted in the period; B national. */
const A = freshUscc();
const B = freshUscc();
/** Codes no station lists. */
const C = freshUscc();
const F = freshUscc();

const IMPORT = '/api/v1/official-lists/import';
const HD = () => `/api/v1/stations/${ids.stations.haidian}`;

async function workbook(rows: ReadonlyArray<ReadonlyArray<string | null>>, opts: { title?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(['序号', '企业名称', '统一社会信用代码']);
  rows.forEach((r, i) => {
    ws.addRow([String(i + 1), ...r]);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface ImportOptions {
  kind: 'srdi_municipal' | 'srdi_national' | 'association';
  name?: string;
  effectiveOn?: string;
  dryRun: boolean;
  token?: string;
  cookie?: string;
}

function upload(bytes: Uint8Array, o: ImportOptions) {
  const q = new URLSearchParams({
    kind: o.kind,
    name: o.name ?? '2025年度测试名单',
    effectiveOn: o.effectiveOn ?? '2025-03-01',
    fileName: '名单.xlsx',
    ...(o.dryRun ? { dryRun: '1' } : {}),
    ...(o.token ? { token: o.token } : {}),
  });
  return rawRequest(t, 'POST', `${IMPORT}?${q}`, {
    cookie: o.cookie ?? staff,
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

async function kpi(id: string): Promise<number> {
  const r = await t.call(staff, 'GET', `${HD()}/kpis`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.kpis.find((k: { id: string }) => k.id === id).actual;
}

const enterprise = (uscc: string) =>
  t.deps.db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirstOrThrow();

async function ourTables(): Promise<string> {
  const rows = await Promise.all(
    ['official_lists', 'official_list_entries'].map(async (table) => {
      const r = await sql`select * from ${sql.table(table)} order by id`.execute(t.deps.db);
      return JSON.stringify(r.rows);
    }),
  );
  return rows.join('\n');
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  ids = await demoIds(t);
  staff = await t.login('staff');
  host = await t.login('host');
  district = await t.login('haidian');
  const add = async (uscc: string, srdi: string) => {
    const r = await t.call(host, 'POST', `${HD()}/enterprises`, {
      uscc,
      name: `北京名单测试${uscc.slice(-4)}科技有限公司`,
      districtCode: '110108',
      hasAssociation: false,
      srdi,
      keyServed: true,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  };
  await add(A, 'none');
  await add(B, 'national');
  for (const uscc of [A, B]) {
    const r = await t.call(host, 'POST', `${HD()}/contacts`, { uscc, date: '2025-06-01', mode: 'visit' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
});
afterAll(() => t.close());

describe('the template', () => {
  it('has the two columns as text and a sheet of instructions citing 第七条', async () => {
    const r = await t.call(staff, 'GET', '/api/v1/official-lists/import-template');
    expect(r.status).toBe(200);
    expect(decodeURIComponent(r.res.headers.get('content-disposition') ?? '')).toContain('官方名单导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['官方名单', '填写说明']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['统一社会信用代码', '企业名称']);
    expect(wb.worksheets[0].getCell('A2').numFmt).toBe('@');
    const help = wb.worksheets[1].getColumn(2).values.join('\n');
    expect(help).toContain('第七条');
    expect(help).toContain('不会取消任何企业的标识');
  });
});

describe('a list with bad rows', () => {
  it('is previewed row by row, and neither the preview nor an import changes anything', async () => {
    const before = await snapshot(t);
    const mine = await ourTables();
    const file = await workbook(
      [
        ['北京名单测试另一个名称有限公司', A], // 3: another name: a warning, matched by the code
        ['北京校验位错误有限公司', badCheckUscc(77)], // 4
        ['北京重复有限公司', A.toLowerCase()], // 5: repeated: a warning
        ['', C], // 6: no name
      ],
      { title: '2025年度国家级专精特新“小巨人”企业名单' },
    );
    const r = await upload(file, { kind: 'srdi_national', dryRun: true });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const report = OfficialListImportReportDto.parse(r.json);
    expect(report).toMatchObject({ dryRun: true, ok: false, listId: null });
    expect(report.errors.map((p) => [p.row, p.column, p.message])).toEqual([
      [4, '统一社会信用代码', '统一社会信用代码校验位不正确（GB 32100）'],
      [6, '企业名称', '请填写企业名称'],
    ]);
    expect(report.warnings.map((p) => p.row)).toEqual([3, 5]);
    expect(report.warnings[0].message).toContain('已按统一社会信用代码匹配');

    const refused = await upload(file, { kind: 'srdi_national', dryRun: false, token: report.token });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('第 4 行：统一社会信用代码校验位不正确');
    expect(refused.json.error.issues[0]).toEqual({
      path: 'rows.4.uscc',
      message: '第 4 行：统一社会信用代码校验位不正确（GB 32100）',
    });
    expect(await snapshot(t)).toEqual(before);
    expect(await ourTables()).toBe(mine);
  });

  it('refuses a file that is not Excel, one without the headers, and an import without a preview', async () => {
    const notExcel = await upload(new TextEncoder().encode('统一社会信用代码,企业名称\n'), {
      kind: 'association',
      dryRun: true,
    });
    expect(notExcel.status).toBe(415);
    const bomb = await upload(bombXlsx(300), { kind: 'association', dryRun: true });
    expect(bomb.status).toBe(413);
    expect(bomb.json.error.message).toMatch(CHINESE);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['公司', '代码']);
    const noHeaders = await upload(new Uint8Array(await wb.xlsx.writeBuffer()), { kind: 'association', dryRun: true });
    expect(noHeaders.status).toBe(400);
    expect(noHeaders.json.error.message).toContain('找不到列标题');
    const noToken = await upload(await workbook([['北京名单测试有限公司', A]]), { kind: 'association', dryRun: false });
    expect(noToken.status).toBe(400);
    expect(noToken.json.error.issues).toEqual([{ path: 'token', message: '请先预览，确认预览中的变更后再导入' }]);
    const badDate = await upload(await workbook([['北京名单测试有限公司', A]]), {
      kind: 'association',
      effectiveOn: '2025-02-30',
      dryRun: true,
    });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.json.error)).toMatch(CHINESE);
  });
});

describe('a national list', () => {
  let token = '';
  let srdiBefore = 0;
  let bytes: Uint8Array | null = null;
  // One file, previewed and then imported, as the page sends the file it previewed.
  const file = async () => {
    bytes ??= await workbook([
      [`北京名单测试${A.slice(-4)}科技有限公司`, A],
      [`北京名单测试${B.slice(-4)}科技有限公司`, B],
      ['北京尚未登记科技有限公司', C],
    ]);
    return bytes;
  };

  it('previews the change, the station whose KPI moves, and changes nothing', async () => {
    srdiBefore = await kpi('key_enterprises_srdi');
    const before = await snapshot(t);
    const r = await upload(await file(), {
      kind: 'srdi_national',
      name: '2025年度国家级专精特新“小巨人”企业名单',
      dryRun: true,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const report = OfficialListImportReportDto.parse(r.json);
    token = report.token;
    expect(report.ok).toBe(true);
    expect(report.counts).toMatchObject({ rows: 3, entries: 3, changed: 1, unchanged: 1, unregistered: 1, errors: 0 });
    expect(report.changes).toEqual([
      expect.objectContaining({
        row: 2,
        uscc: A,
        before: { srdi: 'none', hasAssociation: false },
        after: { srdi: 'national', hasAssociation: false },
        kpiCounted: true,
      }),
    ]);
    expect(report.unregistered.map((e) => [e.uscc, e.statusLabel])).toEqual([[C, '未在台账中']]);
    const hd = report.stations.find((s) => s.stationId === ids.stations.haidian)!;
    expect(hd).toMatchObject({ districtName: '海淀区', listed: 1, keyServed: 1 });
    expect(hd.kpis).toEqual([
      expect.objectContaining({
        id: 'key_enterprises_srdi',
        article: '第七条',
        before: srdiBefore,
        after: srdiBefore + 1,
        delta: 1,
      }),
    ]);
    expect(report.rules.join('')).toContain('名单只增加标识');
    expect(await snapshot(t)).toEqual(before);
    expect(await kpi('key_enterprises_srdi')).toBe(srdiBefore);
  });

  it('imports: flags set, history rows naming the list, the KPI follows, one audit row', async () => {
    const seq = await lastAuditSeq(t);
    const r = await upload(await file(), {
      kind: 'srdi_national',
      name: '2025年度国家级专精特新“小巨人”企业名单',
      dryRun: false,
      token,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const listId = r.json.listId as string;
    expect(listId).toBeTruthy();
    expect(r.json).toMatchObject({ dryRun: false, ok: true, counts: { changed: 1 } });

    expect((await enterprise(A)).srdi).toBe('national');
    expect((await enterprise(B)).srdi).toBe('national');
    const history = await t.deps.db
      .selectFrom('enterprise_history')
      .selectAll()
      .where('source_list_id', '=', listId)
      .execute();
    expect(history.map((h) => [h.enterprise_id, h.srdi, h.actor_name])).toEqual([
      [(await enterprise(A)).id, 'none', 'staff'],
    ]);
    expect(await kpi('key_enterprises_srdi')).toBe(srdiBefore + 1);

    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('seq', '>', seq).execute();
    expect(audit.map((a) => [a.entity, a.entity_id, a.action, a.actor_name])).toEqual([
      ['official_list', listId, 'import_official_list', 'staff'],
    ]);
    expect(audit[0].summary).toContain('更新标识 1 家');
    expect(audit[0].summary).toContain('第七条');
    expect((await verifyAuditChain(t.deps.db, auditKey(t.deps.env))).ok).toBe(true);

    // Traceable: the enterprise's history names the list, the list shows its entries, the code finds its lists.
    const lookup = await t.call(staff, 'GET', `/api/v1/enterprises/lookup?uscc=${A}`);
    expect(lookup.status, JSON.stringify(lookup.json)).toBe(200);
    expect(lookup.json.history[0].sourceList).toEqual({
      id: listId,
      name: '2025年度国家级专精特新“小巨人”企业名单',
      kind: 'srdi_national',
      effectiveOn: '2025-03-01',
    });
    const entries = await t.call(staff, 'GET', `/api/v1/official-list-entries?listId=${listId}`);
    expect(entries.status, JSON.stringify(entries.json)).toBe(200);
    expect(entries.json.list).toMatchObject({ id: listId, entries: 3, changed: 1, unregistered: 1 });
    expect(entries.json.items.map((e: { uscc: string; status: string }) => [e.uscc, e.status])).toEqual([
      [A, 'changed'],
      [B, 'unchanged'],
      [C, 'unregistered'],
    ]);
    expect(entries.json.items[0]).toMatchObject({
      before: { srdi: 'none', hasAssociation: false },
      after: { srdi: 'national', hasAssociation: false },
    });
    const byCode = await t.call(staff, 'GET', `/api/v1/official-list-entries?uscc=${A.toLowerCase()}`);
    expect(byCode.json.items.map((e: { listId: string }) => e.listId)).toEqual([listId]);
    const lists = await t.call(staff, 'GET', '/api/v1/official-lists?kind=srdi_national&q=小巨人');
    expect(lists.json).toMatchObject({
      total: 1,
      items: [{ id: listId, kindLabel: '国家级专精特新“小巨人”企业名单' }],
    });
  });

  it('a municipal list does not lower a national enterprise', async () => {
    const file = await workbook([
      ['北京名单测试有限公司', A],
      ['北京名单测试有限公司', B],
    ]);
    const preview = await upload(file, { kind: 'srdi_municipal', dryRun: true });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.counts).toMatchObject({ changed: 0, higherKept: 2, stations: 0 });
    expect(preview.json.unchanged.map((e: { statusLabel: string }) => e.statusLabel)).toEqual([
      '已是国家级，保持不变',
      '已是国家级，保持不变',
    ]);
    const r = await upload(file, { kind: 'srdi_municipal', dryRun: false, token: preview.json.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await enterprise(A)).srdi).toBe('national');
    expect((await enterprise(B)).srdi).toBe('national');
    expect(await kpi('key_enterprises_srdi')).toBe(srdiBefore + 1);
  });
});

describe('an association list', () => {
  it('moves the station’s 企业科协 share as previewed', async () => {
    const shareBefore = await kpi('association_share');
    const file = await workbook([[`北京名单测试${A.slice(-4)}科技有限公司`, A]]);
    const preview = await upload(file, { kind: 'association', name: '2025年度建有企业科协的企业名单', dryRun: true });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    const hd = OfficialListImportReportDto.parse(preview.json).stations.find(
      (s) => s.stationId === ids.stations.haidian,
    )!;
    expect(hd.kpis).toEqual([
      expect.objectContaining({ id: 'association_share', article: '第七条', before: shareBefore, delta: 1 }),
    ]);
    expect(hd.kpis[0].after).toBeGreaterThan(shareBefore);
    expect(hd.kpis[0].denominator).toBeGreaterThan(0);
    const r = await upload(file, {
      kind: 'association',
      name: '2025年度建有企业科协的企业名单',
      dryRun: false,
      token: preview.json.token,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await enterprise(A)).has_association).toBe(1);
    expect((await enterprise(A)).srdi).toBe('national');
    expect(await kpi('association_share')).toBe(hd.kpis[0].after);
  });
});

describe('a registry changed between the preview and the import', () => {
  it('is refused with 409 and nothing is written', async () => {
    const file = await workbook([['北京稍后登记科技有限公司', F]]);
    const preview = await upload(file, { kind: 'association', dryRun: true });
    expect(preview.json.counts).toMatchObject({ unregistered: 1, changed: 0 });
    // A station registers the enterprise meanwhile.
    const added = await t.call(host, 'POST', `${HD()}/enterprises`, {
      uscc: F,
      name: '北京稍后登记科技有限公司',
      districtCode: '110108',
      hasAssociation: false,
      srdi: 'none',
      keyServed: false,
    });
    expect(added.status).toBe(201);
    const before = await snapshot(t);
    const mine = await ourTables();
    const r = await upload(file, { kind: 'association', dryRun: false, token: preview.json.token });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain('企业名录在预览之后已有变动');
    expect(await snapshot(t)).toEqual(before);
    expect(await ourTables()).toBe(mine);
    // Another file with the preview's token is refused the same way: what is imported is what was previewed.
    const other = await workbook([['北京另一家科技有限公司', freshUscc()]]);
    expect((await upload(other, { kind: 'association', dryRun: false, token: preview.json.token })).status).toBe(409);
    // Previewed again, it imports.
    const again = await upload(file, { kind: 'association', dryRun: true });
    expect(again.json.counts).toMatchObject({ changed: 1, unregistered: 0 });
    const ok = await upload(file, { kind: 'association', dryRun: false, token: again.json.token });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect((await enterprise(F)).has_association).toBe(1);
  });
});

describe('who may import', () => {
  it('a district user and a host get 403 and change nothing', async () => {
    const file = await workbook([['北京名单测试有限公司', A]]);
    const before = await snapshot(t);
    for (const cookie of [district, host]) {
      expect((await upload(file, { kind: 'association', dryRun: true, cookie })).status).toBe(403);
      expect((await upload(file, { kind: 'association', dryRun: false, token: 'a'.repeat(64), cookie })).status).toBe(
        403,
      );
      expect((await t.call(cookie, 'GET', '/api/v1/official-lists')).status).toBe(403);
      expect((await t.call(cookie, 'GET', '/api/v1/official-list-entries')).status).toBe(403);
    }
    const after = await snapshot(t);
    // Each refusal is a security event (access_denied) in the audit log; nothing else changes.
    for (const table of Object.keys(before).filter((k) => k !== 'audit_events' && k !== 'audit_head')) {
      expect(after[table], table).toEqual(before[table]);
    }
  });
});
