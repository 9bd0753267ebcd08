// 问题清单: the findings of every inspection of the year in one list (第十九条; violations 第十八条), filtered in the
// address like the other lists, paged by the server, overdue ones marked, and exported to Excel with the same filters.
import { Select, theme } from 'antd';
import { FINDING_STATES, findingMachine } from '../../../domain/supervision/supervision';
import { FINDING_KIND_LABELS } from '../../../shared/labels';
import { ROLE_SCOPE } from '../../../shared/permissions';
import { FINDING_KINDS } from '../../../shared/schemas/supervision';
import { ExportButton } from '../../components/export-button';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { ResponsiveTable } from '../../components/responsive-table';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { districtOptions, useDistricts } from '../../lib/districts';
import { useYearListFilters } from '../../lib/list-filters';
import { useCan, useMe } from '../../lib/session-context';
import {
  type FindingOverview,
  type FindingOverviewFilters,
  findingsExportPath,
  oneOf,
  useFindingOverview,
} from './api';
import { OverdueSwitch } from './overdue-switch';
import { findingOverviewColumns } from './overview-columns';

export function FindingsTab() {
  const { years, filters, setFilter, paging, setPaging, ready, reset, filtered } =
    useYearListFilters<FindingOverviewFilters>({
      defaultYear: 'working',
      keys: ['status', 'kind', 'overdue', 'districtCode', 'q'],
    });
  const query: FindingOverviewFilters = {
    ...filters,
    status: oneOf(FINDING_STATES, filters.status),
    kind: oneOf(FINDING_KINDS, filters.kind),
    overdue: filters.overdue === 'true' ? 'true' : undefined,
  };
  const list = useFindingOverview(query, paging, ready);
  const { token } = theme.useToken();
  const can = useCan();
  const me = useMe();
  // Only a reader of the whole city has a district filter to fill.
  const districts = useDistricts(filters.year, ROLE_SCOPE[me.role] === 'all');

  return (
    <>
      <FilterBar onReset={reset} filtered={filtered} extra={<ExportButton path={findingsExportPath(query)} />}>
        <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
        <Select
          allowClear
          aria-label="问题状态"
          placeholder="问题状态"
          style={{ width: 140 }}
          value={query.status}
          onChange={(status) => setFilter({ status })}
          options={FINDING_STATES.map((value) => ({ value, label: findingMachine.stateLabels[value] }))}
        />
        <Select
          allowClear
          aria-label="问题类型"
          placeholder="问题类型"
          style={{ width: 130 }}
          value={query.kind}
          onChange={(kind) => setFilter({ kind })}
          options={FINDING_KINDS.map((value) => ({ value, label: FINDING_KIND_LABELS[value] }))}
        />
        {/* A district or a host sees its own stations only: a choice of district would offer nothing. */}
        {ROLE_SCOPE[me.role] === 'all' && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="所在区"
            placeholder="全部区"
            style={{ width: 160 }}
            value={filters.districtCode}
            onChange={(districtCode) => setFilter({ districtCode })}
            options={districtOptions(districts.data)}
          />
        )}
        <OverdueSwitch value={query.overdue} onChange={(overdue) => setFilter({ overdue })} />
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索问题"
          placeholder="站点名称或问题描述"
        />
      </FilterBar>
      <ResponsiveTable<FindingOverview>
        aria-label="问题清单"
        titleColumn="station"
        loading={list.isFetching}
        columns={findingOverviewColumns({ inspections: can('manage:inspection') })}
        dataSource={list.data?.items ?? []}
        onRow={(f) => (f.overdue ? { style: { background: token.colorErrorBg } } : {})}
        emptyText={
          query.overdue ? '没有逾期未办结的问题' : filtered ? '没有符合条件的检查发现' : '本年度的检查尚无发现的问题'
        }
        scroll={{ x: 1100 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
}
