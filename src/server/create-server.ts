import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { type CreatedApp, createApp } from './app';
import type { AppDeps } from './context';

/** The API plus the built web app (dist/), with the SPA's index.html for client-side routes. */
export function createServerApp(deps: AppDeps, distDir = resolve('dist')): CreatedApp {
  const created = createApp(deps);
  const { app } = created;
  if (existsSync(join(distDir, 'index.html'))) {
    const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
    // Office PCs on slow links: the bundles go gzip'd (CompressionStream, no native module).
    app.use('/assets/*', compress());
    app.use(
      '/assets/*',
      serveStatic({
        root: distDir,
        onFound: (_p, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.use('/favicon.svg', serveStatic({ root: distDir }));
    app.get('*', (c) => {
      if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found', message: '接口不存在' } }, 404);
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }
  return created;
}
