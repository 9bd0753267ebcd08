import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, type RenderResult, render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, vi } from 'vitest';
import type { Role } from '../../shared/permissions';
import type { Me } from './session';
import { SessionContext } from './session-context';

// Vitest runs here without globals, so Testing Library cannot unmount after each test by itself; and the working
// year a page remembers in localStorage would otherwise decide which year the next test's page opens on.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A JSON answer, as the server sends one (api.ts reads the content type). */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/** A signed-in account. Pages look at its role, district and organization; `over` sets what a test needs. */
export function signedIn(role: Role, over: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    username: role,
    displayName: role,
    role,
    organizationId: null,
    organizationName: null,
    districtCode: null,
    mustChangePassword: false,
    passwordExpired: false,
    ...over,
  };
}

export interface PageOptions {
  /** The address the page opens on: its filters, tab and year are read from it. */
  at?: string;
  /** The route to mount the page under, for a page that reads its parameters (`/stations/:id/kpis`). */
  route?: string;
  /** Without one, a page that calls useMe() throws, as it would outside the session gate. */
  me?: Me;
}

export interface RenderedPage extends RenderResult {
  /** Where the router is now (path and query): what a reload or a shared link would open. */
  address: () => string;
}

/**
 * For component tests: `ui` with what the app around it gives a page: the query cache, the router, the session and
 * antd's App (message, modal). Each call has a cache of its own, so no answer carries over from another test.
 */
export function renderPage(ui: ReactElement, options: PageOptions = {}): RenderedPage {
  // A refused request shows its error at once instead of after the retries and their back-off.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen = { address: '' };
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[options.at ?? '/']}>
        <SessionContext.Provider value={options.me ?? null}>
          <AntApp>
            {options.route ? (
              <Routes>
                <Route path={options.route} element={ui} />
              </Routes>
            ) : (
              ui
            )}
            <AddressSpy seen={seen} />
          </AntApp>
        </SessionContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, address: () => seen.address };
}

// Kept out of the DOM: an element with the address would be one more `status` for the tests' queries to meet.
function AddressSpy({ seen }: { seen: { address: string } }) {
  const location = useLocation();
  seen.address = `${location.pathname}${location.search}`;
  return null;
}

export interface ApiRequest {
  method: string;
  url: string;
  /** The JSON the page sent, parsed; null for a GET. */
  body: unknown;
}

/** What a route answers: JSON, or a function of the request that returns JSON or a whole Response. */
export type ApiAnswer = ((request: ApiRequest) => unknown) | object | string | number | boolean | null;

export interface ApiStub {
  /** Every request the page sent, oldest first. */
  requests: ApiRequest[];
  /** The addresses the page asked for, oldest first. */
  urls: () => string[];
}

/**
 * For component tests: the server as `fetch` reaches it. Each key of `routes` is the start of an address; the
 * longest that fits answers, so `/api/v1/kpi-matrix/activity` wins over `/api/v1/kpi-matrix` in any order, and `/`
 * answers whatever nothing else does. A value is sent as JSON; a function is called with the request and may
 * return a Response for another status. An address no key fits gets a 404, as an unknown API path would.
 */
export function stubApi(routes: Record<string, ApiAnswer>): ApiStub {
  const requests: ApiRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const request: ApiRequest = { method: init?.method ?? 'GET', url: String(input), body: parsed(init?.body) };
      requests.push(request);
      const key = Object.keys(routes)
        .filter((start) => request.url.startsWith(start))
        .sort((a, b) => b.length - a.length)[0];
      if (key === undefined) return new Response('{}', { status: 404 });
      const route = routes[key];
      const answer = typeof route === 'function' ? route(request) : route;
      // A Response can be read only once, so a fixed value is made into a fresh one for every request.
      return answer instanceof Response ? answer : json(answer);
    }),
  );
  return { requests, urls: () => requests.map((r) => r.url) };
}

function parsed(body: RequestInit['body']): unknown {
  if (typeof body !== 'string') return body ?? null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
