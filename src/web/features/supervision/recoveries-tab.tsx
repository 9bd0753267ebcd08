// 追回经费 (第十八条): every recovery order of the year, what was ordered, paid back and is still owed, overdue ones
// marked; payments are recorded on the inspection's page, where the order was issued.
import { Select, theme } from 'antd';
import { RECOVERY_STATES, recoveryMachine } from '../../../domain/supervision/supervision';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { ResponsiveTable } from '../../components/responsive-table';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { useYearListFilters } from '../../lib/list-filters';
import { oneOf, type RecoveryFilters, type RecoveryOrder, useRecoveryOrders } from './api';
import { OverdueSwitch } from './overdue-switch';
import { recoveryOverviewColumns } from './overview-columns';

export function RecoveriesTab() {
  const { years, filters, setFilter, paging, setPaging, ready, reset, filtered } = useYearListFilters<RecoveryFilters>({
    defaultYear: 'working',
    keys: ['status', 'overdue', 'q'],
  });
  const query: RecoveryFilters = {
    ...filters,
    status: oneOf(RECOVERY_STATES, filters.status),
    overdue: filters.overdue === 'true' ? 'true' : undefined,
  };
  const list = useRecoveryOrders(query, paging, ready);
  const { token } = theme.useToken();

  return (
    <>
      <FilterBar onReset={reset} filtered={filtered}>
        <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
        <Select
          allowClear
          aria-label="追回状态"
          placeholder="追回状态"
          style={{ width: 140 }}
          value={query.status}
          onChange={(status) => setFilter({ status })}
          options={RECOVERY_STATES.map((value) => ({ value, label: recoveryMachine.stateLabels[value] }))}
        />
        <OverdueSwitch value={query.overdue} onChange={(overdue) => setFilter({ overdue })} />
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索追回经费"
          placeholder="站点名称"
        />
      </FilterBar>
      <ResponsiveTable<RecoveryOrder>
        aria-label="追回经费通知"
        titleColumn="station"
        loading={list.isFetching}
        columns={recoveryOverviewColumns}
        dataSource={list.data?.items ?? []}
        onRow={(o) => (o.overdue ? { style: { background: token.colorErrorBg } } : {})}
        emptyText={
          query.overdue
            ? '没有逾期未退回的追回经费'
            : filtered
              ? '没有符合条件的追回经费通知'
              : '本年度没有追回经费通知'
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
