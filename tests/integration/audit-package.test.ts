// 第三方审计包 (issue #5, 第十二条): an auditor assigned to a station downloads its package — the ledger as JSON and
// Excel, the final accounts, every voucher and evidence file, the reports, the agreement versions, the station's
// audit trail, and a manifest with the SHA-256 of each file — and `bin/qianqi verify-package` accepts it, and names
// a file that was altered, removed or added.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/server/features/audit-package/manifest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { centralDirectory } from '../setup/zip-directory';
import { demoIds, rawRequest } from './support/fixtures';
import { PNG } from './support/ledger-requests';
import { hostAccountFor, upload } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
const dir = mkdtempSync(join(tmpdir(), 'qianqi-package-'));
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

let auditor: string;
let zip: Uint8Array;
const CY = () => `/api/v1/stations/${ids.stations.chaoyang}`;

function verify(bytes: Uint8Array, name: string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync('bin/qianqi', ['verify-package', file], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  auditor = await t.login('auditor');
  // The 朝阳 host books an expense with a voucher, so that the package has a voucher file to carry.
  const station = await t.deps.db
    .selectFrom('stations')
    .select('host_org_id')
    .where('id', '=', ids.stations.chaoyang)
    .executeTakeFirstOrThrow();
  const cookie = await hostAccountFor(t, station.host_org_id, 'chaoyang_host');
  const v = await upload(t, cookie, `${CY()}/expense-vouchers?fileName=${encodeURIComponent('发票.png')}`, PNG);
  expect(v.status).toBe(201);
  const b = await t.call(cookie, 'POST', `${CY()}/expenses`, {
    date: '2025-06-01',
    category: 'activity',
    item: 'printing',
    amountFen: 88_000,
    amountIs: 'gross',
    source: 'grant',
    payee: { kind: 'organization', name: '北京某印务有限公司' },
    purpose: '审计包测试印刷',
    vouchers: [{ attachmentId: v.json.attachmentId, kind: 'invoice' }],
  });
  expect(b.status, JSON.stringify(b.json)).toBe(201);
});

describe('the audit package', () => {
  it('the assigned auditor downloads it; it holds the ledger, the money, the files, the trail and a manifest', async () => {
    const r = await rawRequest(t, 'GET', `${CY()}/audit-package`, { cookie: auditor });
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toBe('application/zip');
    zip = new Uint8Array(await r.res.arrayBuffer());
    const entries = unzipSync(zip);
    const names = Object.keys(entries);
    for (const want of [
      '台账/台账.json',
      '台账/台账.xlsx',
      '经费/决算报告.xlsx',
      '经费/决算报告.docx',
      'manifest.json',
    ]) {
      expect(names).toContain(want);
    }
    expect(names.some((n) => n.startsWith('协议/项目合作协议-第1版'))).toBe(true);
    expect(names.some((n) => n.startsWith('审计日志/'))).toBe(true);
    expect(names.some((n) => n.startsWith('活动佐证/'))).toBe(true);
    const ledger = JSON.parse(new TextDecoder().decode(entries['台账/台账.json']));
    expect(ledger.format).toBe('qianqi-ledger/1');
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      names.filter((n) => n !== 'manifest.json').sort(),
    );
    for (const f of manifest.files as Array<{ path: string; sha256: string }>) {
      expect(f.sha256).toBe(sha256Hex(entries[f.path]));
    }
    // Making a package is audited with the manifest's hash, which verify-package prints.
    const row = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'export_audit_package')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.actor_name).toBe('auditor');
    expect(row.summary).toContain(sha256Hex(entries['manifest.json']));
  });

  it("Debian's unzip lists the Chinese entry names as they are; every entry is Unix-made, 0644, flagged UTF-8", () => {
    const file = join(dir, '审计包.zip');
    writeFileSync(file, zip);
    // No skip when unzip is missing: spawnSync then reports an error and the test fails.
    const r = spawnSync('/usr/bin/unzip', ['-l', file], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    // `unzip -l`: "  Length      Date    Time    Name", a dashed rule, one line per entry, a dashed rule, the total.
    const lines = r.stdout.split('\n');
    const first = lines.findIndex((l) => l.startsWith('---------'));
    const last = lines.findIndex((l, i) => i > first && l.startsWith('---------'));
    const listed = lines.slice(first + 1, last).map((l) => l.replace(/^\s*\d+\s+\S+\s+\S+\s{3}/, ''));
    expect(listed.sort()).toEqual(Object.keys(unzipSync(zip)).sort());
    for (const want of [
      '台账/台账.json',
      '台账/台账.xlsx',
      '经费/决算报告.xlsx',
      '经费/决算报告.docx',
      '审计日志/站点操作记录.json',
    ]) {
      expect(listed).toContain(want);
    }
    expect(listed.some((n) => /^协议\/项目合作协议-第1版\.docx$/.test(n))).toBe(true);

    const entries = centralDirectory(zip);
    expect(entries.length).toBe(listed.length);
    for (const e of entries) {
      expect(e.host, e.name).toBe(3);
      expect(e.flags & 0x0800, e.name).toBe(0x0800);
      expect(e.localFlags & 0x0800, e.name).toBe(0x0800);
      expect(e.mode, e.name).toBe(0o100644);
    }
  });

  it('carries the voucher of a booked expense with the expense in the ledger', async () => {
    const entries = unzipSync(zip);
    const ledger = JSON.parse(new TextDecoder().decode(entries['台账/台账.json']));
    const x = ledger.expenses.find((e: { purpose?: string }) => e.purpose === '审计包测试印刷');
    expect(x).toBeDefined();
    const voucher = Object.keys(entries).find((n) => n.startsWith(`支出凭证/${x.id}-发票-`));
    expect(voucher).toBeDefined();
    expect(Array.from(entries[voucher!])).toEqual(Array.from(PNG));
  });

  it('verify-package accepts it and names an altered, a removed and an added file', () => {
    const ok = verify(zip, 'ok.zip');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('校验通过');

    const entries = unzipSync(zip);
    const altered = { ...entries, '台账/台账.json': strToU8('{"format":"qianqi-ledger/1"}') };
    const a = verify(zipSync(altered), 'altered.zip');
    expect(a.code).toBe(1);
    expect(a.err).toContain('内容已被修改：台账/台账.json');

    const { '经费/决算报告.xlsx': _gone, ...rest } = entries;
    const m = verify(zipSync({ ...rest, '新增说明.txt': strToU8('补充') }), 'missing.zip');
    expect(m.code).toBe(1);
    expect(m.err).toContain('文件缺失：经费/决算报告.xlsx');
    expect(m.err).toContain('清单中没有的文件：新增说明.txt');

    const bad = verify(strToU8('not a zip'), 'bad.zip');
    expect(bad.code).toBe(2);
  });

  it('the auditor gets 404 for a station it is not assigned; a host and a district user may not export (403)', async () => {
    const other = await rawRequest(t, 'GET', `/api/v1/stations/${ids.stations.haidian}/audit-package`, {
      cookie: auditor,
    });
    expect(other.status).toBe(404);
    for (const who of ['host', 'haidian']) {
      const cookie = await t.login(who);
      const r = await rawRequest(t, 'GET', `/api/v1/stations/${ids.stations.haidian}/audit-package`, { cookie });
      expect(r.status).toBe(403);
    }
  });
});
