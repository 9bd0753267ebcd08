// 新建申报书: pick an open call, name the station, its type and district; the rest is filled on the detail page.
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { StationType } from '../../../domain/policy/types';
import { applicationFormSchema } from '../../../shared/schemas/application';
import { ApiError } from '../../lib/api';
import { useCalls } from '../../lib/calls';
import { useDistricts } from '../../lib/districts';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { useProgramYear } from '../../lib/program-years';
import { useCreateApplication } from './api';

const shape = applicationFormSchema.shape;

interface Values {
  callId: string;
  stationName: string;
  stationType: StationType;
  districtCode?: string;
}

export function NewApplicationModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const calls = useCalls();
  const create = useCreateApplication();
  const [error, setError] = useState<string | null>(null);
  const open = useMemo(() => (calls.data ?? []).filter((c) => c.status === 'open'), [calls.data]);
  const callId = Form.useWatch('callId', form) ?? open[0]?.id;
  const call = open.find((c) => c.id === callId);
  const type = Form.useWatch('stationType', form);
  const districts = useDistricts(call?.programYear, Boolean(call));
  const year = useProgramYear(call?.programYear ?? Number.NaN);
  const districtOptions = (districts.data ?? [])
    .filter((d) => d.stationType === type)
    .map((d) => ({ value: d.code, label: `${d.name}（${d.stationTypeLabel}）` }));

  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    setError(null);
    try {
      const created = await create.mutateAsync({
        callId: v.callId,
        form: {
          stationName: v.stationName.trim(),
          stationType: v.stationType,
          districtCode: v.stationType === 'iur' ? null : (v.districtCode ?? null),
          // the work plan starts from the year's targets (第七条, 第八条); the host may raise them
          targets: Object.fromEntries((year.data?.policy.kpis[v.stationType] ?? []).map((k) => [k.id, k.target])),
        },
      });
      message.success(`已新建申报书“${created.stationName}”，请继续填写`);
      onClose();
      navigate(`/applications/${created.id}`);
    } catch (e) {
      if (!applyApiError(form, e, 'form.')) setError(e instanceof ApiError ? e.message : '新建失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="新建申报书"
      okText="新建并填写"
      cancelText="取消"
      width={600}
      confirmLoading={create.isPending}
      okButtonProps={{ disabled: !open.length }}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      {!calls.isPending && !open.length && (
        <Alert
          type="info"
          showIcon
          title="当前没有正在申报的通知"
          description="创新服务中心发布年度申报通知后即可申报（第三条、第十条）。"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {open.length > 0 && (
        <Form form={form} layout="vertical" initialValues={{ callId: open[0].id }}>
          <Form.Item
            name="callId"
            label="申报通知"
            required
            rules={[{ required: true, message: '请选择申报通知' }]}
            extra={call ? `申报时间 ${call.opensOn} 至 ${call.closesOn}` : undefined}
          >
            <Select options={open.map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
          <Form.Item
            name="stationName"
            label="站点名称"
            required
            rules={[{ required: true, whitespace: true, message: '请填写站点名称' }, zodRule(shape.stationName)]}
          >
            <Input maxLength={60} placeholder="如：海淀区科创公共服务工作站" />
          </Form.Item>
          <Form.Item
            name="stationType"
            label="申报的站点类型"
            required
            rules={[{ required: true, message: '请选择站点类型' }]}
            extra="区工作站点的类型由所在区的类别决定（第三条）；产学研合作站点不按区设立"
          >
            <Select
              options={(call?.stationTypes ?? []).map((t, i) => ({ value: t, label: call?.stationTypeLabels[i] }))}
              onChange={() => form.setFieldValue('districtCode', undefined)}
            />
          </Form.Item>
          {type && type !== 'iur' && (
            <Form.Item
              name="districtCode"
              label="所在区"
              required
              rules={[{ required: true, message: '请选择所在区' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={districts.isPending}
                options={districtOptions}
                placeholder="选择所在区"
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
