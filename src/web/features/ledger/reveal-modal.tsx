// 查看完整身份证号 / 银行账号: the user states why, the server records the reveal with that reason (PIPL 第二十八条,
// 等保 2.0), and the number is shown here only — never in the table, never kept after the modal closes.
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { revealSchema } from '../../../shared/schemas/ledger-records';
import { ApiError } from '../../lib/api';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { type ExpertRecord, useRevealSecret } from './api';

const FIELD_LABELS = { idCard: '身份证号', bankAccount: '银行账号' } as const;

export function RevealModal({
  stationId,
  expert,
  field,
  onClose,
}: {
  stationId: string;
  expert: ExpertRecord;
  field: 'idCard' | 'bankAccount';
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealSecret(stationId);
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = FIELD_LABELS[field];

  async function onReveal() {
    const v = await validated(form);
    if (!v) return;
    setError(null);
    try {
      const r = await reveal.mutateAsync({ expertId: expert.id, field, reason: v.reason.trim() });
      setValue(r.value ?? '（未登记）');
    } catch (e) {
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '查看失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title={`查看${expert.name}的${label}`}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        value === null
          ? [
              <Button key="cancel" onClick={onClose}>
                取消
              </Button>,
              <Button key="ok" type="primary" loading={reveal.isPending} onClick={onReveal}>
                查看
              </Button>,
            ]
          : [
              <Button key="close" type="primary" onClick={onClose}>
                关闭
              </Button>,
            ]
      }
    >
      {value === null ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${label}属于个人敏感信息，查看将记入操作日志（含查看人、时间和原因）`}
          />
          {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
          <Form form={form} layout="vertical">
            <Form.Item name="reason" label="查看原因" required rules={[zodRule(revealSchema.shape.reason)]}>
              <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：办理专家咨询费发放，核对收款账户" />
            </Form.Item>
          </Form>
        </>
      ) : (
        <>
          <div style={{ margin: '8px 0 16px' }}>
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{label}</div>
            <Typography.Text copyable className="mono" style={{ fontSize: 20, letterSpacing: 1 }}>
              {value}
            </Typography.Text>
          </div>
          <Alert type="warning" showIcon title="本次查看已记入操作日志。请勿截图、转发或在其他系统中留存。" />
        </>
      )}
    </Modal>
  );
}
