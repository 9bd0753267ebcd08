// 登记检查发现 (第十九条): a rectification request with its due date, or a violation typed by one of the seven
// grounds of 第十八条 (which may then lead to a recovery of funds), optionally tied to one sampled expense.
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { findingInputSchema } from '../../../shared/schemas/supervision';
import { ApiError } from '../../lib/api';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { shanghaiDate } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { type FindingInput, type Inspection, useAddFinding } from './api';
import { GROUND_OPTIONS } from './labels';

interface Values {
  stationId: string;
  kind: FindingInput['kind'];
  ground?: NonNullable<FindingInput['ground']>;
  description: string;
  dueOn?: Dayjs;
  expenseId?: string;
}

export function FindingForm({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddFinding(inspection.id);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'rectification';
  const stationId = Form.useWatch('stationId', form);
  const today = shanghaiDate();
  const expenses = inspection.targets.find((t) => t.stationId === stationId)?.expenses ?? [];

  async function onOk() {
    setError(null);
    const v = await validated(form);
    if (!v) return;
    try {
      await add.mutateAsync({
        stationId: v.stationId,
        kind: v.kind,
        ground: v.kind === 'violation' ? (v.ground ?? null) : null,
        description: v.description.trim(),
        dueOn: v.kind === 'rectification' && v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        expenseId: v.expenseId ?? null,
      });
      message.success('已登记检查发现');
      onClose();
    } catch (e) {
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '登记失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="登记检查发现"
      okText="确认登记"
      cancelText="取消"
      confirmLoading={add.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'rectification',
          stationId: inspection.targets.length === 1 ? inspection.targets[0].stationId : undefined,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('stationId' in changed) form.setFieldValue('expenseId', undefined);
        }}
      >
        <Form.Item name="stationId" label="站点" rules={[{ required: true, message: '请选择站点' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="本次检查范围内的站点"
            options={inspection.targets.map((t) => ({ value: t.stationId, label: t.stationName }))}
          />
        </Form.Item>
        <Form.Item name="kind" label="问题类型" rules={[{ required: true, message: '请选择问题类型' }]}>
          <Radio.Group
            options={[
              { value: 'rectification', label: '整改要求' },
              { value: 'violation', label: '违规问题' },
            ]}
          />
        </Form.Item>
        {kind === 'violation' && (
          <Form.Item
            name="ground"
            label="第十八条情形"
            rules={[{ required: true, message: '请选择第十八条所列情形' }]}
            extra="认定为违规问题的，中心可责令退回、追回已拨付的经费（第十八条）"
          >
            <Select placeholder="请选择" options={GROUND_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item name="description" label="问题描述" rules={[zodRule(findingInputSchema.shape.description)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="检查发现的事实、涉及的材料或支出" />
        </Form.Item>
        {kind === 'rectification' && (
          <Form.Item name="dueOn" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
            <DatePicker style={{ width: 200 }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
          </Form.Item>
        )}
        <Form.Item
          name="expenseId"
          label="关联支出"
          extra={stationId && !expenses.length ? '本次检查未抽查该站点的支出' : undefined}
        >
          <Select
            allowClear
            disabled={!expenses.length}
            placeholder={stationId ? '可选：本次抽查的支出' : '请先选择站点'}
            options={expenses.map((x) => ({
              value: x.id,
              label: `${x.ref} · ${x.date} · ${formatMoney(x.amountFen)} · ${x.payee}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
