// The state of a year-scoped list page (申报书, 站点, 监督检查, 项目): filters, SQL paging that returns to page 1 when a
// filter changes, and, where the page wants it, the newest program year chosen once the years are known (the user
// may then pick 全部年度). One place, so the lists behave alike.
import { useEffect, useState } from 'react';
import { useProgramYears } from './program-years';

export function useYearListFilters<F extends { year?: number }>(opts: { newestYearFirst: boolean }) {
  const years = useProgramYears();
  const [filters, setFilters] = useState<F>({} as F);
  const [yearChosen, setYearChosen] = useState(!opts.newestYearFirst);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  useEffect(() => {
    if (!yearChosen && years.data?.length) {
      setFilters((f) => ({ ...f, year: years.data[0].year }));
      setYearChosen(true);
    }
  }, [yearChosen, years.data]);
  const setFilter = (patch: Partial<F>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  return {
    years,
    filters,
    setFilter,
    paging,
    setPaging,
    /** the list may load: the default year is set, or there is none to wait for */
    ready: yearChosen || years.isError || years.data?.length === 0,
  };
}
