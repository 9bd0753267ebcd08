import { DatePicker, Input, Select } from 'antd';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../shared/labels';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { shanghaiDayEnd, shanghaiDayStart } from '../../lib/format';
import { type AuditEvent, type AuditFilters, auditExportUrl, useAuditEvents } from './api';
import { useChainCheck } from './chain-check';
import { auditColumns, DiffTable } from './columns';

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function AuditEventsPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const chain = useChainCheck();
  const list = useAuditEvents(filters, paging);

  const setFilter = (patch: AuditFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageHeader
        title="操作日志"
        subtitle="所有修改与登录的防篡改记录（以密钥计算的哈希链，只能追加），时间为北京时间"
        extra={
          <>
            {chain.buttons}
            <ExportButton path={auditExportUrl(filters)} />
          </>
        }
      />
      {chain.alert}
      <div className="filter-bar">
        <DatePicker.RangePicker
          aria-label="时间范围"
          allowEmpty={[true, true]}
          onChange={(_, [from, to]) =>
            setFilter({
              from: from ? shanghaiDayStart(from) : undefined,
              to: to ? shanghaiDayEnd(to) : undefined,
            })
          }
        />
        <Input.Search
          allowClear
          aria-label="操作人"
          placeholder="操作人"
          style={{ width: 180 }}
          onSearch={(actor) => setFilter({ actor: actor.trim() || undefined })}
        />
        <Select
          allowClear
          aria-label="对象"
          placeholder="对象"
          style={{ width: 140 }}
          value={filters.entity}
          onChange={(entity) => setFilter({ entity })}
          options={toOptions(AUDIT_ENTITY_LABELS)}
        />
        <Select
          allowClear
          aria-label="操作"
          placeholder="操作"
          style={{ width: 170 }}
          value={filters.action}
          onChange={(action) => setFilter({ action })}
          options={toOptions(AUDIT_ACTION_LABELS)}
        />
      </div>
      <DataTable<AuditEvent>
        rowKey="seq"
        loading={list.isFetching}
        columns={auditColumns}
        dataSource={list.data?.items ?? []}
        emptyText="没有符合条件的操作日志"
        scroll={{ x: 1090 }}
        expandable={{
          expandedRowRender: (e) => <DiffTable event={e} />,
          rowExpandable: () => true,
        }}
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
