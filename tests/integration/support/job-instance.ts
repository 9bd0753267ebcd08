// A second Qianqi instance for the tests, in its own process: its own database connection (its own pg pool, or its
// own SQLite handle) on the database named by argv[2], like a second server behind a load balancer. It reads one
// command per line on stdin — {"cmd":"jobs"|"apply","now":ISO} — runs it and answers one JSON line on stdout.
import { createInterface } from 'node:readline';
import { createLocalDiskStorage } from '../../../src/server/blobs/local-disk';
import type { AppDeps } from '../../../src/server/context';
import { openDatabase } from '../../../src/server/db/database';
import { loadEnv } from '../../../src/server/env';
import { applyDueAgreementVersions } from '../../../src/server/features/projects/change-requests.service';
import { runScheduledJobs } from '../../../src/server/jobs';

const [url, storageDir] = process.argv.slice(2);
const handle = openDatabase(url);
let now = new Date();
const deps: AppDeps = {
  db: handle.db,
  engine: handle.engine,
  clock: { now: () => now },
  env: loadEnv({ NODE_ENV: 'test' }),
  blobs: createLocalDiskStorage(storageDir),
};

const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const { cmd, now: at } = JSON.parse(line) as { cmd: 'jobs' | 'apply' | 'exit'; now: string };
  if (cmd === 'exit') {
    await handle.close();
    process.exit(0);
  }
  now = new Date(at);
  try {
    const applied =
      cmd === 'jobs'
        ? (await runScheduledJobs(deps)).applied
        : await applyDueAgreementVersions({ ...deps, actor: null, ip: null });
    process.stdout.write(`${JSON.stringify({ applied })}\n`);
  } catch (err) {
    const e = err as { message?: string; code?: string };
    process.stdout.write(`${JSON.stringify({ error: `${e.code ?? ''} ${e.message ?? String(err)}` })}\n`);
  }
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
