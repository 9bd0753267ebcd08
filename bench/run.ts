/**
 * `npm run bench`: measures what docs/architecture.md budgets and prints each figure beside its budget; writes the tables
 * to docs/benchmarks.md. Never used as a pass/fail test (speed varies by machine); it reports.
 *
 * General part: page weight of the sign-in page and of the shell with the Center home page (real Chromium), and the
 * HTTP latency/throughput of the station list on the demo data.
 * KPI part (issue #3, item 7; bench/kpi.ts): the all-stations KPI matrix, one station's KPIs over HTTP and its
 * throughput, at 1× and 100× Beijing 2025 (bench/generate.ts), on SQLite and on PostgreSQL when one is reachable
 * (BENCH_PG_URL, else postgres://postgres@127.0.0.1:5432/).
 *
 *   npm run bench                               everything (KPI at 1× and 100×, both engines)
 *   npm run bench -- --kpi --scale=1,100        only the KPI part, at the given scales
 *   npm run bench -- --kpi --engine=sqlite      only SQLite (or postgres)
 *   npm run bench -- --general                  only the general part
 *   npm run bench -- --matching --scale=1,100   only the matching part (issue #15)
 *   npm run bench -- --out-of-period --scale=1  only (d) of the KPI part: a station with 12,700 out-of-period contacts
 *   --explain   print where the time goes (statements, plan of the slowest) even when every goal is met
 *   --keep      keep the generated databases (SQLite files in the temp dir, PostgreSQL `qianqi_bench`)
 * A run of some scales or engines replaces only their columns in docs/benchmarks.md; the others stay as measured.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { defaultPgUrl, type Generated, generate, OUT_OF_PERIOD_CONTACTS, pgReachable } from './generate';
import {
  CONCURRENCY,
  HTTP_REQUESTS,
  type KpiResult,
  MATRIX_RUNS,
  measureHttp,
  measureMatrix,
  measureOutOfPeriod,
  OUT_OF_PERIOD_RUNS,
  percentile,
  signIn,
  startServer,
  stopServer,
  THROUGHPUT_SECONDS,
  throughput,
  timeRequests,
  whereTimeGoes,
} from './kpi';
import { MATCH_SAMPLE, type MatchingFigures, measureMatching } from './matching';
import { measureWire, NOT_FOR_HOST, PROFILE_4G, WIRE_PAGES, type WireResult } from './wire';

interface Row {
  what: string;
  value: string;
  budget: string;
  ok: boolean | null;
}

const DOC = 'docs/benchmarks.md';
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✅' : '❌');
const today = () => new Date().toISOString().slice(0, 10);

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

// ---------------------------------------------------------------------------------------------------------------
// General part

const RUNS = 3;

/** The rows of the wire part, in the order printed; a run without Chromium or dist/ copies them from the last one. */
const WIRE_ROWS = [
  ...WIRE_PAGES.flatMap((p) => [`${p.name}：JavaScript（线上字节）`, `${p.name}：可操作时间（4G）`]),
  '主持单位页面不加载 ECharts / exceljs',
];

interface WireNotes {
  /** the five largest scripts per page, for docs/benchmarks.md */
  largest: string[];
}

/**
 * Issue 16: what each page costs a phone on first visit, measured by Chromium's network layer on the 4G profile.
 * Bytes are those of the first run (the same build sends the same bytes); the time is the median of RUNS runs.
 */
