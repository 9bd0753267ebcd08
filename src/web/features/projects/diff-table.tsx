import { Table } from 'antd';
import type { TermChange } from './api';

const cell = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };

/** What changed between two versions of the agreement (or a request and its base): 项目 / 原内容 / 新内容. */
export function DiffTable({
  changes,
  loading,
  emptyText = '两个版本内容相同',
}: {
  changes: TermChange[];
  loading?: boolean;
  emptyText?: string;
}) {
  return (
    <Table<TermChange>
      className="diff-table"
      size="small"
      bordered
      loading={loading}
      rowKey="path"
      pagination={false}
      dataSource={changes}
      locale={{ emptyText }}
      columns={[
        { title: '项目', dataIndex: 'label', width: 200 },
        {
          title: '原内容',
          dataIndex: 'before',
          render: (v: string) => <span style={{ ...cell, color: 'rgba(0,0,0,0.55)' }}>{v || '—'}</span>,
        },
        {
          title: '新内容',
          dataIndex: 'after',
          render: (v: string) => <strong style={{ ...cell, fontWeight: 500, color: '#0958d9' }}>{v || '—'}</strong>,
        },
      ]}
    />
  );
}
