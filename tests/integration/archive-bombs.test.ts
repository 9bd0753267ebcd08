// Archive bombs are refused cheaply (issue #11; decision 015): an .xlsx or .docx of a few hundred KB that inflates to
// 300 MB reaches neither ExcelJS nor mammoth — every route that opens an uploaded Office file answers 413 with a
// Chinese message, writes nothing, and the server's memory does not take the inflated size. Normal files still pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { bombDocx, bombXlsx } from '../setup/zip-bomb';
import { CHINESE, demoIds, rawRequest, snapshot } from './support/fixtures';
import { ledgerXlsx } from './support/ledger-requests';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
let center: string;
beforeAll(async () => {
  host = await t.login('host');
  center = await t.login('center');
});
const HD = () => `/api/v1/stations/${ids.stations.haidian}`;
const MB = 1024 * 1024;
const WATCHED = ['contacts', 'organizations', 'reports', 'attachments', 'audit_events'] as const;

const ROUTES = [
  { what: '台账 Excel 导入', path: () => `${HD()}/ledger/xlsx?replace=1`, cookie: () => host, file: bombXlsx },
  {
    what: '依托单位批量导入（预览）',
    path: () => '/api/v1/organizations/import?dryRun=1',
    cookie: () => center,
    file: bombXlsx,
  },
  {
    what: 'Word 报告上传',
    path: () => `${HD()}/reports/docx?kind=summary&title=${encodeURIComponent('年度总结')}&fileName=a.docx`,
    cookie: () => host,
    file: bombDocx,
  },
];

async function send(path: string, cookie: string, bytes: Uint8Array) {
  return rawRequest(t, 'POST', path, {
    cookie,
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

describe.each(ROUTES)('$what', ({ path, cookie, file }) => {
  it.each([
    ['that declares its 300 MB', {}],
    ['whose directory declares 4 KB for 300 MB', { declaredSize: 4096 }],
  ])('a bomb %s is refused 413 in Chinese, nothing written, without the memory', async (_label, opts) => {
    const bomb = file(300, opts);
    expect(bomb.byteLength).toBeLessThan(400 * 1024);
    const before = await snapshot(t, WATCHED);
    const rss = process.memoryUsage().rss;
    const r = await send(path(), cookie(), bomb);
    const grown = process.memoryUsage().rss - rss;
    expect(r.status, JSON.stringify(r.json)).toBe(413);
    expect(r.json.error.code).toBe('payload_too_large');
    expect(r.json.error.message).toMatch(CHINESE);
    expect(r.json.error.message).toContain('解压后过大');
    expect(await snapshot(t, WATCHED)).toEqual(before);
    // ExcelJS took +344 MB for this file; the guard inflates at most one piece at a time
    expect(grown).toBeLessThan(64 * MB);
  });
});

describe('normal files still pass the guard', () => {
  it('a station’s ledger workbook is read (dry run)', async () => {
    const r = await send(`${HD()}/ledger/xlsx?replace=1&dryRun=1`, host, await ledgerXlsx(t, ids.stations.haidian));
    expect(r.status, JSON.stringify(r.json).slice(0, 400)).toBe(200);
    expect(r.json.ok).toBe(true);
  });
});
