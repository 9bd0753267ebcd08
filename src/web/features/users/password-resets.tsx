// 密码重置双人复核 (decision 018): the system administrator asks with a reason, the security administrator confirms
// or refuses, and the one who asked collects the temporary password once.
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { passwordResetRejectSchema, passwordResetRequestSchema } from '../../../shared/schemas/user';
import { DataTable } from '../../components/data-table';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { formatInstant } from '../../lib/format';
import { useCan, useMe } from '../../lib/session-context';
import {
  type PasswordReset,
  type TemporaryPassword,
  type User,
  usePasswordResetMutations,
  usePasswordResets,
} from './api';

const STATUS_COLORS: Record<string, string> = { pending: 'orange', approved: 'green', expired: 'default' };

/** The open requests, with what the signed-in administrator may do about each. Hidden while there are none. */
export function PasswordResetsCard({ onIssued }: { onIssued: (r: TemporaryPassword) => void }) {
  const can = useCan();
  const me = useMe();
  const list = usePasswordResets();
  const m = usePasswordResetMutations();
  const [rejecting, setRejecting] = useState<PasswordReset | null>(null);
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  const canConfirm = can('confirm:password-reset');

  const columns: TableColumnsType<PasswordReset> = [
    { title: '账户', key: 'user', width: 180, render: (_, r) => `${r.username}（${r.displayName}）` },
    { title: '角色', dataIndex: 'roleLabel', width: 110 },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
    { title: '申请人', dataIndex: 'requestedByName', width: 110 },
    { title: '申请时间', dataIndex: 'requestedAt', width: 160, render: (v: string) => formatInstant(v) },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status]} title={r.expiresAt ? `${formatInstant(r.expiresAt)} 前领取` : undefined}>
          {r.statusLabel}
        </Tag>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, r) => (
        <Space size={0} wrap>
          {canConfirm && r.status === 'pending' && r.requestedById !== me.id && (
            <>
              <Popconfirm
                title="确认重置密码"
                description={`已与 ${r.username} 的持有人核实？确认后申请人可领取临时密码（仅显示一次）。`}
                okText="确认"
                cancelText="取消"
                onConfirm={() => m.approve.mutate(r)}
              >
                <Button type="link" size="small" aria-label={`确认重置 ${r.username} 的密码`}>
                  确认
                </Button>
              </Popconfirm>
              <Button
                type="link"
                size="small"
                danger
                onClick={() => setRejecting(r)}
                aria-label={`不同意重置 ${r.username} 的密码`}
              >
                不同意
              </Button>
            </>
          )}
          {r.status === 'approved' && r.requestedById === me.id && (
            <Button
              type="link"
              size="small"
              onClick={() => m.issue.mutate(r, { onSuccess: onIssued })}
              aria-label={`领取 ${r.username} 的临时密码`}
            >
              领取临时密码
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" className="card-gap" title="密码重置申请（双人复核）">
      <DataTable<PasswordReset>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        emptyText="没有待处理的申请"
        scroll={{ x: 1000 }}
      />
      {rejecting && <RejectForm request={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
}

function RejectForm({ request, onClose }: { request: PasswordReset; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { reject } = usePasswordResetMutations();
  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    try {
      await reject.mutateAsync({ id: request.id, version: request.version, reason: v.reason });
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  }
  return (
    <Modal
      open
      title={`不同意重置 · ${request.username}`}
      onOk={onOk}
      onCancel={onClose}
      okText="不同意"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={reject.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="理由" required rules={[zodRule(passwordResetRejectSchema.shape.reason)]}>
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 申请重置密码: the system administrator says why; the security administrator checks it with the holder. */
export function RequestResetForm({
  user,
  onClose,
  onRequested,
}: {
  user: User;
  onClose: () => void;
  onRequested: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { request } = usePasswordResetMutations();
  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    try {
      await request.mutateAsync({ userId: user.id, reason: v.reason });
      onClose();
      onRequested();
    } catch (e) {
      applyApiError(form, e);
    }
  }
  return (
    <Modal
      open
      title={`申请重置密码 · ${user.username}（${user.displayName}）`}
      onOk={onOk}
      onCancel={onClose}
      okText="提交申请"
      cancelText="取消"
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="业务账户的密码重置须经安全管理员确认（双人复核）。确认后由您在本页领取临时密码（仅显示一次），该账户的登录随即全部结束。"
      />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="重置原因" required rules={[zodRule(passwordResetRequestSchema.shape.reason)]}>
          <Input.TextArea rows={3} maxLength={200} placeholder="例如：本人来电称忘记密码，已核对工号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
