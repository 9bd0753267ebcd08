import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
// One database per port, so that two runs on different ports do not share (or delete) each other's.
const dbDir = `test-results/e2e-db-${port}`;

// A real server on a fresh SQLite database with the demo data, driven by Debian's Chromium (never a downloaded one).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/e2e-${port}`,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // One server and database for the run: journeys that change what others read (a newer program year) run last.
  projects: [
    {
      name: 'journeys',
      testIgnore:
        /center-records|funds-journey|ledger-import|lifecycle-journey|matching|official-lists|phone-host|record-history|station-ledger|year-call/,
    },
    {
      name: 'data-changes',
      testMatch:
        /center-records|funds-journey|ledger-import|lifecycle-journey|matching|official-lists|phone-host|record-history|station-ledger|year-call/,
      dependencies: ['journeys'],
    },
  ],
  webServer: {
    command: `rm -rf ${dbDir} && node --import ./node_modules/tsx/dist/loader.mjs src/server/main.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbDir}/qianqi.db`,
      STORAGE_DIR: `${dbDir}/storage`,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_PER_MINUTE: '1000',
      // Every JSON answer the journeys cause is checked against its declared schema (decision 020): a drift is a 500.
      VALIDATE_RESPONSES: '1',
    },
  },
});
