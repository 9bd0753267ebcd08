import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Select } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { STATION_TYPES } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { STATION_SORT_KEYS } from '../../../shared/schemas/station';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { districtNameOf, districtOptions, useDistricts } from '../../lib/districts';
import { knownSort, useYearListFilters } from '../../lib/list-filters';
import { useCan } from '../../lib/session-context';
import { type Station, type StationFilters, useStations } from '../../lib/stations';
import { stationsExportUrl, useDeleteStation } from './api';
import { stationColumns } from './columns';

// Forms load on demand: the list opens without the date picker and the schemas.
const StationForm = lazy(() => import('./station-form').then((m) => ({ default: m.StationForm })));

export default function StationsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const {
    years,
    filters: asked,
    setFilter,
    paging,
    setPaging,
    ready,
    reset,
    filtered,
  } = useYearListFilters<StationFilters>({
    defaultYear: 'working',
    keys: ['type', 'districtCode', 'q', 'sort'],
  });
  const filters = { ...asked, sort: knownSort(STATION_SORT_KEYS, asked.sort) };
  const [editing, setEditing] = useState<Station | 'new' | null>(null);
  const list = useStations(filters, paging, ready);
  const districts = useDistricts(filters.year, can('read:district'));
  const names = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const remove = useDeleteStation();
  const canWrite = can('write:station');

  const columns = stationColumns({
    districtName: (c) => districtNameOf(names, c),
    onEdit: canWrite ? (s) => setEditing(s) : undefined,
    onDelete: canWrite
      ? (s) =>
          remove.mutate(s, {
            onSuccess: () => message.success(`已删除“${s.name}”`),
          })
      : undefined,
  });

  return (
    <>
      <PageHeader
        title="工作站点"
        subtitle="区工作站点（A类、B类）与产学研合作站点（第三条、第六条）"
        extra={
          <>
            <ExportButton path={stationsExportUrl(filters)} />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                新建工作站点
              </Button>
            )}
          </>
        }
      />
      <FilterBar onReset={reset} filtered={filtered}>
        <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
        <Select
          allowClear
          aria-label="站点类型"
          placeholder="站点类型"
          style={{ width: 180 }}
          value={filters.type}
          onChange={(type) => setFilter({ type })}
          options={STATION_TYPES.map((value) => ({ value, label: STATION_TYPE_LABELS[value] }))}
        />
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
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索工作站点"
          placeholder="站点名称或依托单位"
          width={260}
        />
      </FilterBar>
      <DataTable<Station>
        settingsKey="stations"
        sort={{ value: filters.sort, onChange: (sort) => setFilter({ sort }) }}
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText="没有符合条件的工作站点"
        scroll={{ x: 1090 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {editing && (
        <Suspense fallback={null}>
          <StationForm
            station={editing === 'new' ? null : editing}
            defaultYear={filters.year}
            onClose={() => setEditing(null)}
            onSaved={(s) => message.success(`已保存“${s.name}”`)}
          />
        </Suspense>
      )}
    </>
  );
}
