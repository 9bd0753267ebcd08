// 依托单位批量导入 (issue #10 §3): the template, a preview that lists every problem of every row at once, an import
// that writes all new hosts (with an audit event each) or nothing, and a second import of the same file that creates
// nothing twice. Only roles that may create organisations may use it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKey, verifyAuditChain } from '../../src/server/audit/audit';
import { hostImportReportSchema } from '../../src/shared/schemas/host-import';
import { createTestApp, type TestApp } from '../setup/test-app';
import { fillTemplate, hostWorkbook, TEMPLATE_HEADERS } from './support/empty-install';
import { badCheckUscc, lastAuditSeq, rawRequest, snapshot, validUscc } from './support/fixtures';
import { DOCX, PNG } from './support/ledger-requests';

let t: TestApp;
let staff: string;
/** The demo host of the 海淀 station. */
let zgc: { name: string; uscc: string };
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  staff = await t.login('staff');
  const row = await t.deps.db
    .selectFrom('organizations')
    .select(['name', 'uscc'])
    .where('name', '=', '中关村智能制造创新学会')
    .executeTakeFirstOrThrow();
  zgc = { name: row.name, uscc: row.uscc! };
});
afterAll(() => t.close());

const IMPORT = '/api/v1/organizations/import';
const TEMPLATE = '/api/v1/organizations/import-template';

function upload(cookie: string | null, bytes: Uint8Array, dryRun: boolean, contentType = 'application/octet-stream') {
  return rawRequest(t, 'POST', `${IMPORT}${dryRun ? '?dryRun=1' : ''}`, {
    cookie,
    headers: { 'content-type': contentType },
    body: bytes,
  });
}

async function template(cookie: string): Promise<ArrayBuffer> {
  const r = await t.call(cookie, 'GET', TEMPLATE);
  expect(r.status).toBe(200);
  return r.res.arrayBuffer();
}

describe('the template', () => {
  it('has the Chinese headers, drop-downs for 单位类型 and 所在区, and a sheet of instructions', async () => {
    const r = await t.call(staff, 'GET', TEMPLATE);
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(r.res.headers.get('content-disposition') ?? '')).toContain('依托单位导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['依托单位', '填写说明']);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '单位名称',
      '统一社会信用代码',
      '单位类型',
      '所在区',
      '联系人',
      '联系电话',
      '地址',
    ]);
    expect(ws.getRow(2).values).toEqual([]); // no example row that would be imported
    expect(ws.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ["'填写说明'!$D$2:$D$7"] });
    expect(ws.getCell('D500').dataValidation).toMatchObject({ type: 'list', formulae: ["'填写说明'!$E$2:$E$18"] });
    expect(ws.getCell('B2').numFmt).toBe('@'); // codes stay text
    const help = wb.worksheets[1];
    const col = (c: number) =>
      Array.from({ length: 20 }, (_, i) => help.getCell(i + 2, c).value).filter((v) => v !== null && v !== undefined);
    expect(col(4)).toEqual(['学会', '协会', '联盟', '园区科协', '事业单位（非公益一类）', '高校科协/科研院所科协']);
    expect(col(5)).toHaveLength(17);
    expect(col(5)).toContain('海淀区');
    expect(col(5)[0]).toBe('经开区');
    expect(String(help.getCell('B2').value)).toContain('第 1 行是列标题');
  });

  it('filled in as it is, previews and imports', async () => {
    const file = await fillTemplate(await template(staff), [
      ['北京市模板测试学会', validUscc(8101), '学会', '丰台区', '钱老师', '13900001111', '北京市丰台区'],
    ]);
    const preview = await upload(staff, file, true);
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json).toMatchObject({ ok: true, dryRun: true, total: 1, toCreate: 1, created: 0 });
    expect(preview.json.rows[0]).toMatchObject({ row: 2, districtCode: '110106', hostKind: 'society' });
  });
});

