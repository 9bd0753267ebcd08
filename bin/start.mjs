#!/usr/bin/env node
// `npm start`: build the web assets when they are missing or older than their sources, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newestMtime(join(path, entry)));
  return max;
}

const built = join(root, 'dist', 'index.html');
// The web bundle also compiles src/shared and src/domain, so a change there makes it stale too.
const sources = ['src/web', 'src/shared', 'src/domain', 'index.html', 'vite.config.ts', 'public'];
const stale =
  !existsSync(built) || Math.max(...sources.map((s) => newestMtime(join(root, s)))) > statSync(built).mtimeMs;
if (stale) {
  console.log(
    existsSync(built) ? '前端源码有更新：正在重新构建（vite build）…' : '首次启动：正在构建前端资源（vite build）…',
  );
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(
  process.execPath,
  ['--import', join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs'), join(root, 'src', 'server', 'main.ts')],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 0);
