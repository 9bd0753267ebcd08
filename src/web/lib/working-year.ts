// The working year (issue 14): every year-scoped page opens on the year whose project period contains today — the
// server marks it — else the newest year that has stations, never on a new year that is still empty. The year the
// user picks is in the address (?year=, so reload, Back and a shared link keep it) and remembered for the next page.
import { useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { workingYearOf } from '../../shared/working-year';
import { useProgramYears } from './program-years';

const REMEMBERED = 'qianqi.year';
/** `?year=all`: 全部年度, on the lists that offer it */
export const ALL_YEARS = 'all';

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function remember(value: string): void {
  try {
    localStorage.setItem(REMEMBERED, value);
  } catch {
    // private mode or storage full: the address still carries the year
  }
}

export type YearDefault = 'working' | 'newest' | 'all';

/**
 * The page's program year. `undefined` with `ready` means 全部年度 (only where `allowAll`). A year that the address or
 * the memory names but the server does not list (deleted, or not in the account's scope) falls back to the default.
 */
export function useYearParam(opts: { fallback?: YearDefault; allowAll?: boolean } = {}) {
  const { fallback = 'working', allowAll = false } = opts;
  const years = useProgramYears();
  const [params, setParams] = useSearchParams();
  const list = years.data;
  const valid = (raw: string | null): string | undefined => {
    if (raw === null || !list) return undefined;
    if (raw === ALL_YEARS) return allowAll ? ALL_YEARS : undefined;
    return list.some((y) => String(y.year) === raw) ? raw : undefined;
  };
  const fromAddress = valid(params.get('year'));
  const chosen =
    fromAddress ??
    valid(remembered()) ??
    (!list
      ? undefined
      : fallback === 'all' && allowAll
        ? ALL_YEARS
        : String((fallback === 'newest' ? list[0]?.year : workingYearOf(list)) ?? ''));
  // The default goes into the address too, so a reload or a copied link keeps it. Written to the browser's history
  // entry directly, not navigated: a navigation fired when the year list arrives would undo a menu click made in the
  // meantime (it did, in the e2e run). Only while the page is still the one that asked.
  const { pathname } = useLocation();
  useEffect(() => {
    if (!list || fromAddress !== undefined || !chosen) return;
    const url = new URL(window.location.href);
    if (url.pathname !== pathname || url.searchParams.has('year')) return;
    url.searchParams.set('year', chosen);
    window.history.replaceState(window.history.state, '', url);
  }, [list, fromAddress, chosen, pathname]);
  const setYear = (year: number | undefined) => {
    const value = year === undefined ? ALL_YEARS : String(year);
    remember(value);
    setParams((p) => {
      p.set('year', value);
      p.delete('page');
      return p;
    });
  };
  const year = chosen && chosen !== ALL_YEARS ? Number(chosen) : undefined;
  return {
    years,
    year,
    setYear,
    workingYear: list ? workingYearOf(list) : undefined,
    /** the summary of the chosen year, for its station count */
    summary: list?.find((y) => y.year === year),
    ready: Boolean(chosen) || years.isError || list?.length === 0,
  };
}

/**
 * A year-wide page (考核看板, 经费执行): the year as above, with the page's other filters (short strings) in the
 * address beside it, so that a reload or Back keeps them too.
 */
export function useYearAndFilters<F extends { year?: number }>(opts: {
  keys: readonly Exclude<keyof F & string, 'year'>[];
}) {
  const y = useYearParam();
  const [params, setParams] = useSearchParams();
  const raw = opts.keys.map((k) => params.get(k) ?? '').join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `raw` stands for the keys' values in the address
  const filters = useMemo(() => {
    const f: Record<string, unknown> = { year: y.year };
    for (const k of opts.keys) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f as F;
  }, [raw, y.year]);
  const set = (patch: Partial<F>) => {
    const { year, ...others } = patch as Record<string, unknown>;
    if ('year' in patch) y.setYear(year as number | undefined);
    if (!Object.keys(others).length) return;
    setParams((p) => {
      for (const [k, v] of Object.entries(others)) {
        if (v === undefined || v === null || v === '') p.delete(k);
        else p.set(k, String(v));
      }
      return p;
    });
  };
  return { ...y, filters, set };
}