describe('the preview', () => {
  it('lists every problem of every row at once, with row and column, and writes nothing', async () => {
    const before = await snapshot(t);
    const file = await hostWorkbook([
      ['北京市预览测试学会', validUscc(8201), '学会', '海淀区', '周老师', '010-62001234', '北京市海淀区'], // 2 ok
      ['北京市校验位学会', badCheckUscc(8202), '学会', '海淀区', '', '', ''], // 3
      ['', validUscc(8203), '公司', '', '', '', ''], // 4
      ['北京市区名学会', validUscc(8204), '协会', '雄安新区', '', '电话号码', ''], // 5
      ['北京市重复代码学会', validUscc(8201), '联盟', '', '', '', ''], // 6
      [zgc.name, `  ${zgc.uscc.toLowerCase()} `, '学会', '海淀区', '', '', ''], // 7 registered: skipped
      ['中关村另一个学会', zgc.uscc, '学会', '', '', '', ''], // 8
      [zgc.name, validUscc(8208), '学会', '', '', '', ''], // 9
      [null, null, null, null, null, null, null], // 10 blank: left out
      ['北京市小写代码协会', validUscc(8211, '5111000MA').toLowerCase(), 'association', '朝阳', '', '', ''], // 11 ok
    ]);
    const r = await upload(staff, file, true);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const report = hostImportReportSchema.strict().parse(r.json);
    expect(report).toMatchObject({
      dryRun: true,
      ok: false,
      total: 9,
      toCreate: 2,
      toSkip: 1,
      errorRows: 6,
      created: 0,
    });
    expect(report.rows.map((x) => [x.row, x.status])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'skip'],
      [8, 'error'],
      [9, 'error'],
      [11, 'create'],
    ]);
    expect(report.rows.find((x) => x.row === 7)!.note).toBe('已登记，将跳过');
    expect(report.rows.find((x) => x.row === 11)).toMatchObject({
      uscc: validUscc(8211, '5111000MA'),
      hostKind: 'association',
      hostKindLabel: '协会',
      districtCode: '110105',
      districtName: '朝阳区',
    });
    expect(report.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, '统一社会信用代码', '统一社会信用代码校验位不正确（GB 32100）'],
      [4, '单位名称', '请填写单位名称'],
      [
        4,
        '单位类型',
        '无法识别“公司”，应为：学会、协会、联盟、园区科协、事业单位（非公益一类）、高校科协/科研院所科协',
      ],
      [5, '所在区', expect.stringMatching(/^无法识别“雄安新区”，应为：经开区、丰台区、海淀区/)],
      [5, '联系电话', '电话只能包含数字、空格和 + - ( )'],
      [6, '统一社会信用代码', '与第 2 行的统一社会信用代码重复'],
      [8, '统一社会信用代码', `该统一社会信用代码已登记为“${zgc.name}”`],
      [9, '单位名称', `该单位名称已登记，统一社会信用代码为 ${zgc.uscc}`],
    ]);
    expect(await snapshot(t)).toEqual(before);

    // The import of the same file is refused as a whole: one issue per row and field, nothing written.
    const refused = await upload(staff, file, false);
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('validation');
    expect(refused.json.error.message).toBe('文件中有 8 处问题，未导入任何依托单位；请按预览改正后重新上传');
    expect(refused.json.error.issues.slice(0, 2)).toEqual([
      { path: 'rows.3.uscc', message: '第 3 行“统一社会信用代码”：统一社会信用代码校验位不正确（GB 32100）' },
      { path: 'rows.4.name', message: '第 4 行“单位名称”：请填写单位名称' },
    ]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('answers wrong headers with one message naming the missing columns, not a problem per row', async () => {
    const before = await snapshot(t);
    const file = await hostWorkbook(
      [
        ['北京市甲学会', validUscc(8301), '学会'],
        ['北京市乙学会', validUscc(8302), '学会'],
      ],
      ['名字', '代码', '单位类型（第六条）'],
    );
    for (const dryRun of [true, false]) {
      const r = await upload(staff, file, dryRun);
      expect(r.status).toBe(400);
      expect(r.json.error.message).toBe(
        '列标题不正确：缺少“单位名称”、“统一社会信用代码”、“单位类型”列。第 1 行应为：单位名称、统一社会信用代码、单位类型、所在区、联系人、联系电话、地址；请使用下载的导入模板填写',
      );
      expect(r.json.error.issues).toEqual([{ path: 'file', message: r.json.error.message }]);
    }
    // Only the optional columns may be left out; the sheet may have another name.
    const minimal = await hostWorkbook(
      [['北京市丙学会', validUscc(8303), '学会']],
      TEMPLATE_HEADERS.slice(0, 3),
      'Sheet1',
    );
    const ok = await upload(staff, minimal, true);
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json.toCreate).toBe(1);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses what is not an xlsx of hosts: other file types (415), an empty sheet (400), JSON (415)', async () => {
    for (const bytes of [PNG, DOCX, new TextEncoder().encode('单位名称,统一社会信用代码\n')]) {
      const r = await upload(staff, bytes, true);
      expect(r.status).toBe(415);
      expect(r.json.error.message).toContain('仅允许 Excel（.xlsx）');
    }
    const empty = await upload(staff, await hostWorkbook([]), true);
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe('“依托单位”工作表中没有数据：请从第 2 行起每行填写一个依托单位');
    const json = await upload(staff, await hostWorkbook([]), true, 'application/json');
    expect(json.status).toBe(415);
  });
});

