// 待匹配需求: demands still 已征集 a month after collection, across the stations the reader sees (第七条 asks stations
// to dock the demands they collect). The Center follows up from here; the station's 企业需求 page has the suggestions.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { InputNumber, Select, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { matchingApi } from '../../../shared/api/matching';
import { ROLE_SCOPE } from '../../../shared/permissions';
import type { UnmatchedDemandDto } from '../../../shared/schemas/matching';
import { ExportButton } from '../../components/export-button';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { ResponsiveTable } from '../../components/responsive-table';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { call, urlOf } from '../../lib/api';
import { districtNameOf, districtOptions, useDistricts } from '../../lib/districts';
import { useYearListFilters } from '../../lib/list-filters';
import { useMe } from '../../lib/session-context';

interface Filters {
  year?: number;
  days?: string;
  districtCode?: string;
  q?: string;
}

const DEFAULT_DAYS = 30;

export default function UnmatchedDemandsPage() {
  const { years, filters, setFilter, paging, setPaging, ready, reset, filtered } = useYearListFilters<Filters>({
    defaultYear: 'working',
    keys: ['days', 'districtCode', 'q'],
  });
  const days = Math.min(365, Math.max(1, Number(filters.days) || DEFAULT_DAYS));
  const query = { year: filters.year, days, districtCode: filters.districtCode, q: filters.q };
  const list = useQuery({
    queryKey: ['matching', 'unmatched', query, paging],
    queryFn: () => call(matchingApi.unmatchedDemands, { query: { ...query, ...paging } }),
    placeholderData: keepPreviousData,
    enabled: ready,
  });
  const me = useMe();
  const wholeCity = ROLE_SCOPE[me.role] === 'all';
  const districts = useDistricts(filters.year, wholeCity);
  const names = new Map((districts.data ?? []).map((d) => [d.code, d.name]));

  const columns: TableColumnsType<UnmatchedDemandDto> = [
    {
      title: '需求名称',
      key: 'title',
      dataIndex: 'title',
      ellipsis: true,
      render: (t: string, d) => <Link to={`/stations/${d.stationId}/ledger/demands`}>{t}</Link>,
    },
    { title: '企业', dataIndex: 'enterpriseName', width: 220, ellipsis: true, render: (n: string | null) => n ?? '—' },
    { title: '工作站点', dataIndex: 'stationName', width: 220, ellipsis: true },
    { title: '所在区', dataIndex: 'districtCode', width: 90, render: (c: string | null) => districtNameOf(names, c) },
    { title: '征集日期', dataIndex: 'collectedOn', width: 110 },
    {
      title: '已等待',
      dataIndex: 'daysWaiting',
      width: 96,
      align: 'right',
      render: (n: number) => <Tag color={n > 2 * days ? 'red' : 'orange'}>{n} 天</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title="待匹配需求"
        subtitle="征集后超过指定天数仍未匹配专家或成果的企业需求（第七条）；在站点的企业需求页可查看对接推荐并采纳"
      />
      <FilterBar
        onReset={reset}
        filtered={filtered}
        extra={<ExportButton path={urlOf(matchingApi.exportUnmatchedDemands, { query })} />}
      >
        <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          征集超过
          <InputNumber
            aria-label="征集后天数"
            min={1}
            max={365}
            precision={0}
            style={{ width: 80 }}
            value={days}
            onChange={(v) => setFilter({ days: v && v !== DEFAULT_DAYS ? String(v) : undefined })}
          />
          天
        </span>
        {wholeCity && (
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
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索需求"
          placeholder="需求名称、企业或站点"
        />
      </FilterBar>
      <ResponsiveTable<UnmatchedDemandDto>
        aria-label="待匹配需求"
        titleColumn="title"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText={filtered ? '没有符合条件的需求' : `没有征集超过 ${days} 天仍未匹配的需求`}
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
