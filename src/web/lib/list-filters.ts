// The state of a year-scoped list page (申报书, 站点, 监督检查, 项目): the program year, the filters and the page, all
// in the address — a reload, Back or a link sent to a colleague opens the same rows — with SQL paging that returns to
// page 1 when a filter changes, and 重置 back to the page's default. One place, so the lists behave alike.
import { useSearchParams } from 'react-router';
import { useYearParam, type YearDefault } from './working-year';

const PAGE_SIZES = [10, 20, 50, 100];

/** Filters other than the year are short strings (codes, a status, a search text). */
type StringFilters<F> = { [K in Exclude<keyof F, 'year'>]?: string };

/**
 * The filters and the page of a list, in the address: for lists without a year (组织), and the core of
 * `useYearListFilters`. A changed filter returns to page 1; 重置 clears the filters named in `keys`, nothing else.
 */
export function useListFilters<F extends StringFilters<F>>(opts: {
  /** the filter names the page uses, so that other parameters of the address are left alone */
  keys: readonly Exclude<keyof F & string, 'year'>[];
}) {
  const [params, setParams] = useSearchParams();
  const filters = {} as F;
  for (const k of opts.keys) {
    const v = params.get(k);
    if (v) (filters as Record<string, string>)[k] = v;
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Number(params.get('pageSize'));
  const paging = { page, pageSize: PAGE_SIZES.includes(size) ? size : 20 };

  const setFilter = (patch: Partial<F>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(patch)) {
        if (k === 'year') continue;
        if (v === undefined || v === null || v === '') p.delete(k);
        else p.set(k, String(v));
      }
      p.delete('page');
      return p;
    });
  const setPaging = (next: { page: number; pageSize: number }) =>
    setParams((p) => {
      if (next.page > 1) p.set('page', String(next.page));
      else p.delete('page');
      if (next.pageSize !== 20) p.set('pageSize', String(next.pageSize));
      else p.delete('pageSize');
      return p;
    });
  const reset = () =>
    setParams((p) => {
      for (const k of opts.keys) p.delete(k);
      p.delete('page');
      return p;
    });
  return {
    filters,
    setFilter,
    paging,
    setPaging,
    reset,
    /** a filter is set (the empty state says 没有符合条件的…) */
    filtered: opts.keys.some((k) => params.get(k)),
  };
}

export function useYearListFilters<F extends { year?: number } & StringFilters<F>>(opts: {
  /** the year a list opens on: the working year, the newest (a call's year) or 全部年度 */
  defaultYear: YearDefault;
  /** the filter names the page uses, so that other parameters of the address are left alone */
  keys: readonly Exclude<keyof F & string, 'year'>[];
}) {
  const y = useYearParam({ fallback: opts.defaultYear, allowAll: true });
  const list = useListFilters<F>({ keys: opts.keys });
  const setFilter = (patch: Partial<F>) => {
    if ('year' in patch) {
      // setYear writes the address itself (and page 1); a second write in the same event would start from the
      // address as it was rendered and drop the new year.
      y.setYear(patch.year);
      if (Object.keys(patch).length === 1) return;
    }
    list.setFilter(patch);
  };
  return {
    ...list,
    years: y.years,
    workingYear: y.workingYear,
    yearSummary: y.summary,
    filters: { ...list.filters, year: y.year } as F,
    setFilter,
    /** the list may load: the default year is set, or there is none to wait for */
    ready: y.ready,
  };
}

/** `?sort=` as the address holds it, if the list sorts by that key: a pasted or outdated link may carry anything. */
export function knownSort(keys: readonly string[], sort: string | undefined): string | undefined {
  return sort && keys.includes(sort.startsWith('-') ? sort.slice(1) : sort) ? sort : undefined;
}
