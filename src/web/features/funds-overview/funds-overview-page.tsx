// 经费执行 (第十五条): the program year's budget execution across the stations in the account's data scope — the totals
// with the execution rate against the time passed, the grant spent by category, and a page of stations with their
// warnings; the Excel holds every station of the filter. The figures are the server's (`yearExecution`).
import { Alert, Card, Empty, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { ROLE_SCOPE } from '../../../shared/permissions';
import { DataTable } from '../../components/data-table';
import { EmptyYearNotice } from '../../components/empty-year-notice';
import { ExportButton } from '../../components/export-button';
import { FilterSearch } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { YearTypeDistrictFilters } from '../../components/year-type-district-filters';
import { useDistricts } from '../../lib/districts';
import { useCan, useMe } from '../../lib/session-context';
import { useYearAndFilters } from '../../lib/working-year';
import { type ExecutionFilters, executionExportPath, type StationExecutionDto, useYearExecution } from './api';
import { EXECUTION_TABLE_MIN_WIDTH, executionColumns } from './columns';
import { ExecutionSummary } from './summary';

export default function FundsOverviewPage() {
  const me = useMe();
  const can = useCan();
  const {
    years,
    filters,
    set: setFilters,
    summary,
    workingYear,
    setYear,
  } = useYearAndFilters<ExecutionFilters>({
    keys: ['type', 'districtCode', 'q'],
  });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  // A district (or host, auditor) account only sees its own stations: a district filter would mean nothing.
  const showDistricts = ROLE_SCOPE[me.role] === 'all' && can('read:district');
  const districts = useDistricts(filters.year, can('read:district') && filters.year !== undefined);
  const execution = useYearExecution(filters, paging);
  const d = execution.data;
  const columns = useMemo(() => {
    const names = new Map((districts.data ?? []).map((x) => [x.code, x.name]));
    return executionColumns((code) => (code ? (names.get(code) ?? null) : null));
  }, [districts.data]);
  const set = (patch: Partial<ExecutionFilters>) => {
    setFilters(patch);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageHeader
        title="经费执行"
        subtitle="各站点资助经费的执行率与时间进度，临近或超过项目期仍未执行的予以提示（第十五条）；配套经费单独核算（第十四条）"
        extra={filters.year !== undefined && <ExportButton path={executionExportPath(filters)} />}
      />
      <div className="filter-bar">
        <YearTypeDistrictFilters filters={filters} set={set} showDistricts={showDistricts} />
        <FilterSearch value={filters.q} onSearch={(q) => set({ q })} label="搜索站点" placeholder="站点名称" />
      </div>
      {years.data && !years.data.length && <Empty description="尚未设置项目年度" />}
      <EmptyYearNotice
        year={filters.year}
        stationCount={summary?.stationCount}
        workingYear={workingYear}
        onSwitch={setYear}
      />
      {execution.isError && (
        <Alert
          className="card-gap"
          type="error"
          showIcon
          title="无法加载经费执行情况"
          description={execution.error.message}
        />
      )}
      <Spin spinning={execution.isFetching && !d} description="正在加载…">
        {d && <ExecutionSummary t={d.totals} year={d.year} today={d.today} />}
        <Card size="small" title="站点经费执行" styles={{ body: { padding: 0 } }}>
          <DataTable<StationExecutionDto>
            aria-label="站点经费执行"
            rowKey="stationId"
            loading={execution.isFetching && Boolean(d)}
            dataSource={d?.items ?? []}
            columns={columns}
            scroll={{ x: EXECUTION_TABLE_MIN_WIDTH }}
            emptyText="没有符合条件的工作站点"
            paging={{
              page: paging.page,
              pageSize: paging.pageSize,
              total: d?.total ?? 0,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
          />
        </Card>
      </Spin>
    </>
  );
}
