import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, type TableColumnsType, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { formatInstant } from '../../lib/format';
import { useCan } from '../../lib/session-context';
import { type Notice, useDeleteNotice, useNotices } from './api';
import { NOTICE_KIND_META } from './inbox-helpers';
import { ReminderCard } from './reminder-card';

const NoticeForm = lazy(() => import('./notice-form').then((m) => ({ default: m.NoticeForm })));

/** 通知公告: the Center's notices to every account; the Center publishes, withdraws and sets reminders. */
export default function NoticesPage() {
  const can = useCan();
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [publishing, setPublishing] = useState(false);
  const list = useNotices(paging);
  const remove = useDeleteNotice();
  const canWrite = can('write:notice');

  const columns: TableColumnsType<Notice> = [
    {
      title: '类别',
      dataIndex: 'kind',
      width: 100,
      render: (k: Notice['kind']) => <Tag color={NOTICE_KIND_META[k]?.color}>{NOTICE_KIND_META[k]?.label ?? k}</Tag>,
    },
    { title: '标题', dataIndex: 'title', ellipsis: { showTitle: true } },
    {
      title: '年度',
      dataIndex: 'programYear',
      width: 90,
      render: (y: number | null) => (y ? `${y} 年度` : '—'),
    },
    { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: (t: string) => formatInstant(t) },
    { title: '发布人', dataIndex: 'publishedBy', width: 130, render: (p: string | null) => p ?? '—' },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_: unknown, n: Notice) => (
              <Popconfirm
                title="撤下公告"
                description={`撤下后所有账户都不再看到“${n.title}”。确定撤下？`}
                okText="撤下"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() =>
                  remove.mutateAsync(n).then(
                    () => message.success(`已撤下“${n.title}”`),
                    () => {},
                  )
                }
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />}>
                  撤下
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="通知公告"
        subtitle="创新服务中心发布的申报通知、立项结果和其他通知"
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setPublishing(true)}>
              发布公告
            </Button>
          )
        }
      />
      {canWrite && <ReminderCard />}
      <DataTable<Notice>
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText="暂无通知公告"
        scroll={{ x: 860 }}
        expandable={{
          expandRowByClick: false,
          expandedRowRender: (n) => (
            <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, padding: '4px 8px', maxWidth: 900 }}>{n.body}</div>
          ),
        }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {publishing && (
        <Suspense fallback={null}>
          <NoticeForm onClose={() => setPublishing(false)} />
        </Suspense>
      )}
    </>
  );
}
