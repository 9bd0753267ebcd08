// 编辑年度政策: quotas, funding (entered in yuan, sent as integer fen), district classes and KPI targets.
import { Button, Card, Drawer, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { type DistrictPolicy, type KpiPolicy, STATION_TYPES, type StationType } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { type UpdatePolicyInput, updatePolicySchema } from '../../../shared/schemas/program-year';
import { applyApiError, applyIssues, validated, zodIssues } from '../../lib/form';
import type { ProgramYear } from '../../lib/program-years';
import { useUpdateYear } from './api';
import { formatKpiTarget } from './policy-tables';

interface Values {
  title: string;
  stationTypes: Record<StationType, { quota: number; fundingFen: number }>;
  districts: { stationType: 'district_a' | 'district_b' }[];
  kpis: Record<StationType, { target: number }[]>;
}

const CELL = { margin: 0 };
const required = { required: true, message: '请填写' };
const fenToYuan = (fen: number | null | undefined) => ({ value: typeof fen === 'number' ? fen / 100 : fen });
const yuanToFen = (yuan: number | null) => (typeof yuan === 'number' ? Math.round(yuan * 100) : yuan);
const shareIn = (v: number | null | undefined) => ({ value: typeof v === 'number' ? Number((v * 100).toFixed(4)) : v });
const shareOut = (v: number | null) => (typeof v === 'number' ? Number((v / 100).toFixed(6)) : v);

function initialValues(y: ProgramYear): Values {
  const p = y.policy;
  return {
    title: y.title,
    stationTypes: Object.fromEntries(
      STATION_TYPES.map((t) => [t, { quota: p.stationTypes[t].quota, fundingFen: p.stationTypes[t].fundingFen }]),
    ) as Values['stationTypes'],
    districts: p.districts.map((d) => ({ stationType: d.stationType })),
    kpis: Object.fromEntries(
      STATION_TYPES.map((t) => [t, (p.kpis[t] ?? []).map((k) => ({ target: k.target }))]),
    ) as Values['kpis'],
  };
}

export function ProgramYearForm({ year, open, onClose }: { year: ProgramYear; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateYear(year.year);
  const p = year.policy;

  async function onSave() {
    const v = await validated(form);
    if (!v) return;
    const body: UpdatePolicyInput = {
      version: year.version,
      title: v.title,
      stationTypes: Object.fromEntries(STATION_TYPES.map((t) => [t, v.stationTypes[t]])),
      districts: p.districts.map((d, i) => ({ code: d.code, stationType: v.districts[i].stationType })),
      kpis: Object.fromEntries(
        STATION_TYPES.map((t) => [t, (p.kpis[t] ?? []).map((k, i) => ({ id: k.id, target: v.kpis[t][i].target }))]),
      ),
    };
    const parsed = updatePolicySchema.safeParse(body);
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    try {
      await update.mutateAsync(parsed.data);
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  }

  return (
    <Drawer
      title={`编辑 ${year.year} 年度政策`}
      open={open}
      onClose={onClose}
      size={980}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={update.isPending} onClick={onSave}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(year)} preserve={false}>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请输入标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Card size="small" className="card-gap" title="名额与支持金额（第六条）">
          <Table
            rowKey="t"
            size="small"
            pagination={false}
            dataSource={STATION_TYPES.map((t) => ({ t }))}
            columns={[
              { title: '站点类型', dataIndex: 't', render: (t: StationType) => STATION_TYPE_LABELS[t] },
              {
                title: '名额',
                key: 'quota',
                width: 160,
                render: (_, { t }) => (
                  <Form.Item name={['stationTypes', t, 'quota']} rules={[required]} style={CELL}>
                    <InputNumber min={0} max={1000} precision={0} aria-label={`${STATION_TYPE_LABELS[t]}名额`} />
                  </Form.Item>
                ),
              },
              {
                title: '支持金额（元/站）',
                key: 'funding',
                width: 240,
                render: (_, { t }) => (
                  <Form.Item
                    name={['stationTypes', t, 'fundingFen']}
                    rules={[required]}
                    getValueProps={fenToYuan}
                    normalize={yuanToFen}
                    style={CELL}
                  >
                    <InputNumber
                      min={0}
                      precision={2}
                      step={10000}
                      style={{ width: 200 }}
                      aria-label={`${STATION_TYPE_LABELS[t]}支持金额（元）`}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" className="card-gap" title="区类别（第三条）">
          <Table<DistrictPolicy & { i: number }>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={p.districts.map((d, i) => ({ ...d, i }))}
            columns={[
              { title: '代码', dataIndex: 'code', width: 100 },
              { title: '名称', dataIndex: 'name' },
              {
                title: '类别',
                key: 'type',
                width: 240,
                render: (_, d) => (
                  <Form.Item name={['districts', d.i, 'stationType']} rules={[required]} style={CELL}>
                    <Select
                      style={{ width: 200 }}
                      aria-label={`${d.name}类别`}
                      options={[
                        { value: 'district_a', label: STATION_TYPE_LABELS.district_a },
                        { value: 'district_b', label: STATION_TYPE_LABELS.district_b },
                      ]}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Card>
        {STATION_TYPES.map((t) => (
          <Card key={t} size="small" className="card-gap" title={`${p.stationTypes[t].name} · 考核指标目标`}>
            <Table<KpiPolicy & { i: number }>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={(p.kpis[t] ?? []).map((k, i) => ({ ...k, i }))}
              columns={[
                { title: '指标', dataIndex: 'name' },
                { title: '现目标', key: 'now', width: 110, render: (_, k) => formatKpiTarget(k) },
                {
                  title: '新目标',
                  key: 'target',
                  width: 200,
                  render: (_, k) => (
                    <Form.Item
                      name={['kpis', t, k.i, 'target']}
                      rules={[required]}
                      style={CELL}
                      {...(k.measure === 'share' ? { getValueProps: shareIn, normalize: shareOut } : {})}
                    >
                      <InputNumber
                        min={0}
                        max={k.measure === 'share' ? 100 : undefined}
                        suffix={k.measure === 'share' ? '%' : k.unit || undefined}
                        style={{ width: 160 }}
                        aria-label={`${p.stationTypes[t].shortName}${k.name}目标`}
                      />
                    </Form.Item>
                  ),
                },
                { title: '条款', dataIndex: 'article', width: 80 },
              ]}
            />
          </Card>
        ))}
      </Form>
    </Drawer>
  );
}
