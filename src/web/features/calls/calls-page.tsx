import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { type Call, useCalls } from '../../lib/calls';
import { useCan } from '../../lib/session-context';
import { useCallTransition } from './api';

const CallForm = lazy(() => import('./call-form').then((m) => ({ default: m.CallForm })));

const statusColor: Record<string, string> = { draft: 'default', open: 'processing', closed: 'success' };

export default function CallsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const calls = useCalls();
  const transition = useCallTransition();
  const [editing, setEditing] = useState<Call | 'new' | null>(null);
  const canWrite = can('write:call');

  const act = (call: Call, action: 'open' | 'close') =>
    transition.mutate(
      { call, action },
      {
        onSuccess: (c) =>
          message.success(
            action === 'open' ? `已发布“${c.title}”，${c.programYear} 年度政策已锁定` : `已截止“${c.title}”`,
          ),
      },
    );

  const columns: TableColumnsType<Call> = [
    { title: '年度', dataIndex: 'programYear', width: 80 },
    { title: '通知标题', dataIndex: 'title', ellipsis: { showTitle: true } },
    { title: '申报时间', key: 'w', width: 210, render: (_, c) => `${c.opensOn} 至 ${c.closesOn}` },
    {
      title: '站点类型',
      key: 't',
      width: 300,
      render: (_, c) => c.stationTypeLabels.map((l) => <Tag key={l}>{l}</Tag>),
    },
    { title: '评审专家', dataIndex: 'minReviewers', width: 90, render: (n: number) => `不少于 ${n} 人` },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: string, c) => <Tag color={statusColor[s]}>{c.statusLabel}</Tag>,
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'op',
            width: 130,
            render: (_: unknown, c: Call) => (
              <Space size={4}>
                {c.status === 'draft' && (
                  <Button type="link" size="small" onClick={() => setEditing(c)}>
                    修改
                  </Button>
                )}
                {c.actions.includes('open') && (
                  <Popconfirm
                    title="发布申报通知"
                    description={`发布后 ${c.programYear} 年度政策将锁定，通知不能再修改（第三条、第十条）。确定发布？`}
                    okText="发布"
                    cancelText="取消"
                    onConfirm={() => act(c, 'open')}
                  >
                    <Button type="link" size="small">
                      发布
                    </Button>
                  </Popconfirm>
                )}
                {c.actions.includes('close') && (
                  <Popconfirm
                    title="截止申报"
                    description="截止后依托单位不能再提交或撤回申报书。确定截止？"
                    okText="截止"
                    cancelText="取消"
                    onConfirm={() => act(c, 'close')}
                  >
                    <Button type="link" size="small" danger>
                      截止
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="申报通知"
        subtitle="每年一次申报（第三条）：申报时间、站点类型、申报材料和评审要求（第十条）"
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              新建申报通知
            </Button>
          )
        }
      />
      <DataTable<Call>
        rowKey="id"
        loading={calls.isPending}
        columns={columns}
        dataSource={calls.data ?? []}
        emptyText="尚未发布申报通知"
        expandable={{
          rowExpandable: (c) => Boolean(c.notice),
          expandedRowRender: (c) => <div style={{ whiteSpace: 'pre-wrap' }}>{c.notice}</div>,
        }}
        scroll={{ x: 1000 }}
      />
      {editing && (
        <Suspense fallback={null}>
          <CallForm call={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </>
  );
}
