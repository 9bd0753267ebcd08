/**
 * Benchmark data (issue #3, item 7): a fresh database holding Beijing's 2025 programme at 1× (23 stations, about
 * 2,000 enterprises) or 100× (2,300 stations, about 200,000 enterprises, about a million ledger records).
 *
 * The 23 real stations come from the demo seed (`seedDemo`: the year, hosts, accounts, ledgers written through the
 * import path) and are topped up to the listing size of the benchmark. At 100× the other 2,277 stations are added in
 * the same programme year (the all-stations matrix covers one year): district stations get synthetic district codes
 * 9xxxxx (their enterprises registered in the same code, so they count), 26 % of all stations are IUR. Their ledgers
 * come from the demo generator (`generateLedger`) and are written with batched multi-row inserts of the rows
 * `writeLedger` writes, one transaction per few stations.
 *
 * Also a CLI: `node --import ./node_modules/tsx/dist/loader.mjs bench/generate.ts --scale=100 --engine=sqlite
 * --out=/tmp/bench.db` (PostgreSQL: `--engine=postgres`, database `qianqi_bench` from BENCH_PG_URL or the local
 * default; kept until the next run).
 */

import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { type LedgerInput, ledgerSchema } from '../src/domain/ledger/schema';
import type { StationType } from '../src/domain/policy/types';
import { normalizeUscc, usccCheckChar } from '../src/domain/uscc';
import { createLocalDiskStorage } from '../src/server/blobs/local-disk';
import { type Ctx, systemClock } from '../src/server/context';
import { type Database, type DbHandle, type Engine, migrateToLatest, openDatabase } from '../src/server/db/database';
import type { OrganizationTable, StationTable } from '../src/server/db/schema';
import { generateLedger, rng, usccFor } from '../src/server/demo/ledger-generator';
import { loadEnv } from '../src/server/env';
import {
  type LedgerRecords,
  STATION_RECORD_TABLES,
  stationRecordRows,
} from '../src/server/features/ledger-exchange/ledger-import.rows';
import { seedDemo } from '../src/server/seed';

export const BENCH_PG_DB = 'qianqi_bench';
const YEAR = 2025;
const PERIOD = { start: '2025-04-01', end: '2025-12-31' };
/** Enterprises a station lists (the demo lists 80 / 20; topped up so that 23 stations list about 2,000). */
const LISTED = { district: 105, iur: 40 };
/** 26 % of the stations are IUR (6 of the 23 real ones). */
const IUR_SHARE = 0.26;
const STATIONS_PER_TX = 40;
/** Bound parameters per statement (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_PARAMS = 30_000;

/** The tables of the ledger, in insertion order (foreign keys): the register, then the import's station tables. */
export const LEDGER_TABLES = ['enterprises', ...STATION_RECORD_TABLES] as const;
type LedgerTable = (typeof LEDGER_TABLES)[number];
type Rows = Record<LedgerTable, Record<string, unknown>[]>;

export interface Generated {
  engine: Engine;
  scale: number;
  url: string;
  storageDir: string;
  stations: number;
  iurStations: number;
  /** rows per table: organisations and stations, then the ledger tables */
  counts: Record<string, number>;
  /** ledger rows (enterprises, listings and every record table) */
  ledgerRecords: number;
  seconds: number;
  /** the Center's account, for a ctx */
  centerUserId: string;
  /** 海淀区 station: the station measured over HTTP (exists at every scale) */
  sampleStationId: string;
  /** drops the database (PostgreSQL) or deletes the file (SQLite) */
  drop(): Promise<void>;
}

export interface GenerateOptions {
  engine: Engine;
  scale: number;
  /** SQLite: the database file to create (replaced when it exists) */
  file?: string;
  /** PostgreSQL: a URL of the server (any database); `qianqi_bench` is created there */
  pgUrl?: string;
  log?: (line: string) => void;
}

