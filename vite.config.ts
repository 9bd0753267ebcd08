import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app (src/web) is built into dist/, which the server serves: /assets/* statically, index.html for every
// other non-/api path. In development the Vite server proxies /api to the API server on port 3000 (or to
// QIANQI_API_URL). The proxy keeps the Host header (no changeOrigin) so that the server's same-origin check sees
// the page's own origin.
export default defineConfig({
  plugins: [react()],
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
    // dist/.vite/manifest.json: lets `npm run bench` add up what each route loads (the sign-in budget).
    manifest: true,
    // antd is large by nature; the budgets (sign-in ≤ 150 kB gzip, shell + page ≤ 450 kB gzip) are what matter.
    chunkSizeWarningLimit: 1200,
  },
});
