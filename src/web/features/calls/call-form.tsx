import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { DEFAULT_RUBRIC } from '../../../domain/lifecycle/review';
import { STATION_TYPES } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { type CallInput, callInputSchema } from '../../../shared/schemas/call';
import { dateProps } from '../../components/form-fields';
import { ApiError } from '../../lib/api';
import type { Call } from '../../lib/calls';
import { useDiscardGuard } from '../../lib/discard-guard';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { useProgramYears } from '../../lib/program-years';
import { useSaveCall } from './api';

const shape = callInputSchema.shape;
const DOCUMENT_LABELS: Record<string, string> = { application_form: '项目申报书', work_plan: '工作方案' };

/** 新建/修改申报通知: the window, the types offered, the documents required, the number of reviewers (第十条). */
export function CallForm({ call, onClose }: { call: Call | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const close = useDiscardGuard(form, onClose);
  const years = useProgramYears();
  const save = useSaveCall();
  const [error, setError] = useState<string | null>(null);

  async function onOk() {
    const values = await validated(form);
    if (!values) return;
    setError(null);
    const rubric = ((values.rubric ?? []) as Array<{ id?: string; name: string; weight: number }>).map((c, i) => ({
      ...c,
      id: c.id || `c${i + 1}`,
    }));
    const parsed = callInputSchema.safeParse({
      notice: '',
      ...values,
      rubric,
      reportsDueOn: values.reportsDueOn || null,
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    try {
      const saved = await save.mutateAsync(
        call
          ? { id: call.id, version: call.version, call: parsed.data as CallInput }
          : { call: parsed.data as CallInput },
      );
      message.success(`已保存申报通知“${saved.title}”`);
      onClose();
    } catch (e) {
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title={call ? `修改申报通知 · ${call.title}` : '新建申报通知'}
      okText="保存"
      cancelText="取消"
      width={720}
      confirmLoading={save.isPending}
      onOk={onOk}
      onCancel={close}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          call
            ? {
                programYear: call.programYear,
                title: call.title,
                opensOn: call.opensOn,
                closesOn: call.closesOn,
                stationTypes: call.stationTypes,
                requiredDocuments: call.requiredDocuments,
                minReviewers: call.minReviewers,
                notice: call.notice,
                rubric: call.rubric,
                reportsDueOn: call.reportsDueOn,
              }
            : {
                stationTypes: [...STATION_TYPES],
                requiredDocuments: ['application_form', 'work_plan'],
                minReviewers: 3,
                rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })),
              }
        }
      >
        <Form.Item name="programYear" label="项目年度" required rules={[zodRule(shape.programYear, null)]}>
          <Select
            disabled={Boolean(call)}
            options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` }))}
            placeholder="选择年度"
          />
        </Form.Item>
        <Form.Item name="title" label="通知标题" required rules={[zodRule(shape.title)]}>
          <Input maxLength={100} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 16 }}>
          <Form.Item name="opensOn" label="申报开始日期" required rules={[zodRule(shape.opensOn, null)]} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="closesOn"
            label="申报截止日期"
            required
            rules={[zodRule(shape.closesOn, null)]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="minReviewers"
            label="每份申报书评审专家人数"
            required
            rules={[zodRule(shape.minReviewers, null)]}
            extra="不少于 3 人；回避的专家不计"
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="stationTypes" label="本年度申报的站点类型" required rules={[zodRule(shape.stationTypes, [])]}>
          <Checkbox.Group options={STATION_TYPES.map((t) => ({ value: t, label: STATION_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item name="requiredDocuments" label="必须提交的材料" rules={[zodRule(shape.requiredDocuments, [])]}>
          <Checkbox.Group options={Object.entries(DOCUMENT_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="reportsDueOn"
          label="总结报告和决算报告截止日期（第十二条）"
          extra="不填则为项目年度的 12 月 31 日"
          {...dateProps}
        >
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label="评分细则（第十条，各项分值合计 100）" required>
          <Form.List name="rubric">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[{ required: true, message: '请填写评分项' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input placeholder="评分项，如 工作方案" style={{ width: 260 }} aria-label="评分项" />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'weight']}
                      rules={[{ required: true, message: '请填写分值' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <InputNumber min={1} max={100} precision={0} addonAfter="分" aria-label="分值" />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label="删除评分项"
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', weight: 10 })}>
                  添加评分项
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="notice" label="通知正文" rules={[zodRule(shape.notice)]}>
          <Input.TextArea rows={6} maxLength={20000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