async function wireFigures(base: string, rows: Row[]): Promise<WireNotes | null> {
  if (!existsSync('dist/index.html') || !existsSync('/usr/bin/chromium')) return null;
  const cookies = new Map<string, string>();
  for (const u of new Set(WIRE_PAGES.map((p) => p.user).filter((u): u is string => !!u))) {
    cookies.set(u, await signIn(base, u));
  }
  const r = await fetch(`${base}/api/v1/stations?year=2025&pageSize=5`, {
    headers: { cookie: cookies.get('host') ?? '' },
  });
  const stationId = ((await r.json()) as { items: Array<{ id: string }> }).items[0].id;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const largest: string[] = [];
  let hostLoadsHeavy: string[] = [];
  try {
    for (const spec of WIRE_PAGES) {
      const runs: WireResult[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureWire(spec, { browser, base, cookies, stationId }));
      const first = runs[0];
      const times = runs.map((x) => x.usableMs).sort((x, y) => x - y);
      const median = times[Math.floor(times.length / 2)];
      // A form opened on its page downloads its own code on the tap; the page's bytes are the page's row (decision 029).
      const before = first.beforeTapJsBytes;
      const bytes = before === undefined ? first.jsBytes : first.jsBytes - before;
      rows.push({
        what: `${spec.name}：JavaScript（线上字节）`,
        value:
          before === undefined
            ? `${kb(first.jsBytes)}（${first.scripts.length} 个文件；页面共 ${kb(first.allBytes)}）`
            : `${kb(bytes)}（点按后下载 ${first.tapScripts?.length} 个文件；此前页面 ${kb(before)}，合计 ${kb(first.jsBytes)}）`,
        budget: `≤ ${kb(spec.jsBudget)}`,
        ok: bytes <= spec.jsBudget,
      });
      rows.push({
        what: `${spec.name}：可操作时间（4G）`,
        value: `${(median / 1000).toFixed(2)} s（${RUNS} 次中位数，${times.map((t) => (t / 1000).toFixed(1)).join(' / ')}）`,
        budget: spec.secondsBudget === null ? '—' : `≤ ${spec.secondsBudget} s`,
        ok: spec.secondsBudget === null ? null : median <= spec.secondsBudget * 1000,
      });
      largest.push(
        `- ${spec.name}${first.tapScripts ? '（点按后）' : ''}：${(first.tapScripts ?? first.scripts)
          .slice(0, 6)
          .map((x) => `${x.name} ${kb(x.bytes)}`)
          .join('，')}`,
      );
      if (spec.user === 'host') {
        hostLoadsHeavy = [
          ...hostLoadsHeavy,
          ...first.scripts.filter((x) => NOT_FOR_HOST.test(x.name)).map((x) => x.name),
        ];
      }
    }
  } finally {
    await browser.close();
  }
  rows.push({
    what: WIRE_ROWS[WIRE_ROWS.length - 1],
    value: hostLoadsHeavy.length ? `加载了 ${[...new Set(hostLoadsHeavy)].join('、')}` : '未加载',
    budget: '不加载',
    ok: hostLoadsHeavy.length === 0,
  });
  return { largest };
}