export function defaultPgUrl(): string {
  return process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Whether a PostgreSQL server answers at the URL (2 s). */
export async function pgReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function pgAdmin(url: string, statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function orgUscc(prefix: '51' | '12', region: string, n: number): string {
  const first17 = `${prefix}${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}

async function insertRows(db: Database, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    // biome-ignore lint/suspicious/noExplicitAny: rows are built for the named table
    await (db as any)
      .insertInto(table)
      .values(rows.slice(i, i + per))
      .execute();
  }
}

function emptyRows(): Rows {
  return Object.fromEntries(LEDGER_TABLES.map((t) => [t, []])) as unknown as Rows;
}

interface LedgerRowsOptions {
  /** the batch the rows are added to */
  out: Rows;
  stationId: string;
  ledger: LedgerRecords;
  now: string;
  /** USCC → enterprise id, shared by all stations of the run */
  registry: Map<string, string>;
}

/**
 * The rows the ledger import writes for a station's records (`stationRecordRows`, the same function), without the
 * audit; new enterprises go into the registry map (USCC → id) shared by all stations of the run.
 */
function ledgerRows({ out, stationId, ledger, now, registry }: LedgerRowsOptions): void {
  for (const e of ledger.enterprises ?? []) {
    const code = normalizeUscc(e.uscc);
    if (registry.has(code)) continue;
    const id = uuidv7();
    registry.set(code, id);
    out.enterprises.push({
      id,
      uscc: code,
      name: e.name,
      district_code: e.district,
      has_association: e.hasAssociation ? 1 : 0,
      srdi: e.srdi,
      created_at: now,
      updated_at: now,
      version: 1,
    });
  }
  const rows = stationRecordRows({ stationId, ledger, enterpriseIds: registry, now });
  for (const t of STATION_RECORD_TABLES) for (const r of rows[t]) out[t].push(r);
}

async function flush(db: Database, rows: Rows): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const t of LEDGER_TABLES) await insertRows(tx, t, rows[t]);
  });
}

const IUR_UNIVERSITIES = [
  '北京理工大学',
  '北京航空航天大学',
  '北京工业大学',
  '北京化工大学',
  '北京邮电大学',
  '北京科技大学',
  '北京交通大学',
  '北京林业大学',
  '首都师范大学',
  '中国科学院计算技术研究所',
  '中国科学院物理研究所',
  '北京信息科技大学',
];
/** Follow-up contacts (phone, online) with enterprises already visited: 1–3 each, inside the period. They change no
 * KPI (an enterprise counts once) but make the contacts table as long as a year of real follow-up work. */
function followUps(usccs: string[], seed: number): NonNullable<LedgerInput['contacts']> {
  const r = rng(seed);
  const start = Date.parse(`${PERIOD.start}T00:00:00Z`);
  const days = Math.round((Date.parse(`${PERIOD.end}T00:00:00Z`) - start) / 86_400_000) + 1;
  const out: NonNullable<LedgerInput['contacts']> = [];
  for (const uscc of usccs) {
    for (let i = 0, n = 1 + Math.floor(r() * 3); i < n; i++) {
      out.push({
        uscc,
        date: new Date(start + Math.floor(r() * days) * 86_400_000).toISOString().slice(0, 10),
        mode: r() < 0.6 ? 'phone' : 'online',
        note: '跟进服务进展',
      });
    }
  }
  return out;
}

const HOST_KINDS = ['society', 'association', 'alliance', 'park_association', 'public_institution'];
const HOST_WORDS = ['智能制造', '新材料', '生物医药', '数字经济', '集成电路', '现代农业', '绿色能源', '航空航天'];
const LEADERS = ['张伟', '李娜', '王强', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'];
const DILIGENCE = [1.08, 0.95, 0.7, 1.02, 0.55, 0.88];

/** Generates the benchmark database; returns where it is and what it holds. */
export async function generate(o: GenerateOptions): Promise<Generated> {
  const log = o.log ?? ((l: string) => console.log(l));
  const t0 = performance.now();
  let url: string;
  let storageDir: string;
  let dropDb: () => Promise<void>;
  if (o.engine === 'sqlite') {
    const file = o.file ?? join(tmpdir(), `qianqi-bench-${o.scale}x.db`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    mkdirSync(dirname(file), { recursive: true });
    url = `sqlite:${file}`;
    storageDir = `${file}.storage`;
    rmSync(storageDir, { recursive: true, force: true });
    dropDb = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      rmSync(storageDir, { recursive: true, force: true });
    };
  } else {
    const admin = o.pgUrl ?? defaultPgUrl();
    await pgAdmin(admin, [
      `drop database if exists ${BENCH_PG_DB} with (force)`,
      `create database ${BENCH_PG_DB}`,
      // generation only: commits need not wait for the WAL flush (reset below, before anything is measured)
      `alter database ${BENCH_PG_DB} set synchronous_commit = off`,
    ]);
    url = withDatabase(admin, BENCH_PG_DB);
    storageDir = join(tmpdir(), `qianqi-bench-pg-${o.scale}x.storage`);
    rmSync(storageDir, { recursive: true, force: true });
    dropDb = async () => {
      await pgAdmin(admin, [`drop database if exists ${BENCH_PG_DB} with (force)`]);
      rmSync(storageDir, { recursive: true, force: true });
    };
  }

  const handle: DbHandle = openDatabase(url);
  const db = handle.db;
  if (handle.sqlite) handle.sqlite.pragma('synchronous = OFF'); // generation only; the server opens with FULL
  await migrateToLatest(db);
  const env = loadEnv({ NODE_ENV: 'development', DATABASE_URL: url, STORAGE_DIR: storageDir, DEMO_DATA: '0' });
  const ctx: Ctx = {
    db,
    engine: handle.engine,
    clock: systemClock,
    env,
    blobs: createLocalDiskStorage(storageDir),
    actor: null,
    ip: null,
  };

  // 1. The real programme: year, Center, 17 district associations, 23 stations with their ledgers, demo accounts.
  await seedDemo(ctx);
  log(
    `  [${o.engine} ${o.scale}×] 演示数据（23 个站点、台账、账户）: ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const now = new Date().toISOString();
  const stamps = { created_at: now, updated_at: now, version: 1 };

  // 2. Top up the real stations' listings to the benchmark size (listed enterprises not contacted yet).
  const real = await db.selectFrom('stations').selectAll().orderBy('id').execute();
  const topUp = emptyRows();
  const registry = new Map(
    (await db.selectFrom('enterprises').select(['uscc', 'id']).execute()).map(
      (r) => [r.uscc, r.id] as [string, string],
    ),
  );
  for (const [i, s] of real.entries()) {
    const listed = Number(
      (
        await db
          .selectFrom('station_enterprises')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('station_id', '=', s.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const want = s.type === 'iur' ? LISTED.iur : LISTED.district;
    const district = s.district_code ?? '110108';
    const extra: LedgerInput['enterprises'] = [];
    for (let j = listed; j < want; j++) {
      const n = 50_000_000 + i * 1000 + j;
      extra.push({
        uscc: usccFor(district, n),
        name: `北京${['京', '华', '中', '新', '智'][j % 5]}${['芯', '云', '康', '能'][n % 4]}科技有限公司（${n}）`,
        district,
        hasAssociation: j % 9 < 4,
        srdi: j % 7 === 0 ? 'municipal' : 'none',
        keyServed: j % 5 < 2,
      });
    }
    const contacted = await db
      .selectFrom('contacts')
      .select('uscc')
      .distinct()
      .where('station_id', '=', s.id)
      .execute();
    const more = followUps(contacted.map((c) => c.uscc).sort(), 2025_9000 + i);
    ledgerRows({
      out: topUp,
      stationId: s.id,
      ledger: { enterprises: extra, contacts: more } as LedgerRecords,
      now,
      registry,
    });
  }
  await flush(db, topUp);

  // 3. At 100×: the other stations of the year, each with a host organisation and a generated ledger.
  const total = Math.round(23 * o.scale);
  const extraStations = total - real.length;
  const iurTotal = Math.round(total * IUR_SHARE);
  const extraIur = Math.max(0, iurTotal - real.filter((s) => s.type === 'iur').length);
  const extraDistrict = extraStations - extraIur;
  const realA = real.filter((s) => s.type === 'district_a').length;
  const realDistrict = real.filter((s) => s.type !== 'iur').length;
  let batch = emptyRows();
  let batchOrgs: OrganizationTable[] = [];
  let batchStations: StationTable[] = [];
  let done = 0;
  const tExtra = performance.now();
  // The first `extraDistrict` are district stations (A and B as in 2025), the rest IUR.
  for (let k = 0; k < extraStations; k++) {
    const isIur = k >= extraDistrict;
    const type: StationType = isIur
      ? 'iur'
      : k % realDistrict < realA // 7 of every 17 district stations are A, as in 2025
        ? 'district_a'
        : 'district_b';
    const district = isIur ? null : `9${String(k + 1).padStart(5, '0')}`;
    const hostRegion = district ?? '110108';
    const university = IUR_UNIVERSITIES[k % IUR_UNIVERSITIES.length];
    const word = HOST_WORDS[k % HOST_WORDS.length];
    const hostKind = isIur ? 'university_association' : HOST_KINDS[k % HOST_KINDS.length];
    const hostName = isIur
      ? `${university}科协（第${k + 1}分会）`
      : `虚拟区${district}${word}${hostKind === 'society' ? '学会' : hostKind === 'alliance' ? '产业联盟' : '协会'}`;
    const host: OrganizationTable = {
      id: uuidv7(),
      kind: 'host',
      host_kind: hostKind,
      name: hostName,
      uscc: orgUscc(isIur || hostKind === 'public_institution' ? '12' : '51', hostRegion, 100_000 + k),
      district_code: hostRegion,
      contact_name: '王老师',
      contact_phone: `010-6${String(1000000 + k * 7919).slice(-7)}`,
      address: null,
      is_active: 1,
      ...stamps,
    };
    const station: StationTable = {
      id: uuidv7(),
      program_year: YEAR,
      type,
      district_code: district,
      host_org_id: host.id,
      name: isIur ? `${university}产学研合作站点（${k + 1}）` : `虚拟区${district}“千人进千企”工作站点`,
      period_start: PERIOD.start,
      period_end: PERIOD.end,
      leader_name: LEADERS[k % LEADERS.length],
      leader_phone: `139${String(10000000 + k * 1234567).slice(-8)}`,
      contact_name: '孙丽',
      contact_phone: `010-8${String(2000000 + k * 4271).slice(-7)}`,
      ...stamps,
      ledger_version: 0,
    };
    batchOrgs.push(host);
    batchStations.push(station);
    const ledger = generateLedger({
      seed: 2025_1000 + k,
      programYear: YEAR,
      station: {
        name: station.name,
        type,
        district,
        hostName,
        start: PERIOD.start,
        end: PERIOD.end,
      },
      diligence: DILIGENCE[k % DILIGENCE.length],
      enterpriseBase: 100_000 + k * 1000,
      enterprises: isIur ? LISTED.iur : LISTED.district,
    });
    const contacts = ledger.contacts ?? [];
    ledger.contacts = [...contacts, ...followUps([...new Set(contacts.map((c) => c.uscc))], 2025_5000 + k)];
    ledgerRows({ out: batch, stationId: station.id, ledger: ledgerSchema.parse(ledger), now, registry });
    if (batchStations.length === STATIONS_PER_TX || k === extraStations - 1) {
      const orgs = batchOrgs;
      const sts = batchStations;
      await db.transaction().execute(async (tx) => {
        await insertRows(tx, 'organizations', orgs as unknown as Record<string, unknown>[]);
        await insertRows(tx, 'stations', sts as unknown as Record<string, unknown>[]);
        for (const t of LEDGER_TABLES) await insertRows(tx, t, batch[t]);
      });
      done += sts.length;
      batch = emptyRows();
      batchOrgs = [];
      batchStations = [];
      if (done % 400 === 0 || done === extraStations) {
        const s = (performance.now() - tExtra) / 1000;
        log(`  [${o.engine} ${o.scale}×] 站点 ${done + real.length}/${total}（${s.toFixed(1)} s）`);
      }
    }
  }

  // 4. Settle: PostgreSQL as autovacuum would leave it (statistics, visibility map); SQLite as the app leaves it (the
  //    app never runs ANALYZE).
  if (handle.engine === 'postgres') {
    // vacuum too: else autovacuum of the freshly inserted tables would run during the measurements
    await sql`vacuum analyze`.execute(db);
    await sql.raw(`alter database ${BENCH_PG_DB} reset synchronous_commit`).execute(db);
    // write the generated gigabyte out now, not by a spread checkpoint during the measurements (needs a superuser or
    // pg_checkpoint; skipped without)
    await sql`checkpoint`.execute(db).catch(() => {});
  } else {
    handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
  }

  const counts: Record<string, number> = {};
  for (const t of ['organizations', 'stations', ...LEDGER_TABLES]) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    counts[t] = Number(r.rows[0].n);
  }
  const ledgerRecords = LEDGER_TABLES.reduce((a, t) => a + counts[t], 0);
  const center = await db.selectFrom('users').select('id').where('username', '=', 'center').executeTakeFirstOrThrow();
  const sample = await db
    .selectFrom('stations')
    .select('id')
    .where('program_year', '=', YEAR)
    .where('district_code', '=', '110108')
    .executeTakeFirstOrThrow();
  const iurStations = Number(
    (
      await db
        .selectFrom('stations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', '=', 'iur')
        .executeTakeFirstOrThrow()
    ).n,
  );
  await handle.close();
  const seconds = (performance.now() - t0) / 1000;
  log(
    `  [${o.engine} ${o.scale}×] 完成：${counts.stations} 个站点（IUR ${iurStations}）、${counts.enterprises} 家企业、` +
      `台账记录 ${ledgerRecords} 条，用时 ${seconds.toFixed(1)} s`,
  );
  return {
    engine: handle.engine,
    scale: o.scale,
    url,
    storageDir,
    stations: counts.stations,
    iurStations,
    counts,
    ledgerRecords,
    seconds,
    centerUserId: center.id,
    sampleStationId: sample.id,
    drop: dropDb,
  };
}

/** Contacts outside the period at the station of (d): the shape that made one KPI recompute take 5 s (issue #11). */
export const OUT_OF_PERIOD_CONTACTS = 12_700;

/**
 * Adds one district station of the benchmark year whose contact log holds OUT_OF_PERIOD_CONTACTS records dated
 * outside its period, interleaved (in ledger order) with a tenth as many inside it — a year's log imported with the
 * wrong year, say. Every one is an `outside_period` finding whose ref is its index among all the station's contacts.
 * Returns the station's id.
 */
export async function addOutOfPeriodStation(url: string, outside = OUT_OF_PERIOD_CONTACTS): Promise<string> {
  const handle = openDatabase(url);
  const db = handle.db;
  try {
    const now = new Date().toISOString();
    const stamps = { created_at: now, updated_at: now, version: 1 };
    const district = '988888';
    const host: OrganizationTable = {
      id: uuidv7(),
      kind: 'host',
      host_kind: 'association',
      name: `虚拟区${district}期外记录测试协会`,
      uscc: orgUscc('51', district, 988_888),
      district_code: district,
      contact_name: '王老师',
      contact_phone: '010-60000000',
      address: null,
      is_active: 1,
      ...stamps,
    };
    const station: StationTable = {
      id: uuidv7(),
      program_year: YEAR,
      type: 'district_b',
      district_code: district,
      host_org_id: host.id,
      name: `虚拟区${district}“千人进千企”工作站点（期外记录）`,
      period_start: PERIOD.start,
      period_end: PERIOD.end,
      leader_name: '张伟',
      leader_phone: '13900000000',
      contact_name: '孙丽',
      contact_phone: '010-80000000',
      ...stamps,
      ledger_version: 0,
    };
    const contacts: Record<string, unknown>[] = [];
    const total = outside + Math.ceil(outside / 10);
    for (let i = 0; i < total; i++) {
      const inside = i % 11 === 10;
      const day = 1 + (i % 28);
      contacts.push({
        id: uuidv7(), // ledger order is id order
        station_id: station.id,
        uscc: usccFor(district, 50_000_000 + (i % 400)),
        date: inside
          ? `2025-06-${String(day).padStart(2, '0')}`
          : `2024-0${4 + (i % 6)}-${String(day).padStart(2, '0')}`,
        mode: 'phone',
        people: null,
        note: '跟进服务进展',
        ...stamps,
      });
    }
    await db.transaction().execute(async (tx) => {
      await insertRows(tx, 'organizations', [host as unknown as Record<string, unknown>]);
      await insertRows(tx, 'stations', [station as unknown as Record<string, unknown>]);
      await insertRows(tx, 'contacts', contacts);
    });
    return station.id;
  } finally {
    await handle.close();
  }
}

async function cli(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const engine = (arg('engine') ?? 'sqlite') as Engine;
  const g = await generate({
    engine,
    scale: Number(arg('scale') ?? 1),
    file: arg('out'),
    pgUrl: defaultPgUrl(),
  });
  console.log(JSON.stringify({ url: g.url, counts: g.counts, ledgerRecords: g.ledgerRecords, seconds: g.seconds }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
