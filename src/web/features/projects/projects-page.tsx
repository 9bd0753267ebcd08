import { Select } from 'antd';
import { PROJECT_PHASE_LABELS, PROJECT_PHASES } from '../../../domain/lifecycle/project-phase';
import { DataTable } from '../../components/data-table';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { useYearListFilters } from '../../lib/list-filters';
import { type ProjectFilters, type ProjectSummary, useProjects } from './api';
import { projectColumns } from './columns';

/** 项目与验收: every project in the account's scope, by year and status (第十条–第十三条). */
export default function ProjectsPage() {
  const { years, filters, setFilter, paging, setPaging, reset, filtered, ready } = useYearListFilters<ProjectFilters>({
    defaultYear: 'working',
    keys: ['status', 'q', 'sort'],
  });
  const list = useProjects(filters, paging, ready);

  return (
    <>
      <PageHeader
        title="项目与验收"
        subtitle="项目合作协议及其调整（第十条、第十一条），年度总结报告、决算报告与验收（第十二条、第十三条）"
      />
      <FilterBar onReset={reset} filtered={filtered}>
        <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
        <Select
          allowClear
          aria-label="项目状态"
          placeholder="项目状态"
          style={{ width: 170 }}
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          options={PROJECT_PHASES.map((s) => ({ value: s, label: PROJECT_PHASE_LABELS[s] }))}
        />
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索项目"
          placeholder="站点名称或依托单位"
          width={260}
        />
      </FilterBar>
      <DataTable<ProjectSummary>
        settingsKey="projects"
        sort={{ value: filters.sort, onChange: (sort) => setFilter({ sort }) }}
        loading={list.isFetching}
        columns={projectColumns()}
        dataSource={list.data?.items ?? []}
        emptyText={filtered ? '没有符合条件的项目' : '暂无项目：申报书批准立项后在此生成项目'}
        scroll={{ x: 1000 }}
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
