// 项目申报 (第十条): the host's own applications, a district's applications to recommend or send back (第六条), and
// every application for the Center with its average score. Server-paged, filtered by year, status, type and text.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Select } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { DataTable } from '../../components/data-table';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { districtOptions, useDistricts } from '../../lib/districts';
import { useYearListFilters } from '../../lib/list-filters';
import { useCan, useMe } from '../../lib/session-context';
import { type ApplicationFilters, type ApplicationSummary, useApplications } from './api';
import { STATUS_OPTIONS } from './application-helpers';
import { applicationColumns } from './columns';

const NewApplicationModal = lazy(() =>
  import('./new-application-modal').then((m) => ({ default: m.NewApplicationModal })),
);

const SUBTITLES: Record<string, string> = {
  host: '本单位的申报书：填写、上传材料并在截止日期前提交（第十条）',
  district: '本区依托单位的申报书：区工作站点须经区科协推荐（第六条）',
  reviewer: '指派给您评审的申报书（第十条）',
};

export default function ApplicationsPage() {
  const can = useCan();
  const me = useMe();
  const { years, filters, setFilter, paging, setPaging, ready, reset, filtered } =
    useYearListFilters<ApplicationFilters>({
      defaultYear: 'newest',
      keys: ['status', 'type', 'districtCode', 'q', 'sort'],
    });
  const [creating, setCreating] = useState(false);
  const list = useApplications(filters, paging, ready);
  const districts = useDistricts(filters.year, can('read:district'));
  const names = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const isCenter = can('manage:review');
  const isHost = can('write:application');

  const columns = applicationColumns({
    districtName: (c) => (c ? (names.get(c) ?? c) : '—'),
    showHost: !isHost,
    showScore: isCenter,
  });
  const emptyText = filtered
    ? '没有符合条件的申报书'
    : isHost
      ? '本单位还没有申报书：在申报期内点击“新建申报书”开始填写'
      : me.role === 'district'
        ? '本区还没有提交的申报书'
        : '还没有申报书';

  return (
    <>
      <PageHeader
        title="项目申报"
        subtitle={SUBTITLES[me.role] ?? '全部申报书：区科协推荐后组织专家评审，按评审排名在名额内立项（第十条）'}
        extra={
          isHost && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              新建申报书
            </Button>
          )
        }
      />
      {me.role === 'district' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="推荐或退回申报书，请打开申报书详情页办理：推荐时填写推荐意见，退回时说明原因（第六条）"
        />
      )}
      <FilterBar onReset={reset} filtered={filtered}>
        <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
        <Select
          allowClear
          aria-label="状态"
          placeholder="状态"
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          options={STATUS_OPTIONS}
        />
        <Select
          allowClear
          aria-label="站点类型"
          placeholder="站点类型"
          style={{ width: 180 }}
          value={filters.type}
          onChange={(type) => setFilter({ type })}
          options={Object.entries(STATION_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {isCenter && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="所在区"
            placeholder="所在区"
            style={{ width: 180 }}
            value={filters.districtCode}
            onChange={(districtCode) => setFilter({ districtCode })}
            options={districtOptions(districts.data)}
          />
        )}
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索申报书"
          placeholder={isHost ? '站点名称' : '站点名称或依托单位'}
          width={260}
        />
      </FilterBar>
      <DataTable<ApplicationSummary>
        settingsKey="applications"
        sort={{ value: filters.sort, onChange: (sort) => setFilter({ sort }) }}
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText={emptyText}
        scroll={{ x: isCenter ? 1150 : 1000 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {creating && (
        <Suspense fallback={null}>
          <NewApplicationModal onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
