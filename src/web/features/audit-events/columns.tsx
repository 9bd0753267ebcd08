import { Table, type TableColumnsType, Tag } from 'antd';
import { auditFieldLabel } from '../../../shared/audit-field-labels';
import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import { formatInstant } from '../../lib/format';
import type { AuditEvent } from './api';

const actionColor: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  lock: 'purple',
  login_failed: 'orange',
  lockout: 'red',
  login_refused_locked: 'orange',
  login_refused_inactive: 'orange',
};

export const auditColumns: TableColumnsType<AuditEvent> = [
  { title: '序号', dataIndex: 'seq', width: 70 },
  { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatInstant(v) },
  { title: '操作人', dataIndex: 'actorName', width: 110, ellipsis: true, render: (v) => v ?? '—' },
  {
    title: '角色',
    dataIndex: 'actorRole',
    width: 110,
    render: (r: string | null) => (r ? (ROLE_LABELS[r as Role] ?? r) : '—'),
  },
  { title: 'IP', dataIndex: 'ip', width: 120, ellipsis: true, render: (v) => v ?? '—' },
  { title: '对象', dataIndex: 'entityLabel', width: 90 },
  {
    title: '操作',
    dataIndex: 'actionLabel',
    width: 130,
    render: (v: string, e) => <Tag color={actionColor[e.action]}>{v}</Tag>,
  },
  { title: '说明', dataIndex: 'summary', ellipsis: true },
];

function show(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return '（空）';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

interface DiffRow {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** The expanded row: what changed, field by field. */
export function DiffTable({ event }: { event: AuditEvent }) {
  const rows: DiffRow[] = Object.entries(event.diff).map(([field, d]) => ({ field, ...d }));
  return (
    <div>
      <div style={{ marginBottom: 8, color: 'rgba(0,0,0,0.55)' }}>
        对象 ID：<span className="mono">{event.entityId ?? '—'}</span>　哈希：
        <span className="mono">{event.hash}</span>
      </div>
      <Table<DiffRow>
        className="diff-table"
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '无字段变更' }}
        columns={[
          {
            title: '字段',
            dataIndex: 'field',
            width: 200,
            // The Chinese name, with the stored code beside it for whoever checks against the database or an export.
            render: (f: string) => (
              <span title={f}>
                {auditFieldLabel(f, event.entity)}
                {auditFieldLabel(f, event.entity) !== f ? (
                  <span className="mono" style={{ color: 'rgba(0,0,0,0.45)' }}>
                    {' '}
                    {f}
                  </span>
                ) : null}
              </span>
            ),
          },
          { title: '修改前', dataIndex: 'before', render: (v: unknown) => <span className="mono">{show(v)}</span> },
          { title: '修改后', dataIndex: 'after', render: (v: unknown) => <span className="mono">{show(v)}</span> },
        ]}
      />
    </div>
  );
}
