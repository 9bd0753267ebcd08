/**
 * What a phone really receives and waits for (issue 16): for each page, the JavaScript bytes on the wire as Chromium's
 * network layer counts them (`encodedDataLength`: compressed body plus headers, so a server that forgets to compress
 * shows here), and the time from navigation to the moment the user can act, on a throttled 4G profile.
 *
 * Every page is a first visit (a fresh browser context: empty cache), the case of a phone opening a link from a
 * message; later pages of a session come from the cache, because assets are immutable.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';

/** The 4G profile of the issue: 150 ms round trip, 1.6 Mbit/s down. Upload is not named there; 750 kbit/s is 4G's usual. */
export const PROFILE_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

export const PHONE = { width: 390, height: 844 };
export const PC = { width: 1366, height: 768 };

export interface WirePage {
  name: string;
  viewport: { width: number; height: number };
  /** signed in as this demo account, or not signed in */
  user: string | null;
  /** the address, given the host's station id */
  path: (stationId: string) => string;
  /** resolves once the user can act on the page (the control they came for is there and enabled) */
  usable: (page: Page) => Promise<void>;
  /** for a form opened on the loaded `path`: the user's tap (the time counts from it) */
  open?: (page: Page) => Promise<void>;
  /** budgets: JavaScript bytes on the wire, and seconds to usable on the 4G profile (null: none set) */
  jsBudget: number;
  secondsBudget: number | null;
}

export interface WireResult {
  jsBytes: number;
  /** everything the page fetched: HTML, CSS, fonts, API JSON and JavaScript */
  allBytes: number;
  usableMs: number;
  /** for a form opened on its page: the page's JavaScript before the tap (the form's own is jsBytes minus this) */
  beforeTapJsBytes?: number;
  /** the script files loaded (name without its hash, bytes on the wire), largest first: what a page pulls in */
  scripts: Array<{ name: string; bytes: number }>;
  /** for a form opened on its page: the scripts that arrived after the tap, largest first */
  tapScripts?: Array<{ name: string; bytes: number }>;
}

interface Counter {
  totals(): { js: number; all: number; scripts: WireResult['scripts'] };
  /** how many scripts have finished so far, and those finished from such a count on (largest first) */
  scriptCount(): number;
  scriptsFrom(index: number): WireResult['scripts'];
}

/** Sums encodedDataLength per finished request, Script requests apart; requests that never finish don't count. */
async function countWire(page: Page, context: BrowserContext): Promise<Counter> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PROFILE_4G);
  // The browser's cache is what we measure around; never let DevTools bypass it.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const kind = new Map<string, { type: string; url: string }>();
  let js = 0;
  let all = 0;
  const scripts: WireResult['scripts'] = [];
  cdp.on('Network.responseReceived', (e) => kind.set(e.requestId, { type: e.type, url: e.response.url }));
  cdp.on('Network.loadingFinished', (e) => {
    const k = kind.get(e.requestId);
    all += e.encodedDataLength;
    if (k?.type === 'Script') {
      js += e.encodedDataLength;
      const file = k.url.split('/').pop() ?? k.url;
      scripts.push({ name: file.replace(/-[\w-]{8}\.js$/, ''), bytes: e.encodedDataLength });
    }
  });
  const largestFirst = (list: WireResult['scripts']) => [...list].sort((a, b) => b.bytes - a.bytes);
  return {
    totals: () => ({ js, all, scripts: largestFirst(scripts) }),
    scriptCount: () => scripts.length,
    scriptsFrom: (index) => largestFirst(scripts.slice(index)),
  };
}

interface MeasureOptions {
  browser: Browser;
  base: string;
  /** session cookies per demo account, from signing in over the API (the sign-in itself is not what we measure) */
  cookies: Map<string, string>;
  stationId: string;
}

export async function measureWire(spec: WirePage, { browser, base, cookies, stationId }: MeasureOptions) {
  const context = await browser.newContext({ viewport: spec.viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    if (spec.user) {
      const cookie = cookies.get(spec.user);
      if (!cookie) throw new Error(`no session for ${spec.user}`);
      const eq = cookie.indexOf('=');
      await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: base }]);
    }
    const page = await context.newPage();
    const counter = await countWire(page, context);
    let started = Date.now();
    let beforeTapJsBytes: number | undefined;
    let tapFrom: number | undefined;
    await page.goto(`${base}${spec.path(stationId)}`, { waitUntil: 'commit' });
    if (spec.open) {
      // A form opened on its page: the page's bytes before the tap are kept apart, so that the form's row can count
      // what the tap downloads (decision 029); the time runs from the tap.
      await page.waitForLoadState('networkidle');
      beforeTapJsBytes = counter.totals().js;
      tapFrom = counter.scriptCount();
      started = Date.now();
      await spec.open(page);
    }
    await spec.usable(page);
    const usableMs = Date.now() - started;
    // Late chunks (a locale, a lazy dialog) still count as what the page costs, whenever they arrive.
    await page.waitForLoadState('networkidle');
    const t = counter.totals();
    const tapScripts = tapFrom === undefined ? undefined : counter.scriptsFrom(tapFrom);
    return {
      jsBytes: t.js,
      allBytes: t.all,
      usableMs,
      beforeTapJsBytes,
      scripts: t.scripts,
      tapScripts,
    } satisfies WireResult;
  } finally {
    await context.close();
  }
}

const KB = 1024;

/** The pages of issue 16 and their budgets: the host's pages on a phone, the Center's dashboard on a PC. */
export const WIRE_PAGES: WirePage[] = [
  {
    name: '登录页（手机）',
    viewport: PHONE,
    user: null,
    path: () => '/login',
    usable: async (page) => {
      await page.getByLabel('用户名').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    },
    jsBudget: 120 * KB,
    secondsBudget: 3,
  },
  {
    name: '主持单位首页（手机）',
    viewport: PHONE,
    user: 'host',
    path: () => '/',
    usable: async (page) => {
      await page.getByText('本单位的工作站点').waitFor({ timeout: 60_000 });
    },
    jsBudget: 250 * KB,
    secondsBudget: 3,
  },
  {
    name: '台账·活动记录（手机）',
    viewport: PHONE,
    user: 'host',
    path: (id) => `/stations/${id}/ledger/events`,
    usable: async (page) => {
      await page.getByRole('list', { name: '活动记录' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: '新增活动' }).waitFor();
    },
    jsBudget: 250 * KB,
    secondsBudget: 3,
  },
  {
    name: '新增活动表单（手机，在活动记录页点按打开）',
    viewport: PHONE,
    user: 'host',
    path: (id) => `/stations/${id}/ledger/events`,
    open: async (page) => {
      await page.getByRole('button', { name: '新增活动' }).click({ timeout: 60_000 });
    },
    usable: async (page) => {
      await page.locator('.ant-modal:visible').getByLabel('活动名称').waitFor({ timeout: 60_000 });
    },
    jsBudget: 250 * KB,
    secondsBudget: 3,
  },
  {
    name: '中心考核看板（电脑）',
    viewport: PC,
    user: 'center',
    path: () => '/kpi-dashboard',
    usable: async (page) => {
      await page
        .getByRole('table', { name: '站点考核指标' })
        .locator('tbody tr')
        .first()
        .getByRole('link')
        .first()
        .waitFor({ timeout: 60_000 });
      await page.locator('canvas').first().waitFor({ timeout: 60_000 });
    },
    jsBudget: 450 * KB,
    secondsBudget: null,
  },
];

/** Modules a host's page must never pull in: the Center's charts and the spreadsheet library. */
export const NOT_FOR_HOST = /echarts|exceljs/i;
