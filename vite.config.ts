import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressDir } from './src/server/http/compression';
import { endpointPathsOnly } from './src/web/build/endpoint-paths';
import { routePreloads } from './src/web/build/route-preloads';

/**
 * After the build has written dist/, a .br and a .gz beside each text file over 1 kB, for the server to pick by
 * Accept-Encoding (issue 16). A plugin rather than a step of `npm run build`, so that every way of building — the
 * script, `npm start` on a fresh machine (bin/start.mjs runs vite build itself), `npx vite build` — has them.
 */
function precompress(): Plugin {
  let outDir = '';
  let log: (msg: string) => void = () => {};
  return {
    name: 'qianqi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (msg) => config.logger.info(msg);
    },
    async closeBundle(error) {
      if (error) return;
      const started = Date.now();
      const files = await precompressDir({ dir: outDir });
      log(`precompressed ${files.length} files (br + gzip) in ${Date.now() - started} ms`);
    },
  };
}

/** antd's own packages of components and styling, free of side effects (decision 029). */
const ANTD_HELPERS =
  /[\\/]node_modules[\\/](@rc-component|@ant-design[\\/](cssinjs|cssinjs-utils|fast-color|colors))[\\/]/;

// The web app (src/web) is built into dist/, which the server serves: /assets/* statically, index.html for every
// other non-/api path. In development the Vite server proxies /api to the API server on port 3000 (or to
// QIANQI_API_URL). The proxy keeps the Host header (no changeOrigin) so that the server's same-origin check sees
// the page's own origin.
export default defineConfig({
  plugins: [react(), endpointPathsOnly(), routePreloads(), precompress()],
  publicDir: 'public',
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: process.env.QIANQI_API_URL ?? 'http://127.0.0.1:3000' },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // dist/.vite/manifest.json: which chunk imports which, to trace why a page loads a chunk (never served).
    manifest: true,
    // antd is large by nature; what matters is what a page receives, measured by `npm run bench` (docs/architecture.md).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Building a zod schema has no effect outside it: a schema no page uses is dropped with its module's zod
      // (issue 16; see src/web/build/endpoint-paths.ts).
      treeshake: {
        manualPureFunctions: ['z'],
        // antd's helper packages declare no `sideEffects`, so an index they import whole (antd's form context imports
        // @rc-component/form's for one provider) came to every page; none has an import for its effect only
        // (decision 029). Every other module keeps what its package.json says.
        moduleSideEffects: (id) => (ANTD_HELPERS.test(id) ? false : undefined),
      },
    },
  },
});
