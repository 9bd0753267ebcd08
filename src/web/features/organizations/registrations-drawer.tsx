// 注册审核 (issue #4): new host organisations that registered during the call; approving activates the organisation
// and its account, rejecting needs a reason.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { hostRegistrationsApi } from '../../../shared/api/host-registrations';
import type { HostRegistrationDto } from '../../../shared/schemas/host-registration';
import { call } from '../../lib/api';
import { shanghaiDate } from '../../lib/format';

const statusColor = { pending: 'processing', approved: 'success', rejected: 'default' } as const;

export function RegistrationsDrawer({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<HostRegistrationDto | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: ['host-registrations', page],
    queryFn: () => call(hostRegistrationsApi.list, { query: { page, pageSize: 10 } }),
  });
  const decide = useMutation({
    mutationFn: (v: { r: HostRegistrationDto; approve: boolean; reason?: string }) =>
      call(hostRegistrationsApi.decide, {
        params: { registrationId: v.r.id },
        body: { version: v.r.version, approve: v.approve, reason: v.reason ?? '' },
      }),
    onSuccess: (r) => {
      message.success(r.status === 'approved' ? `已通过“${r.organizationName}”，单位和账户已启用` : '已记录不通过');
      qc.invalidateQueries({ queryKey: ['host-registrations'] });
      qc.invalidateQueries({ queryKey: ['organizations'] });
    },
  });

  return (
    <Drawer open title="依托单位注册审核" width={980} onClose={onClose}>
      <Table<HostRegistrationDto>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无注册申请' }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '单位名称', dataIndex: 'organizationName' },
          { title: '类型', dataIndex: 'hostKindLabel', width: 150 },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 180 },
          {
            title: '联系人',
            key: 'c',
            width: 170,
            render: (_, r) => `${r.contactName ?? ''} ${r.contactPhone ?? ''}`,
          },
          { title: '用户名', dataIndex: 'username', width: 110 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: HostRegistrationDto['status'], r) => (
              <Tag color={statusColor[s]} title={r.reason ?? undefined}>
                {r.statusLabel}
              </Tag>
            ),
          },
          {
            title: '审核',
            key: 'op',
            width: 150,
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space size={4}>
                  <Popconfirm
                    title={`通过“${r.organizationName}”的注册？`}
                    description="通过后单位和账户立即启用"
                    okText="通过"
                    cancelText="取消"
                    onConfirm={() => decide.mutate({ r, approve: true })}
                  >
                    <Button type="link" size="small">
                      通过
                    </Button>
                  </Popconfirm>
                  <Button type="link" size="small" danger onClick={() => setRejecting(r)}>
                    不通过
                  </Button>
                </Space>
              ) : r.decidedAt ? (
                shanghaiDate(r.decidedAt)
              ) : (
                ''
              ),
          },
        ]}
      />
      {rejecting && (
        <Modal
          open
          title={`不通过“${rejecting.organizationName}”的注册`}
          okText="确定"
          cancelText="取消"
          okButtonProps={{ disabled: reason.trim().length < 2, danger: true }}
          confirmLoading={decide.isPending}
          onCancel={() => setRejecting(null)}
          onOk={() =>
            decide.mutate(
              { r: rejecting, approve: false, reason },
              {
                onSuccess: () => {
                  setRejecting(null);
                  setReason('');
                },
              },
            )
          }
        >
          <Input.TextArea
            rows={3}
            placeholder="请填写不通过的理由（必填）"
            aria-label="不通过的理由"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={1000}
          />
        </Modal>
      )}
    </Drawer>
  );
}
