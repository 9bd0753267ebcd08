// One list: what it is, and each of its enterprises with what the import did to it (标识已更新, 已有该标识, 已是国家级,
// 未在台账中), the flag before → after. Paged in SQL; filtered by result or by code and name.
import { Alert, Descriptions, Drawer, Segmented, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { OFFICIAL_LIST_OUTCOME_LABELS, OFFICIAL_LIST_OUTCOMES } from '../../../domain/official-lists/official-lists';
import { FilterSearch } from '../../components/filter-bar';
import { ResponsiveTable } from '../../components/responsive-table';
import { useIsPhone } from '../../components/use-phone';
import { formatInstant } from '../../lib/format';
import { type OfficialList, type OfficialListEntry, useOfficialListEntries } from './api';
import { flagChange, KindTag, OutcomeTag } from './format';

type Status = OfficialListEntry['status'] | 'all';

export function entryColumns(opts: { showList: boolean; onOpenList?: (id: string) => void }) {
  const columns: TableColumnsType<OfficialListEntry> = [
    {
      title: '企业名称',
      key: 'name',
      dataIndex: 'name',
      render: (name: string, e) => (
        <>
          {name}
          {e.registryName && (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
              企业名录中为“{e.registryName}”
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
    ...(opts.showList
      ? [
          {
            title: '名单',
            key: 'list',
            render: (_: unknown, e: OfficialListEntry) => (
              <>
                <KindTag kind={e.listKind} />
                {opts.onOpenList ? (
                  <Typography.Link onClick={() => opts.onOpenList?.(e.listId)}>{e.listName}</Typography.Link>
                ) : (
                  e.listName
                )}
              </>
            ),
          },
          { title: '生效日期', dataIndex: 'listEffectiveOn', width: 110 },
        ]
      : [{ title: '行号', dataIndex: 'row', width: 70 }]),
    {
      title: '导入结果',
      dataIndex: 'status',
      width: 150,
      render: (s: OfficialListEntry['status']) => <OutcomeTag status={s} />,
    },
    {
      title: '标识（导入前 → 导入后）',
      key: 'flag',
      width: 260,
      render: (_: unknown, e) => (e.before ? flagChange(e.listKind, e.before, e.after) : '未在台账中，未设置标识'),
    },
  ];
  return columns;
}

export function ListDrawer({ listId, onClose }: { listId: string; onClose: () => void }) {
  const phone = useIsPhone();
  const [status, setStatus] = useState<Status>('all');
  const [q, setQ] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const entries = useOfficialListEntries({ listId, status: status === 'all' ? undefined : status, q }, paging);
  const list: OfficialList | null | undefined = entries.data?.list;

  return (
    <Drawer open title={list ? list.name : '官方名单'} size={phone ? '100%' : 960} onClose={onClose} destroyOnHidden>
      {entries.error && <Alert type="error" showIcon title={(entries.error as Error).message} />}
      {list && (
        <Descriptions
          size="small"
          column={phone ? 1 : 3}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'kind', label: '名单类型', children: <KindTag kind={list.kind} /> },
            { key: 'effectiveOn', label: '生效日期', children: list.effectiveOn },
            { key: 'file', label: '文件', children: list.fileName },
            { key: 'entries', label: '企业数', children: `${list.entries} 家` },
            { key: 'changed', label: '更新标识', children: `${list.changed} 家` },
            { key: 'unregistered', label: '未在台账中', children: `${list.unregistered} 家` },
            { key: 'at', label: '导入时间', children: formatInstant(list.importedAt) },
            { key: 'by', label: '导入人', children: list.importedBy ?? '—' },
          ]}
        />
      )}
      <div className="filter-bar">
        <Segmented<Status>
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: '全部' },
            ...OFFICIAL_LIST_OUTCOMES.map((value) => ({ value, label: OFFICIAL_LIST_OUTCOME_LABELS[value] })),
          ]}
        />
        <FilterSearch
          value={q}
          onSearch={(v) => {
            setQ(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          label="搜索名单中的企业"
          placeholder="企业名称或统一社会信用代码"
        />
      </div>
      <ResponsiveTable<OfficialListEntry>
        aria-label="名单中的企业"
        titleColumn="name"
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        columns={entryColumns({ showList: false })}
        dataSource={entries.data?.items ?? []}
        emptyText={status === 'all' && !q ? '名单中没有企业' : '没有符合条件的企业'}
        scroll={{ x: 820 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: entries.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Drawer>
  );
}
