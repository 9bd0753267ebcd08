// 批准 / 不予批准 a change request (第十一条): the Center administrator sees what changes and gives a reason.
import { Alert, App, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { type ChangeRequest, useChangeRequestAction } from './api';
import { DiffTable } from './diff-table';

export function DecisionModal({
  request,
  action,
  nextVersion,
  onClose,
}: {
  request: ChangeRequest;
  action: 'approve' | 'reject';
  nextVersion: number;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const act = useChangeRequestAction();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const approve = action === 'approve';

  async function onOk() {
    if (!approve && reason.trim().length < 2) {
      setError('请填写不予批准的理由（至少 2 个字）');
      return;
    }
    setError(null);
    try {
      await act.mutateAsync({ cr: request, action, reason: reason.trim(), quiet: true });
      message.success(
        approve ? `已批准“${request.title}”，形成项目合作协议第 ${nextVersion} 版` : `已不予批准“${request.title}”`,
      );
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title={`${approve ? '批准' : '不予批准'}工作调整申请 · ${request.title}`}
      okText={approve ? '批准' : '不予批准'}
      okButtonProps={{ danger: !approve }}
      cancelText="取消"
      confirmLoading={act.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <Alert
        type={approve ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          approve
            ? `批准后形成项目合作协议第 ${nextVersion} 版，自 ${request.effectiveOn} 起生效；站点的负责人、联系人和执行期随之更新（第十一条）。`
            : '不予批准须说明理由，依托单位将看到该理由（第十一条）。'
        }
      />
      <DiffTable changes={request.changes} emptyText="与现行协议相同" />
      <div style={{ marginTop: 12 }}>
        <label htmlFor="cr-decision-reason" style={{ display: 'block', marginBottom: 4 }}>
          {approve ? (
            '审批意见（可选）'
          ) : (
            <span>
              不予批准的理由 <span style={{ color: '#ff4d4f' }}>*</span>
            </span>
          )}
        </label>
        <Input.TextArea
          id="cr-decision-reason"
          rows={3}
          maxLength={2000}
          showCount
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          status={error && !approve && reason.trim().length < 2 ? 'error' : undefined}
        />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
