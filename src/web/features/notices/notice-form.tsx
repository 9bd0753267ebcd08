// 发布公告: a notice of the Center on the board every role reads (申报通知、立项结果、一般通知).
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { noticeCreateSchema } from '../../../shared/schemas/inbox';
import { ApiError } from '../../lib/api';
import { useDiscardGuard } from '../../lib/discard-guard';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { useProgramYears } from '../../lib/program-years';
import { type NoticeInput, usePublishNotice } from './api';
import { NOTICE_KIND_META, NOTICE_KINDS } from './inbox-helpers';

export function NoticeForm({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeInput>();
  const close = useDiscardGuard(form, onClose);
  const years = useProgramYears();
  const publish = usePublishNotice();
  const [error, setError] = useState<string | null>(null);

  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    setError(null);
    try {
      const n = await publish.mutateAsync({
        kind: v.kind,
        title: v.title.trim(),
        body: v.body.trim(),
        programYear: v.programYear ?? null,
      });
      message.success(`已发布“${n.title}”`);
      onClose();
    } catch (e) {
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '发布失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="发布公告"
      okText="发布"
      cancelText="取消"
      width={720}
      confirmLoading={publish.isPending}
      onOk={onOk}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="公告发布后，所有账户（包括依托单位、区科协和评审专家）都能在“通知公告”中看到。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'general', programYear: null }}>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: '0 16px' }}>
          <Form.Item name="kind" label="类别" required rules={[{ required: true, message: '请选择公告类别' }]}>
            <Radio.Group
              optionType="button"
              options={NOTICE_KINDS.map((k) => ({ value: k, label: NOTICE_KIND_META[k].label }))}
            />
          </Form.Item>
          <Form.Item name="programYear" label="所属年度">
            <Select
              allowClear
              placeholder="不限年度"
              options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="title" label="标题" required rules={[zodRule(noticeCreateSchema.shape.title)]}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="body" label="正文" required rules={[zodRule(noticeCreateSchema.shape.body)]}>
          <Input.TextArea rows={10} maxLength={20000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
