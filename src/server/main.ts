import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { sealAuditKeying } from './audit/audit';
import { createLocalDiskStorage } from './blobs/local-disk';
import { REFERENCES } from './blobs/storage-scan';
import { type AppDeps, systemClock } from './context';
import { createServerApp } from './create-server';
import { type DbHandle, migrateToLatest, openDatabase } from './db/database';
import { type Env, loadEnv } from './env';
import { startScheduledJobs } from './jobs';
import { logger } from './logger';
import { ensureReferenceData } from './reference-data';
import { DEMO_PASSWORD, seedDemo } from './seed';
import { checkDatabase, checkStorageDir, describeDatabaseError, listen, maskUrl } from './startup';

// Start-up order (issue #10): every setting is checked before anything is written — environment, database,
// storage, then the port is bound, so that a busy port fails before seeding or jobs run. Until the data is ready,
// requests get 503 (the health check too), which a supervisor or load balancer reads as "not yet".

/** A start-up problem the operator fixes: its message is the whole output. */
class StartupError extends Error {}

async function openChecked(env: Env): Promise<DbHandle> {
  let handle: DbHandle | null = null;
  try {
    handle = openDatabase(env.DATABASE_URL);
    await checkDatabase(handle.db);
    return handle;
  } catch (err) {
    await handle?.close().catch(() => {});
    throw new StartupError(describeDatabaseError(env.DATABASE_URL, err));
  }
}

async function referencedFiles(h: DbHandle): Promise<number> {
  let n = 0;
  for (const { table } of REFERENCES) {
    const row = await h.db
      .selectFrom(table)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    n += Number(row?.n ?? 0);
  }
  return n;
}

async function seedIfDemo(deps: AppDeps): Promise<void> {
  const ctx = { ...deps, actor: null, ip: null };
  const ref = await ensureReferenceData(ctx);
  if (ref.years.length || ref.organizations) {
    logger.info(
      { years: ref.years, organizations: ref.organizations },
      '已载入基础数据（年度政策、创新服务中心、区科协）',
    );
  }
  if (deps.env.NODE_ENV === 'production' || deps.env.DEMO_DATA !== '1') return;
  const accounts = await seedDemo(ctx);
  if (!accounts.length) {
    console.log(`演示账户见 README（密码 ${DEMO_PASSWORD}）；数据库已有账户或站点，未写入演示数据。`);
    return;
  }
  const lines = accounts.map((a) => `  ${a.username.padEnd(12)} ${a.displayName.padEnd(8, '　')}  ${a.note}`);
  console.log(
    [
      '',
      '千企 Qianqi — 已写入演示数据（2025 年度、17 个区科协、23 个工作站点及其全年台账和项目合作协议）',
      `演示账户（密码均为 ${DEMO_PASSWORD}）：`,
      ...lines,
      '',
    ].join('\n'),
  );
}

function warnings(env: Env): void {
  if (!env.PII_KEY) {
    logger.warn('PII_KEY 未设置：专家身份证号、银行账号使用开发用固定密钥加密，仅供开发和演示（生产环境必须设置）');
  }
  if (env.NODE_ENV === 'production' && env.COOKIE_SECURE === '0') {
    logger.warn('COOKIE_SECURE=0：会话 Cookie 可经明文 HTTP 发送。仅在确无 HTTPS 的受控内网使用，否则请设为 1');
  }
}

async function main() {
  const env = (() => {
    try {
      return loadEnv();
    } catch (err) {
      throw new StartupError(err instanceof Error ? err.message : String(err));
    }
  })();
  const handle = await openChecked(env);
  const applied = await migrateToLatest(handle.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  try {
    await checkStorageDir(env.STORAGE_DIR, () => referencedFiles(handle));
  } catch (err) {
    throw new StartupError(err instanceof Error ? err.message : String(err));
  }
  const deps: AppDeps = {
    db: handle.db,
    engine: handle.engine,
    clock: systemClock,
    env,
    blobs: createLocalDiskStorage(env.STORAGE_DIR),
  };
  // Migration 012 just keyed an existing audit chain: its first keyed row now, not at the first sign-in (decision 017).
  await sealAuditKeying({ ...deps, actor: null, ip: null }, applied);

  let serveApp: ((req: Request) => Response | Promise<Response>) | null = null;
  const starting = () =>
    Response.json(
      { error: { code: 'starting', message: '系统正在启动，请稍候再试' } },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  const server = createAdaptorServer({ fetch: (req: Request) => (serveApp ? serveApp(req) : starting()) }) as Server;
  try {
    await listen(server, env.PORT, env.HOST);
  } catch (err) {
    await handle.close().catch(() => {});
    throw new StartupError(err instanceof Error ? err.message : String(err));
  }

  warnings(env);
  await seedIfDemo(deps);
  const { app } = createServerApp(deps);
  serveApp = app.fetch;
  // Agreement versions taking effect and 截止前提醒 (issue #4): in-process, hourly, idempotent.
  const stopJobs = startScheduledJobs(deps, (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)));
  console.log(
    `千企 Qianqi 已启动：http://${env.HOST}:${env.PORT}  （数据库：${handle.engine === 'sqlite' ? maskUrl(env.DATABASE_URL) : `PostgreSQL ${maskUrl(env.DATABASE_URL)}`}）`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`再次收到 ${signal}：立即退出`);
      process.exit(1);
    }
    stopping = true;
    console.log(`收到 ${signal}：不再接受新请求，等待处理中的请求完成后退出…`);
    // Requests in flight finish; idle keep-alive connections are closed now, busy ones after their response.
    server.close(() => {
      stopJobs()
        .then(() => handle.close())
        .then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, '关闭数据库连接失败');
            process.exit(1);
          },
        );
    });
    server.closeIdleConnections();
    // A request that never ends must not keep a supervisor waiting for ever.
    setTimeout(() => {
      logger.warn('仍有请求未完成（超过 10 秒），强制断开');
      server.closeAllConnections();
    }, 10_000).unref();
    setTimeout(() => process.exit(1), 20_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof StartupError) console.error(err.message);
  else console.error('启动失败：', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