async function general(previous: string | null): Promise<string> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'qianqi-bench-'));
  const port = Number(process.env.BENCH_PORT ?? 3411);
  const server = await startServer(
    { DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, STORAGE_DIR: join(dir, 'storage'), DEMO_DATA: '1' },
    port,
  );
  const base = `http://127.0.0.1:${port}`;
  let wire: WireNotes | null = null;
  try {
    const cookie = await signIn(base);
    const list = `${base}/api/v1/stations?year=2025&pageSize=50`;
    await timeRequests(list, cookie, 50);
    const t = await timeRequests(list, cookie, 500);
    rows.push({
      what: '站点列表 GET /api/v1/stations p50',
      value: `${percentile(t, 50).toFixed(2)} ms`,
      budget: '—',
      ok: null,
    });
    rows.push({
      what: '站点列表 GET /api/v1/stations p95',
      value: `${percentile(t, 95).toFixed(2)} ms`,
      budget: '< 20 ms',
      ok: percentile(t, 95) < 20,
    });
    const empty = await throughput({ url: `${base}/api/health`, cookie, seconds: 3, concurrency: 16 });
    const stations = await throughput({ url: list, cookie, seconds: 3, concurrency: 16 });
    rows.push({ what: '空 JSON 路由吞吐（/api/health）', value: `${empty.toFixed(0)} req/s`, budget: '—', ok: null });
    // The ≥ 0.5 budget of docs/architecture.md is for the KPI endpoint (section below); the station list is for reference.
    rows.push({
      what: '站点列表吞吐 / 空路由吞吐（参考）',
      value: `${(stations / empty).toFixed(2)}（${stations.toFixed(0)} req/s）`,
      budget: 'KPI 接口 ≥ 0.5（见下节）',
      ok: null,
    });
    wire = await wireFigures(base, rows);
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
  let pagesNote = '';
  if (!wire) {
    // No Chromium or no built dist/ here: keep the last measured page weights, saying so.
    const when = previous?.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '上次';
    for (const what of WIRE_ROWS) {
      const line = previous?.split('\n').find((l) => l.startsWith(`| ${what} |`));
      const cells = line?.split('|').map((c) => c.trim());
      if (cells && cells.length >= 5) {
        rows.push({
          what,
          value: /（\d{4}-\d{2}-\d{2}）$/.test(cells[2]) ? cells[2] : `${cells[2]}（${when}）`,
          budget: cells[3],
          ok: cells[4] === '✅' ? true : cells[4] === '❌' ? false : null,
        });
      } else rows.push({ what, value: '未测：缺少 dist/ 或 /usr/bin/chromium', budget: '—', ok: null });
    }
    pagesNote = ` This run had no built \`dist/\` or no \`/usr/bin/chromium\`: the page weights are those of the date shown.`;
  }

  const table = [
    '| 项目 | 结果 | 预算 | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.budget} | ${mark(r.ok)} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  return `Latest \`npm run bench\` on this project's machine (2 cores, Node ${process.version}, SQLite, demo data:
23 stations), ${today()}. Budgets from docs/architecture.md. The KPI-engine figures at 1× and 100× Beijing are in the
section below. The server runs in its own process; the load comes from Node's fetch (16 concurrent) in the bench
process on the same 2 cores, whose own cost caps the absolute req/s: compare ratios.

**Pages on the wire (issue 16).** Each page is opened as a first visit (a new browser context, empty cache; the
server serves the built \`dist/\` as \`npm start\` does), signed in by cookie, in Chromium throttled by DevTools to
the 4G profile: ${PROFILE_4G.latency} ms round trip, 1.6 Mbit/s down, 750 kbit/s up, no CPU slowdown. *JavaScript on the
wire* is the sum of Chromium's \`encodedDataLength\` over the script responses (compressed body plus headers) until the
network is idle, lazy chunks included; *usable* is the time from navigation until the control the user came for is on
the screen (the sign-in fields; the host's station card; the first event card and 新增活动; the event form's first
field, timed from the tap; the dashboard's first row and chart). A form is not a page of its own: its row counts
what the tap downloads, and names the page's bytes before it and the sum (decision 029).${pagesNote}

${table}${wire ? `\n\nThe largest scripts of each page (bytes on the wire):\n\n${wire.largest.join('\n')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// KPI part

type Column = KpiResult & { key: string };
const COLUMN_ORDER = ['sqlite-1', 'sqlite-100', 'postgres-1', 'postgres-100'];
const ENGINE_LABEL: Record<string, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const fmtInt = (n: number) => n.toLocaleString('en-US');
/** (d): a station's recompute, and what another request waits meanwhile (one slow statement blocks SQLite's thread). */
// Budgets for a pathological station (12,700 out-of-period contacts, ~500× a real one; before the fix 5 s and 4.3 s):
// whoever opens that station's KPIs waits at most half a second, and everyone else's request at most a quarter.
const RECOMPUTE_BUDGET_MS = 500;
const HEALTH_WAIT_BUDGET_MS = 250;
const ms = (n: number) => (n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(2)} ms`);

/** (d) alone, on a generated database: the KPI recompute of a station with 12,700 out-of-period contacts. */
async function outOfPeriodFor(g: Generated, port: number, log: (l: string) => void) {
  log(
    `  (d) ${fmtInt(OUT_OF_PERIOD_CONTACTS)} 条期外联系记录的站点：KPI 重算 ${OUT_OF_PERIOD_RUNS} 次，首次 GET /kpis 时 /api/health 的等待……`,
  );
  const d = await measureOutOfPeriod(g, port);
  log(
    `      重算 ${ms(d.recomputeMs)} ${mark(d.recomputeMs < RECOMPUTE_BUDGET_MS)}（预算 < ${RECOMPUTE_BUDGET_MS} ms），` +
      `首次 GET /kpis ${ms(d.httpMs)}，其间 /api/health 最长 ${ms(d.healthMaxMs)} ${mark(d.healthMaxMs < HEALTH_WAIT_BUDGET_MS)}（预算 < ${HEALTH_WAIT_BUDGET_MS} ms）`,
  );
  return d;
}

interface KpiForOptions {
  engine: 'sqlite' | 'postgres';
  scale: number;
  port: number;
  explainAll: boolean;
  /** the column docs/benchmarks.md has for this engine and scale */
  previous: Column | undefined;
}

async function kpiFor({ engine, scale, port, explainAll, previous }: KpiForOptions) {
  const log = (l: string) => console.log(l);
  log(`\n== KPI ${ENGINE_LABEL[engine]} ${scale}× ==`);
  let g: Generated | null = null;
  const file = join(tmpdir(), `qianqi-bench-${scale}x.db`);
  try {
    g = await generate({ engine, scale, file, pgUrl: defaultPgUrl(), log });
    if (flag('out-of-period')) {
      const outOfPeriod = await outOfPeriodFor(g, port, log);
      if (previous) return { ...previous, outOfPeriod };
      throw new Error(`docs/benchmarks.md 中没有 ${ENGINE_LABEL[engine]} ${scale}× 的列：先完整运行一次 --kpi`);
    }
    log(`  (a) kpiMatrix 与手写 SQL，各 ${MATRIX_RUNS} 次……`);
    const m = await measureMatrix(g);
    const ratio = m.matrixMs / m.handSqlMs;
    log(
      `      kpiMatrix ${ms(m.matrixMs)}，手写 SQL ${ms(m.handSqlMs)}，比值 ${ratio.toFixed(2)}；` +
        `${m.agree ? `${m.checked} 个站点数值一致` : `⚠ 数值不一致（${m.mismatches.length} 处）`}`,
    );
    if (!m.agree) for (const x of m.mismatches.slice(0, 10)) console.warn(`      ⚠ ${x}`);
    log(
      `  (b)(c) 服务器进程：单站 KPI ${HTTP_REQUESTS} 次顺序请求，吞吐 ${CONCURRENCY} 并发 × ${THROUGHPUT_SECONDS} s……`,
    );
    const h = await measureHttp(g, port);
    const tr = h.kpiRps / h.healthRps;
    log(
      `      p50 ${ms(h.p50)}，p95 ${ms(h.p95)}；/api/health ${h.healthRps.toFixed(0)} req/s，` +
        `KPI ${h.kpiRps.toFixed(0)} req/s，比值 ${tr.toFixed(2)}`,
    );
    const notes: string[] = [];
    const missed: Array<'matrix' | 'station'> = [];
    if (ratio > 1.5 || !m.agree) missed.push('matrix');
    if (h.p95 >= 20 || tr < 0.5) missed.push('station');
    const explainWhat: Array<'matrix' | 'hand' | 'station'> = explainAll ? ['matrix', 'hand', 'station'] : missed;
    for (const w of explainWhat) {
      const p = await whereTimeGoes(g, w);
      log([...p.lines, ...p.plan].map((l) => `      ${l}`).join('\n'));
      if (missed.includes(w as 'matrix' | 'station')) notes.push(...p.lines);
    }
    const outOfPeriod = await outOfPeriodFor(g, port, log);
    const col: Column = {
      key: `${engine}-${scale}`,
      engine,
      scale,
      date: today(),
      stations: g.stations,
      enterprises: g.counts.enterprises,
      ledgerRecords: g.ledgerRecords,
      generationSeconds: g.seconds,
      matrixMs: m.matrixMs,
      handSqlMs: m.handSqlMs,
      ratio,
      agree: m.agree,
      checkedStations: m.checked,
      mismatches: m.mismatches.slice(0, 10),
      stationP50: h.p50,
      stationP95: h.p95,
      healthRps: h.healthRps,
      kpiRps: h.kpiRps,
      throughputRatio: tr,
      notes,
      outOfPeriod,
    };
    return col;
  } finally {
    if (g && !flag('keep')) await g.drop();
    else if (g) log(`  保留数据库：${g.url}`);
  }
}

function kpiTable(cols: Column[]): string {
  const head = `| 项目 | 目标 | ${cols.map((c) => `${ENGINE_LABEL[c.engine]} ${c.scale}×`).join(' | ')} |`;
  const sep = `|---|---|${cols.map(() => '---').join('|')}|`;
  const row = (what: string, goal: string, cell: (c: Column) => string) =>
    `| ${what} | ${goal} | ${cols.map(cell).join(' | ')} |`;
  return [
    head,
    sep,
    row('数据：站点 / 企业 / 台账记录', '—', (c) => {
      return `${fmtInt(c.stations)} / ${fmtInt(c.enterprises)} / ${fmtInt(c.ledgerRecords)}`;
    }),
    row('生成用时', '—', (c) => `${c.generationSeconds.toFixed(c.generationSeconds < 10 ? 1 : 0)} s`),
    row(`(a) 全部站点矩阵 kpiMatrix，服务端（${MATRIX_RUNS} 次中位数）`, '—', (c) => ms(c.matrixMs)),
    row(`(a) 手写单条 SQL 聚合（${MATRIX_RUNS} 次中位数）`, '—', (c) => ms(c.handSqlMs)),
    row('(a) kpiMatrix ÷ 手写 SQL', '≤ 1.5', (c) => `${c.ratio.toFixed(2)} ${mark(c.ratio <= 1.5)}`),
    row('(a) 两者数值一致（全部站点逐项）', '一致', (c) =>
      c.agree ? `✅ ${fmtInt(c.checkedStations)} 站` : `❌ ${c.mismatches.length} 处不一致`,
    ),
    row(`(b) 单站 GET /api/v1/stations/{id}/kpis p50（${HTTP_REQUESTS} 次顺序）`, '—', (c) => ms(c.stationP50)),
    row('(b) 单站 KPI p95', '< 20 ms（100×）', (c) => `${ms(c.stationP95)} ${mark(c.stationP95 < 20)}`),
    row(`(c) 空 JSON 路由 /api/health（${CONCURRENCY} 并发 × ${THROUGHPUT_SECONDS} s）`, '—', (c) => {
      return `${c.healthRps.toFixed(0)} req/s`;
    }),
    row('(c) 单站 KPI 接口（同上）', '—', (c) => `${c.kpiRps.toFixed(0)} req/s`),
    row(
      '(c) KPI 吞吐 ÷ 空路由吞吐',
      '≥ 0.5',
      (c) => `${c.throughputRatio.toFixed(2)} ${mark(c.throughputRatio >= 0.5)}`,
    ),
    row(
      `(d) ${fmtInt(OUT_OF_PERIOD_CONTACTS)} 条期外联系记录的站点：KPI 重算（${OUT_OF_PERIOD_RUNS} 次中位数）`,
      `< ${RECOMPUTE_BUDGET_MS} ms`,
      (c) =>
        c.outOfPeriod
          ? `${ms(c.outOfPeriod.recomputeMs)} ${mark(c.outOfPeriod.recomputeMs < RECOMPUTE_BUDGET_MS)}`
          : '未测',
    ),
    row('(d) 其间 /api/health 最长等待（首次 GET /kpis 时）', `< ${HEALTH_WAIT_BUDGET_MS} ms`, (c) =>
      c.outOfPeriod
        ? `${ms(c.outOfPeriod.healthMaxMs)} ${mark(c.outOfPeriod.healthMaxMs < HEALTH_WAIT_BUDGET_MS)}`
        : '未测',
    ),
    row('测量日期', '—', (c) =>
      c.outOfPeriod?.date && c.outOfPeriod.date !== c.date ? `${c.date}（(d) ${c.outOfPeriod.date}）` : c.date,
    ),
  ].join('\n');
}

function versions(): string {
  const parts = [`Node ${process.version}`];
  try {
    const v = execFileSync(
      process.execPath,
      ['-e', "console.log(new (require('better-sqlite3'))(':memory:').prepare('select sqlite_version() v').get().v)"],
      { encoding: 'utf8' },
    ).trim();
    parts.push(`SQLite ${v}（better-sqlite3）`);
  } catch {
    /* not essential */
  }
  return parts.join('，');
}

async function pgVersion(): Promise<string | null> {
  const c = new pg.Client({ connectionString: defaultPgUrl() });
  try {
    await c.connect();
    const r = await c.query('show server_version');
    return `PostgreSQL ${String(r.rows[0].server_version).split(' ')[0]}`;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

interface KpiSectionOptions {
  cols: Column[];
  pgVer: string | null;
  pg100Note: string;
  /** the sentence on the system load before and after the run */
  load: string;
}

function kpiSection({ cols, pgVer, pg100Note, load }: KpiSectionOptions): string {
  const hundred = cols.find((c) => c.scale === 100);
  const big = hundred
    ? `${fmtInt(hundred.enterprises)} 家企业、${fmtInt(hundred.ledgerRecords)} 条台账记录`
    : '约 20 万家企业、约 100 万条台账记录';
  const notes = cols.filter((c) => c.notes.length || !c.agree);
  const missed = notes.length
    ? `\n\n### 未达标项：时间花在哪里\n\n${notes
        .map(
          (c) =>
            `**${ENGINE_LABEL[c.engine]} ${c.scale}×**（${c.date}）\n\n\`\`\`\n${[...c.mismatches, ...c.notes].join('\n')}\n\`\`\``,
        )
        .join('\n\n')}`
    : '';
  return `本机 2 核（${versions()}${pgVer ? `，${pgVer}` : ''}），每列的测量日期见表末行；${load}。\`npm run bench -- --kpi --scale=1,100\`
只跑本节（\`--engine=sqlite\` 或 \`--engine=postgres\` 只跑一种数据库；只重跑的列被替换，其余列保留）。

${kpiTable(cols)}

**数据**（\`bench/generate.ts\`，每次新建数据库：SQLite 文件；PostgreSQL 为 \`qianqi_bench\`，测完删除）：
- **1×** = 北京 2025 年度：演示种子 \`seedDemo\`（年度、17 个区、23 个站点、演示账户、经导入路径写入的台账），各站点的
  企业名录补足到区站点 105 家、IUR 站点 40 家（约 2,000 家企业），并为已联系的企业补 1–3 次电话/线上跟进联系
  （不改变任何指标，只让联系记录表像一年的真实工作量）。
- **100×** = 同一年度（2025）2,300 个站点：另外 2,277 个站点各有一个依托单位（organizations，kind = host），
  区站点用虚拟 6 位区代码 9xxxxx（其企业登记在同一代码，计入指标），全部站点中 26% 为 IUR（区代码为空）；
  台账由 \`generateLedger\` 生成，以与 \`writeLedger\` 相同的行批量多行插入（每事务 40 个站点；SQLite 仅在生成时
  \`synchronous=OFF\`，PostgreSQL 仅在生成时 \`synchronous_commit=off\`）。100× 共 ${big}
  （企业、名录、联系、需求、专家、活动、活动专家/企业/佐证、宣传、合作、成果、成果征集、报告）。
- 生成后 PostgreSQL 执行 \`VACUUM ANALYZE\`（即 autovacuum 稍后会达到的状态，且不与测量重叠）；SQLite 保持应用
  实际的状态（应用从不执行 ANALYZE）。${pg100Note}

**各项含义**：
- **(a)** Center 全部站点考核矩阵：服务函数 \`kpiMatrix(ctx, {year: 2025})\`（中心管理员 ctx，进程内直接调用，
  含读取年度政策、站点列表、各指标的 SQL 聚合与 JavaScript 组装）的耗时，${MATRIX_RUNS} 次中位数；与之对比的是
  \`bench/kpi.ts\` 中手写的**一条** SQL（每类指标一个 CTE，按站点给出同样的计数），同样 ${MATRIX_RUNS} 次中位数，两者交替
  执行。比值 ≤ 1.5 即服务的组织方式（多条语句、站点子查询、组装）相对“一条手写 SQL”的额外开销不超过 50%。
  两边的计数经同一 \`computeKpis\` 换算后对全部站点逐项比对，不一致会在输出中告警。
- **(b)** 单个站点（海淀区站点，各规模都有）的考核指标接口：服务器为独立进程（\`src/server/main.ts\`，
  \`DEMO_DATA=0\`），以 \`center\` 登录后预热 50 次，再顺序请求 ${HTTP_REQUESTS} 次，取 p50 / p95（含 HTTP、会话校验与
  站点查询；站点在测量期间未变，计算结果来自按 \`ledger_version\` 的缓存，未命中的代价见下方分析）。
- **(c)** 同一服务器上，${CONCURRENCY} 个并发连接各持续 ${THROUGHPUT_SECONDS} s 请求单站 KPI 接口的吞吐，除以同样方式请求空
  JSON 路由 \`/api/health\`（执行 \`select 1\`）的吞吐。负载由同一台 2 核机器上的 Node fetch 产生，绝对 req/s
  受其限制，请比较比值。
- **(d)** 期外记录（issue #11）：在生成的数据库中另加一个站点，联系记录 ${fmtInt(OUT_OF_PERIOD_CONTACTS)} 条在服务期外、
  十分之一在期内，按台账顺序交错（\`addOutOfPeriodStation\`）；每条期外记录都是一条 \`outside_period\` 问题，其编号是
  它在该站点全部联系记录中的序号。先在进程内直接调用 \`evaluateStation\`（KPI 缓存未命中时的计算），至多
  ${OUT_OF_PERIOD_RUNS} 次取中位数（单次超过 10 s 时只测一次）；再启动服务器，首次（未缓存）请求该站点的
  \`GET /kpis\`，同时不间断请求 \`/api/health\`，记录其最长等待：SQLite 在一个线程中执行语句，一条慢语句会让所有请求
  排队。原先按记录逐条 \`count(*) … p.id < t.id\` 计算序号（平方级），改为窗口函数 \`row_number()\`（线性）。${missed}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching part (issue #15, bench/matching.ts)

const MATCH_P95_BUDGET_MS = 100;
const PRECISION_GOAL = 0.8;

interface MatchingColumn extends MatchingFigures {
  key: string;
  engine: 'sqlite' | 'postgres';
  scale: number;
  date: string;
}

async function matchingFor(engine: 'sqlite' | 'postgres', scale: number): Promise<MatchingColumn> {
  const log = (l: string) => console.log(l);
  log(`\n== 对接推荐：${ENGINE_LABEL[engine]} ${scale}× ==`);
  const g = await generate({ engine, scale });
  try {
    const f = await measureMatching(g, log);
    log(`  单项需求推荐 p50 ${ms(f.p50)}，p95 ${ms(f.p95)} ${mark(f.p95 < MATCH_P95_BUDGET_MS)}`);
    return { ...f, key: `${engine}-${scale}`, engine, scale, date: today() };
  } finally {
    if (!flag('keep')) await g.drop();
  }
}

function matchingSection(cols: MatchingColumn[]): string {
  const head = `| 项目 | 目标 | ${cols.map((c) => `${ENGINE_LABEL[c.engine]} ${c.scale}×`).join(' | ')} |`;
  const sep = `|---|---|${cols.map(() => '---').join('|')}|`;
  const row = (what: string, goal: string, cell: (c: MatchingColumn) => string) =>
    `| ${what} | ${goal} | ${cols.map(cell).join(' | ')} |`;
  const table = [
    head,
    sep,
    row(
      '年度池：需求 / 专家 / 成果',
      '—',
      (c) => `${fmtInt(c.demands)} / ${fmtInt(c.experts)} / ${fmtInt(c.achievements)}`,
    ),
    row('冷启动建立全年索引', '—', (c) => `${c.indexSeconds.toFixed(1)} s`),
    row(`单项需求的推荐 p50（${MATCH_SAMPLE} 项已征集需求）`, '—', (c) => ms(c.p50)),
    row(
      '单项需求的推荐 p95',
      `< ${MATCH_P95_BUDGET_MS} ms（100×）`,
      (c) => `${ms(c.p95)} ${mark(c.p95 < MATCH_P95_BUDGET_MS)}`,
    ),
    row('台账写入后首次推荐（重建该站点索引）', '—', (c) => ms(c.afterWriteMs)),
    row('评测集 precision@3', `≥ ${PRECISION_GOAL}`, (c) => {
      return `${c.precisionAt3.toFixed(3)} ${mark(c.precisionAt3 >= PRECISION_GOAL)}`;
    }),
    row('评测集 P@3（未归一）/ hit@3', '—', (c) => `${c.plainPrecisionAt3.toFixed(3)} / ${c.hitAt3.toFixed(3)}`),
    row('测量日期', '—', (c) => c.date),
  ].join('\n');
  return `\`npm run bench -- --matching --scale=1,100\` 只跑本节。数据同上节（\`bench/generate.ts\`，台账文字由
\`src/server/demo/matching-texts.ts\` 生成）。

${table}

- **推荐**：进程内调用 \`suggestForDemand\`（中心管理员 ctx）：检查索引是否最新、从词项索引按 BM25 在 SQL 中求和取前
  40 个候选、行业/同区/已对接加分排序、读取名称与简介，取前 10 项。样本为全年已征集需求中等距抽取的
  ${MATCH_SAMPLE} 项（先预热 20 项）。
- **索引**：按站点的 \`ledger_version\` 增量维护（决策 026），冷启动时一次建立全年；台账写入后首次推荐只重建该站点。
- **评测集**：\`tests/fixtures/matching-eval.ts\` 的 ${cols[0]?.evalDemands ?? 51} 项需求，在同一数据库的独立年度（2099）中运行。
  precision@3 = 每项需求前 3 项推荐中相关项数 ÷ min(3, 该需求的相关项数)，再取平均（完美排序为 1）；
  P@3（未归一）= 相关项数 ÷ 3（只有 1 个正确答案的需求最多 1/3）；hit@3 = 前 3 项含相关项的需求比例。`;
}

const DATA_RE = /<!-- bench:kpi-data ([\s\S]*?) -->/;
const MATCH_DATA_RE = /<!-- bench:matching-data ([\s\S]*?) -->/;

function section(doc: string, name: string): string | null {
  const m = doc.match(new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)\\n<!-- /bench:${name} -->`));
  return m ? m[1] : null;
}

interface MatchingDoc {
  text: string;
  data: Record<string, MatchingColumn>;
}

interface DocParts {
  generalText: string | null;
  kpiText?: string | null;
  data?: Record<string, Column> | null;
  matching?: MatchingDoc | null;
}

/** Writes docs/benchmarks.md: the parts given replace theirs, the others stay as last measured. */
function writeDoc({ generalText, kpiText = null, data = null, matching = null }: DocParts): void {
  const old = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  // A document from before the sections: everything after the title is the general part.
  const oldGeneral = section(old, 'general') ?? (old.replace(/^# Benchmarks\s*/, '').trim() || '（尚未测量）');
  const oldKpi = section(old, 'kpi') ?? '（尚未测量：`npm run bench -- --kpi`）';
  const oldData = old.match(DATA_RE)?.[1] ?? '{}';
  const oldMatching = section(old, 'matching') ?? '（尚未测量：`npm run bench -- --matching`）';
  const oldMatchingData = old.match(MATCH_DATA_RE)?.[1] ?? '{}';
  // Anything written by hand after the generated sections (analysis, decisions) stays.
  const lastData = old.search(MATCH_DATA_RE) >= 0 ? old.search(MATCH_DATA_RE) : old.search(DATA_RE);
  const tail = lastData >= 0 ? old.slice(old.indexOf('-->', lastData) + 3).trim() : '';
  const md = `# Benchmarks

<!-- bench:general -->
${generalText ?? oldGeneral}
<!-- /bench:general -->

## 考核指标（KPI）

<!-- bench:kpi -->
${kpiText ?? oldKpi}
<!-- /bench:kpi -->
<!-- bench:kpi-data ${data ? JSON.stringify(data) : oldData} -->

## 对接推荐（issue #15）

<!-- bench:matching -->
${matching?.text ?? oldMatching}
<!-- /bench:matching -->
<!-- bench:matching-data ${matching ? JSON.stringify(matching.data) : oldMatchingData} -->
${tail ? `\n${tail}\n` : ''}`;
  writeFileSync(DOC, md);
}

async function main() {
  const matchingOnly = flag('matching');
  const kpiOnly = flag('kpi') || flag('out-of-period');
  const generalOnly = flag('general');
  const scales = (option('scale') ?? '1,100')
    .split(',')
    .map((s) => Number(s.replace(/[x×]$/, '')))
    .filter((n) => n > 0);
  const old = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const loadBefore = os.loadavg()[0];

  let generalText: string | null = null;
  if (!kpiOnly && !matchingOnly) {
    console.log('== 通用部分（演示数据，站点列表、页面体积）==');
    generalText = await general(section(old, 'general') ?? old);
    writeDoc({ generalText });
  }
  if (generalOnly) return;

  const pgUrl = defaultPgUrl();
  const wanted = (option('engine') ?? 'sqlite,postgres').split(',');
  const engines: Array<'sqlite' | 'postgres'> = [];
  if (wanted.includes('sqlite')) engines.push('sqlite');
  if (wanted.includes('postgres') || wanted.includes('pg')) {
    if (await pgReachable(pgUrl)) engines.push('postgres');
    else
      console.log(
        `PostgreSQL 不可达（${pgUrl.replace(/\/\/[^@]*@/, '//…@')}），只测 SQLite。设置 BENCH_PG_URL 可指定。`,
      );
  }

  if (!kpiOnly) {
    const mdata: Record<string, MatchingColumn> = JSON.parse(old.match(MATCH_DATA_RE)?.[1] ?? '{}');
    for (const engine of engines) {
      for (const scale of scales) {
        const col = await matchingFor(engine, scale);
        mdata[col.key] = col;
      }
    }
    const mcols = COLUMN_ORDER.filter((k) => mdata[k]).map((k) => mdata[k]);
    const text = matchingSection(mcols);
    console.log(`\n${text}\n`);
    writeDoc({ generalText, matching: { text, data: mdata } });
    if (matchingOnly) return;
  }

  const data: Record<string, Column> = JSON.parse(old.match(DATA_RE)?.[1] ?? '{}');
  let port = Number(process.env.BENCH_PORT ?? 3411) + 1;
  for (const engine of engines) {
    for (const scale of scales) {
      const col = await kpiFor({
        engine,
        scale,
        port: port++,
        explainAll: flag('explain'),
        previous: data[`${engine}-${scale}`],
      });
      data[col.key] = col;
    }
  }
  const cols = [
    ...COLUMN_ORDER.filter((k) => data[k]).map((k) => data[k]),
    ...Object.keys(data)
      .filter((k) => !COLUMN_ORDER.includes(k))
      .sort()
      .map((k) => data[k]),
  ];
  console.log(`\n${kpiTable(cols)}\n`);
  const pg100 = data['postgres-100'];
  const pg100Note = pg100
    ? ` PostgreSQL 100× 的生成用时 ${pg100.generationSeconds.toFixed(0)} s，远低于 10 分钟，故随 \`npm run bench\` 默认运行，无需单独开启。`
    : '';
  const pgVer = cols.some((c) => c.engine === 'postgres') ? await pgVersion() : null;
  const load = `本次运行前后的系统 1 分钟平均负载 ${loadBefore.toFixed(2)} / ${os.loadavg()[0].toFixed(2)}（同机的其他进程会压低结果）`;
  console.log(load);
  writeDoc({ generalText, kpiText: kpiSection({ cols, pgVer, pg100Note, load }), data });
  console.log(`已写入 ${DOC}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
