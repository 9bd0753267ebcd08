#!/usr/bin/env node
// `npm start`: make sure the web assets (dist/) are built, then run the server IN THIS PROCESS. There is no child
// process to forward signals to or to outlive us: SIGTERM from a supervisor reaches the server itself, and when the
// server dies, `npm start` dies with its exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

if (stale && !existsSync(vite)) {
  // A production install (npm ci --omit=dev) has no Vite: dist/ is built beforehand and deployed with the code.
  if (!existsSync(built)) {
    console.error(
      '缺少前端构建结果 dist/，且未安装构建工具（生产安装 npm ci --omit=dev 不含 Vite）。\n' +
        '请在完整安装（npm ci）的机器上运行 npm run build，把 dist/ 与代码一同部署；见 README“生产部署”。',
    );
    process.exit(1);
  }
  console.warn('前端源码比 dist/ 新，但未安装构建工具（Vite），继续使用现有的 dist/。');
} else if (stale) {
  console.log(
    existsSync(built) ? '前端源码有更新：正在重新构建（vite build）…' : '首次启动：正在构建前端资源（vite build）…',
  );
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The server is TypeScript run through tsx (docs/decisions/003): register its loader here, then load the server.
const { register } = await import('tsx/esm/api');
register();
await import(pathToFileURL(join(root, 'src', 'server', 'main.ts')).href);
