#!/usr/bin/env node
// `npm start`: build the web assets when a fresh clone has none, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('首次启动：正在构建前端资源（vite build）…');
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
