import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select } from 'antd';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../shared/labels';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { shanghaiDayEnd, shanghaiDayStart } from '../../lib/format';
import {
  type AuditEvent,
  type AuditFilters,
  auditQueryString,
  type ChainVerification,
  useAuditEvents,
  verifyChain,
} from './api';
import { auditColumns, DiffTable } from './columns';

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function AuditEventsPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const list = useAuditEvents(filters, paging);

  const setFilter = (patch: AuditFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  async function verify() {
    setVerifying(true);
    try {
      setVerification(await verifyChain());
    } catch {
      // shown centrally
    } finally {
      setVerifying(false);
    }
  }

  return (
    <>
      <PageHeader
        title="操作日志"
        subtitle="所有修改与登录的防篡改记录（哈希链），时间为北京时间"
        extra={
          <>
            <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={verifying} onClick={verify}>
              校验哈希链
            </Button>
            <ExportButton path={`/api/v1/audit-events/export${auditQueryString(filters)}`} />
          </>
        }
      />
      {verification && (
        <Alert
          className="card-gap"
          showIcon
          closable={{ onClose: () => setVerification(null) }}
          type={verification.ok ? 'success' : 'error'}
          title={
            verification.ok
              ? `哈希链完整：已校验 ${verification.checked} 条记录，未发现篡改`
              : `哈希链校验失败：第 ${verification.firstBadSeq} 条起异常`
          }
          description={
            verification.ok ? undefined : `${verification.reason ?? ''}（此前 ${verification.checked} 条正常）`
          }
        />
      )}
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
