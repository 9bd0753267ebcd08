// 企业溯源: where an enterprise's 专精特新 / 企业科协 flag came from — its flags now, the official lists naming it, and
// its registry history, each change naming the list that made it (or a station's ledger).
import { Alert, Card, Descriptions, Empty, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isValidUscc, normalizeUscc } from '../../../domain/uscc';
import { SRDI_LABELS } from '../../../shared/labels';
import type { EnterpriseLookupDto } from '../../../shared/schemas/ledger';
import { FilterSearch } from '../../components/filter-bar';
import { ResponsiveTable } from '../../components/responsive-table';
import { useIsPhone } from '../../components/use-phone';
import { formatInstant } from '../../lib/format';
import { type OfficialListEntry, useEnterpriseLookup, useOfficialListEntries } from './api';
import { KIND_SHORT } from './format';
import { entryColumns } from './list-drawer';

type HistoryItem = EnterpriseLookupDto['history'][number] & { key: string };

const srdiText = (v: string) => (v === 'none' ? '非专精特新' : (SRDI_LABELS[v] ?? v));

const historyColumns: TableColumnsType<HistoryItem> = [
  { title: '变更时间', key: 'changedAt', dataIndex: 'changedAt', width: 170, render: (v: string) => formatInstant(v) },
  {
    title: '来源',
    key: 'source',
    render: (_: unknown, h) =>
      h.sourceList ? (
        <>
          <Tag color="blue">官方名单</Tag>
          {h.sourceList.name}（{KIND_SHORT[h.sourceList.kind as keyof typeof KIND_SHORT] ?? h.sourceList.kind}，
          {h.sourceList.effectiveOn} 起生效）
        </>
      ) : (
        <>
          <Tag>台账填报</Tag>
          {h.by ?? '系统'}
        </>
      ),
  },
  {
    title: '变更前',
    key: 'before',
    render: (_: unknown, h) => `${srdiText(h.srdi)}；${h.hasAssociation ? '建有企业科协' : '无企业科协'}；${h.name}`,
  },
];

export function TraceTab({
  uscc,
  onSearch,
  onOpenList,
}: {
  uscc: string | undefined;
  onSearch: (uscc: string | undefined) => void;
  onOpenList: (id: string) => void;
}) {
  const phone = useIsPhone();
  const code = uscc ? normalizeUscc(uscc) : undefined;
  const valid = code ? isValidUscc(code) : false;
  const lookup = useEnterpriseLookup(valid ? code : undefined);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const entries = useOfficialListEntries({ uscc: code }, paging, valid);

  return (
    <>
      <Typography.Paragraph type="secondary">
        输入统一社会信用代码，查看企业现在的“专精特新”“企业科协”标识来自哪份官方名单（第七条），以及每次变更前的标识。
      </Typography.Paragraph>
      <div className="filter-bar">
        <FilterSearch
          value={uscc}
          onSearch={(v) => {
            setPaging({ page: 1, pageSize: 20 });
            onSearch(v);
          }}
          label="统一社会信用代码"
          placeholder="18 位统一社会信用代码"
          width={320}
        />
      </div>
      {!code && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请输入企业的统一社会信用代码" />}
      {code && !valid && (
        <Alert type="error" showIcon title={`“${code}”不是有效的统一社会信用代码（GB 32100 校验不通过），请核对`} />
      )}
      {valid && (
        <>
          <Card size="small" title="企业名录中的登记" className="card-gap" loading={lookup.isLoading}>
            {lookup.data ? (
              <Descriptions
                size="small"
                column={phone ? 1 : 2}
                items={[
                  { key: 'name', label: '企业名称', children: lookup.data.name },
                  { key: 'uscc', label: '统一社会信用代码', children: lookup.data.uscc },
                  { key: 'srdi', label: '专精特新', children: srdiText(lookup.data.srdi) },
                  { key: 'assoc', label: '企业科协', children: lookup.data.hasAssociation ? '建有企业科协' : '无' },
                ]}
              />
            ) : lookup.isError ? (
              <Alert type="error" showIcon title={(lookup.error as Error).message} />
            ) : (
              !lookup.isLoading && (
                <Alert type="info" showIcon title="该企业尚未在任何站点的台账中登记（未在台账中），没有标识" />
              )
            )}
          </Card>
          <Card size="small" title="列入的官方名单" className="card-gap">
            <ResponsiveTable<OfficialListEntry>
              aria-label="列入的官方名单"
              titleColumn="list"
              rowKey="id"
              size="small"
              loading={entries.isFetching}
              columns={entryColumns({ showList: true, onOpenList }).filter((c) => c.key !== 'name')}
              dataSource={entries.data?.items ?? []}
              emptyText="该企业不在已导入的官方名单中"
              scroll={{ x: 900 }}
              paging={{
                page: paging.page,
                pageSize: paging.pageSize,
                total: entries.data?.total ?? 0,
                onChange: (page, pageSize) => setPaging({ page, pageSize }),
              }}
            />
          </Card>
          {lookup.data && (
            <Card size="small" title="标识变更历史">
              <ResponsiveTable<HistoryItem>
                aria-label="标识变更历史"
                titleColumn="changedAt"
                rowKey="key"
                size="small"
                columns={historyColumns}
                dataSource={lookup.data.history.map((h, i) => ({ ...h, key: String(i) }))}
                localPaging
                emptyText="登记以来标识没有变更"
                scroll={{ x: 700 }}
              />
            </Card>
          )}
        </>
      )}
    </>
  );
}