describe('the import', () => {
  const rows = () => [
    ['北京市导入测试学会', validUscc(8401), '学会', '海淀区', '周老师', '010-62001234', '北京市海淀区中关村大街 1 号'],
    ['北京市导入测试协会', validUscc(8402), '协会', '朝阳区', '', '', ''],
    ['北京高校导入测试科协', validUscc(8403, '12110000'), '高校科协/科研院所科协', '', '郭老师', '', ''],
    [zgc.name, zgc.uscc, '学会', '海淀区', '', '', ''], // registered: skipped
  ];

  it('creates exactly the new rows, in one transaction, with one audit event each', async () => {
    const file = await hostWorkbook(rows());
    const hostsBefore = await t.deps.db.selectFrom('organizations').select('id').execute();
    const seq = await lastAuditSeq(t);
    const r = await upload(staff, file, false);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(hostImportReportSchema.strict().parse(r.json)).toMatchObject({
      dryRun: false,
      ok: true,
      total: 4,
      toCreate: 3,
      toSkip: 1,
      created: 3,
    });
    const after = await t.deps.db.selectFrom('organizations').selectAll().execute();
    expect(after.length - hostsBefore.length).toBe(3);
    const created = after
      .filter((o) => !hostsBefore.some((b) => b.id === o.id))
      .sort((a, b) => String(a.uscc).localeCompare(String(b.uscc)));
    expect(
      created.map((o) => [o.kind, o.name, o.uscc, o.host_kind, o.district_code, o.contact_name, o.is_active]),
    ).toEqual([
      ['host', '北京高校导入测试科协', validUscc(8403, '12110000'), 'university_association', null, '郭老师', 1],
      ['host', '北京市导入测试学会', validUscc(8401), 'society', '110108', '周老师', 1],
      ['host', '北京市导入测试协会', validUscc(8402), 'association', '110105', null, 1],
    ]);
    const events = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.entity, e.action, e.actor_name])).toEqual(
      Array(3).fill(['organization', 'create', 'staff']),
    );
    expect(events.map((e) => e.entity_id).sort()).toEqual(created.map((o) => o.id).sort());
    expect(events[0].summary).toBe('批量导入依托单位“北京市导入测试学会”（Excel 第 2 行）');
    expect((await verifyAuditChain(t.deps.db, auditKey(t.deps.env))).ok).toBe(true);
    // They are in the organisations list.
    const list = await t.call(staff, 'GET', `/api/v1/organizations?q=${encodeURIComponent('导入测试')}`);
    expect(list.json.total).toBe(3);
  });

  it('a second import of the same file creates nothing: the preview skips every row, the import is refused (409)', async () => {
    const file = await hostWorkbook(rows());
    const before = await snapshot(t);
    const preview = await upload(staff, file, true);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ ok: true, total: 4, toCreate: 0, toSkip: 4, errorRows: 0 });
    expect(preview.json.rows.map((x: { note: string }) => x.note)).toEqual(Array(4).fill('已登记，将跳过'));
    const again = await upload(staff, file, false);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('文件中的 4 个依托单位均已登记，没有需要导入的单位');
    expect(await snapshot(t)).toEqual(before);

    // The file extended by one row imports that row only.
    const more = await upload(
      staff,
      await hostWorkbook([...rows(), ['北京市追加测试联盟', validUscc(8405), '联盟', '', '', '', '']]),
      false,
    );
    expect(more.status, JSON.stringify(more.json)).toBe(200);
    expect(more.json).toMatchObject({ created: 1, toSkip: 4 });
  });
});

describe('who may import', () => {
  it('only the Center: a host, a district, an auditor or an administrator gets 403 and nothing changes', async () => {
    const file = await hostWorkbook([['北京市越权测试学会', validUscc(8501), '学会', '', '', '', '']]);
    const before = await snapshot(t, ['organizations']);
    for (const username of ['host', 'haidian', 'auditor', 'reviewer', 'sysadmin']) {
      const cookie = await t.login(username);
      for (const dryRun of [true, false]) {
        const r = await upload(cookie, file, dryRun);
        expect(r.status, username).toBe(403);
        expect(r.json.error.code).toBe('forbidden');
      }
      expect((await t.call(cookie, 'GET', TEMPLATE)).status, username).toBe(403);
    }
    expect((await upload(null, file, true)).status).toBe(401);
    expect(await snapshot(t, ['organizations'])).toEqual(before);
    // The Center administrator may.
    const center = await t.login('center');
    expect((await upload(center, file, true)).status).toBe(200);
    expect((await t.call(center, 'GET', TEMPLATE)).status).toBe(200);
  });
});
