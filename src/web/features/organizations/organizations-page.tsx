import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Select } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { HOST_KIND_LABELS, ORG_KIND_LABELS } from '../../../shared/labels';
import { HOST_KIND_CODES, ORGANIZATION_KINDS, ORGANIZATION_SORT_KEYS } from '../../../shared/schemas/organization';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { districtNameOf, districtOptions, useDistricts } from '../../lib/districts';
import { knownSort, useListFilters } from '../../lib/list-filters';
import { type Organization, type OrganizationFilters, useOrganizations } from '../../lib/organizations';
import { useCan } from '../../lib/session-context';
import { organizationsExportUrl } from './api';
import { organizationColumns } from './columns';
import { usePendingRegistrations } from './registrations-api';

const RegistrationsDrawer = lazy(() =>
  import('./registrations-drawer').then((m) => ({ default: m.RegistrationsDrawer })),
);
const OrganizationForm = lazy(() => import('./organization-form').then((m) => ({ default: m.OrganizationForm })));

const toOptions = <T extends string>(codes: readonly T[], labels: Record<string, string>) =>
  codes.map((value) => ({ value, label: labels[value] }));

export default function OrganizationsPage() {
  const can = useCan();
  const navigate = useNavigate();
  // In the address like the other lists: a reload, Back or a shared link shows the same rows.
  const {
    filters: asked,
    setFilter,
    paging,
    setPaging,
    reset,
    filtered,
  } = useListFilters<{ [K in keyof OrganizationFilters]?: string }>({
    keys: ['q', 'kind', 'hostKind', 'districtCode', 'sort'],
  });
  const filters: OrganizationFilters = {
    q: asked.q,
    kind: ORGANIZATION_KINDS.find((k) => k === asked.kind),
    hostKind: HOST_KIND_CODES.find((k) => k === asked.hostKind),
    districtCode: asked.districtCode,
    sort: knownSort(ORGANIZATION_SORT_KEYS, asked.sort),
  };
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  // 我的待办 links here with ?review=registrations: the drawer opens on the pending registrations.
  const [params] = useSearchParams();
  const [reviewing, setReviewing] = useState(params.get('review') === 'registrations');
  const pending = usePendingRegistrations(can('write:organization'));
  const list = useOrganizations(filters, paging);
  const districts = useDistricts(undefined, can('read:district'));
  const names = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);

  const columns = organizationColumns({
    districtName: (c) => districtNameOf(names, c),
    onEdit: can('write:organization') ? (o) => setEditing(o) : undefined,
  });

  return (
    <>
      <PageHeader
        title="组织"
        subtitle="市科协创新服务中心、区科协和依托单位"
        extra={
          <>
            <ExportButton path={organizationsExportUrl(filters)} />
            {can('write:organization') && (
              <Badge count={pending.data ?? 0} size="small">
                <Button onClick={() => setReviewing(true)}>注册审核</Button>
              </Badge>
            )}
            {can('write:organization') && (
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate('/organizations/import')}>
                批量导入
              </Button>
            )}
            {can('write:organization') && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                新建依托单位
              </Button>
            )}
          </>
        }
      />
      <FilterBar onReset={reset} filtered={filtered}>
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索组织"
          placeholder="单位名称或统一社会信用代码"
          width={280}
        />
        <Select
          allowClear
          placeholder="组织类别"
          aria-label="组织类别"
          style={{ width: 170 }}
          options={toOptions(ORGANIZATION_KINDS, ORG_KIND_LABELS)}
          value={filters.kind}
          onChange={(kind) => setFilter({ kind })}
        />
        <Select
          allowClear
          placeholder="单位类型"
          aria-label="单位类型"
          style={{ width: 200 }}
          options={toOptions(HOST_KIND_CODES, HOST_KIND_LABELS)}
          value={filters.hostKind}
          onChange={(hostKind) => setFilter({ hostKind })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="所在区"
          aria-label="所在区"
          style={{ width: 180 }}
          options={districtOptions(districts.data)}
          value={filters.districtCode}
          onChange={(districtCode) => setFilter({ districtCode })}
        />
      </FilterBar>
      <DataTable<Organization>
        settingsKey="organizations"
        sort={{ value: filters.sort, onChange: (sort) => setFilter({ sort }) }}
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText="没有符合条件的组织"
        scroll={{ x: 1130 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {reviewing && (
        <Suspense fallback={null}>
          <RegistrationsDrawer onClose={() => setReviewing(false)} />
        </Suspense>
      )}
      {editing && (
        <Suspense fallback={null}>
          <OrganizationForm org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </>
  );
}
