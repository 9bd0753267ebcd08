// 安排检查 (第十九条): a scheduled inspection or an unannounced spot check of chosen or randomly drawn stations, with
// a random sample of each station's expenses to examine. The server draws the sample and records how.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { inspectionInputSchema } from '../../../shared/schemas/supervision';
import { ApiError } from '../../lib/api';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { shanghaiDate } from '../../lib/format';
import { useProgramYears } from '../../lib/program-years';
import { useStations } from '../../lib/stations';
import { useCreateInspection } from './api';

interface Values {
  title: string;
  kind: 'scheduled' | 'unannounced';
  plannedOn: Dayjs;
  programYear: number;
  scope: 'pick' | 'random';
  stationIds?: string[];
  sampleStations?: number;
  sampleExpenses?: number;
}

export default function NewInspectionModal({ defaultYear, onClose }: { defaultYear?: number; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const years = useProgramYears();
  const year = Form.useWatch('programYear', form) ?? defaultYear;
  const scope = Form.useWatch('scope', form) ?? 'pick';
  const stations = useStations({ year }, { page: 1, pageSize: 200 }, Boolean(year));
  const create = useCreateInspection();
  const [error, setError] = useState<string | null>(null);

  async function onOk() {
    setError(null);
    const v = await validated(form);
    if (!v) return;
    try {
      const created = await create.mutateAsync({
        title: v.title.trim(),
        kind: v.kind,
        plannedOn: v.plannedOn.format('YYYY-MM-DD'),
        programYear: v.programYear,
        stationIds: v.scope === 'pick' ? (v.stationIds ?? []) : [],
        ...(v.scope === 'random' ? { sampleStations: v.sampleStations } : {}),
        sampleExpenses: v.sampleExpenses ?? 0,
      });
      onClose();
      navigate(`/inspections/${created.id}`);
    } catch (e) {
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '安排检查失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="安排检查"
      okText="确定安排"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'scheduled',
          plannedOn: dayjs(shanghaiDate()),
          programYear: defaultYear,
          scope: 'pick',
          sampleExpenses: 0,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldValue('scope', changed.kind === 'unannounced' ? 'random' : 'pick');
          if (changed.programYear) form.setFieldValue('stationIds', []);
        }}
      >
        <Form.Item name="title" label="检查名称" rules={[zodRule(inspectionInputSchema.shape.title)]}>
          <Input maxLength={100} placeholder="如：2025 年度第二季度经费使用抽查" />
        </Form.Item>
        <Form.Item name="kind" label="检查方式" rules={[{ required: true, message: '请选择检查方式' }]}>
          <Radio.Group
            options={[
              { value: 'scheduled', label: '计划检查' },
              { value: 'unannounced', label: '不定期抽查' },
            ]}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="plannedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="programYear" label="项目年度" rules={[{ required: true, message: '请选择项目年度' }]}>
            <Select
              style={{ width: 200 }}
              loading={years.isPending}
              options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="scope" label="检查站点">
          <Radio.Group
            options={[
              { value: 'pick', label: '指定站点' },
              { value: 'random', label: '随机抽取' },
            ]}
          />
        </Form.Item>
        {scope === 'pick' ? (
          <Form.Item
            name="stationIds"
            label="选择站点"
            rules={[{ required: true, type: 'array', min: 1, message: '请选择检查的站点' }]}
          >
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={stations.isFetching}
              placeholder="可多选"
              notFoundContent={year ? '该年度没有站点' : '请先选择项目年度'}
              options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="sampleStations"
            label="随机抽取站点数"
            extra={stations.data ? `${year} 年度共 ${stations.data.total} 个站点` : undefined}
            rules={[zodRule(inspectionInputSchema.shape.sampleStations.unwrap(), undefined)]}
          >
            <InputNumber min={1} max={500} precision={0} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item
          name="sampleExpenses"
          label="每站随机抽查支出笔数"
          extra="从每个站点的支出台账中随机抽取，0 表示不抽查支出"
        >
          <InputNumber min={0} max={50} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
