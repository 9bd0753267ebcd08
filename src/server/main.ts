import { mkdirSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createLocalDiskStorage } from './blobs/local-disk';
import { systemClock } from './context';
import { createServerApp } from './create-server';
import { migrateToLatest, openDatabase } from './db/database';
import { loadEnv } from './env';
import { startScheduledJobs } from './jobs';
import { logger } from './logger';
import { DEMO_PASSWORD, seedDemo } from './seed';

async function main() {
  const env = loadEnv();
  mkdirSync(env.STORAGE_DIR, { recursive: true });
  const handle = openDatabase(env.DATABASE_URL);
  const applied = await migrateToLatest(handle.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const deps = {
    db: handle.db,
    engine: handle.engine,
    clock: systemClock,
    env,
    blobs: createLocalDiskStorage(env.STORAGE_DIR),
  };

  if (env.NODE_ENV !== 'production' && env.DEMO_DATA === '1') {
    const accounts = await seedDemo({ ...deps, actor: null, ip: null });
    if (accounts.length) {
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
    } else {
      console.log(`演示账户见 README（密码 ${DEMO_PASSWORD}），数据库已有数据，未重新写入。`);
    }
  }

  if (!env.PII_KEY) {
    logger.warn('PII_KEY 未设置：专家身份证号、银行账号使用开发用固定密钥加密，仅供开发和演示（生产环境必须设置）');
  }
  const { app } = createServerApp(deps);
  // Agreement versions taking effect and 截止前提醒 (issue #4): in-process, hourly, idempotent.
  const stopJobs = startScheduledJobs(deps, (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)));
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(`千企 Qianqi 已启动：http://${info.address}:${info.port}  （数据库：${handle.engine}）`);
  });
  const stop = () => {
    stopJobs();
    server.close(() => {
      handle.close().finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
