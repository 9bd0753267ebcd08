// One modal for every step that takes a written note: 办结, 退回重新整改, 结案, 完成检查 and the host's 反馈整改.
// The note is required (the machines refuse fewer than 2 characters); a refusal (409 citing the article) shows inside.
import { Alert, App, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { applyApiError, trimmedMinRule, validated } from '../../lib/form';

export interface NoteModalProps {
  title: string;
  /** the field's label (its accessible name) */
  label: string;
  okText: string;
  /** what the step means, shown above the field */
  notice?: ReactNode;
  danger?: boolean;
  placeholder?: string;
  maxLength?: number;
  /** the server's field name, so that its issues land on the field */
  field?: string;
  success: string;
  onSubmit: (note: string) => Promise<unknown>;
  onClose: () => void;
}

export function NoteModal({
  title,
  label,
  okText,
  notice,
  danger,
  placeholder,
  maxLength = 1000,
  field = 'note',
  success,
  onSubmit,
  onClose,
}: NoteModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onOk() {
    setError(null);
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      await onSubmit(v[field].trim());
      message.success(success);
      onClose();
    } catch (e) {
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      {notice && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={notice} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} layout="vertical">
        <Form.Item name={field} label={label} required rules={[trimmedMinRule(label)]}>
          <Input.TextArea rows={4} maxLength={maxLength} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
