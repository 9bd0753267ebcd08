// 编辑年度政策: quotas, funding (typed in yuan, sent as integer fen), district classes and KPI targets. Every number is
// checked by the route's own schema and refused with its message, never clamped or rounded by the input: antd's
// InputNumber `min`/`max`/`precision` would silently turn −5 into 0 and 0.001 into 0.
import { App, Button, Card, Drawer, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { z } from 'zod';
import { type DistrictPolicy, type KpiPolicy, STATION_TYPES, type StationType } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import {
  fundingFenField,
  kpiTargetSchema,
  quotaField,
  type UpdatePolicyInput,
  updatePolicySchema,
} from '../../../shared/schemas/program-year';
import { applyApiError, applyIssues, validated, yuanRule, zodIssues, zodRule } from '../../lib/form';
import { fenToYuanInput, parseYuan, percentToShare, shareToPercent } from '../../lib/money';
import type { ProgramYear } from '../../lib/program-years';
import { useUpdateYear } from './api';
import { policyChanges } from './policy-changes';
import { formatKpiTarget } from './policy-tables';

interface Values {
  title: string;
  // `fundingFen` holds the yuan as typed (text, as every money field): the route's issue paths
  // (`stationTypes.iur.fundingFen`) then land on it. It becomes fen at saving, by string arithmetic.
  stationTypes: Record<StationType, { quota: number | null; fundingFen: string }>;
  districts: { stationType: 'district_a' | 'district_b' }[];
  /** shares as percentages (40 for 0.4), as the Center reads them in the regulation */
  kpis: Record<StationType, { target: number | null }[]>;
}

const CELL = { margin: 0 };
const required = { required: true, message: '请填写' };
const quotaRule = zodRule(quotaField);
const fundingRule = yuanRule(fundingFenField);
const shareRule = zodRule(z.preprocess((v) => (typeof v === 'number' ? v / 100 : v), kpiTargetSchema('share')));
const targetRule = (k: KpiPolicy) => (k.measure === 'share' ? shareRule : zodRule(kpiTargetSchema(k.measure)));

function initialValues(y: ProgramYear): Values {
  const p = y.policy;
  return {
    title: y.title,
    stationTypes: Object.fromEntries(
      STATION_TYPES.map((t) => [
        t,
        { quota: p.stationTypes[t].quota, fundingFen: fenToYuanInput(p.stationTypes[t].fundingFen) },
      ]),
    ) as Values['stationTypes'],
    districts: p.districts.map((d) => ({ stationType: d.stationType })),
    kpis: Object.fromEntries(
      STATION_TYPES.map((t) => [
        t,
        (p.kpis[t] ?? []).map((k) => ({ target: k.measure === 'share' ? shareToPercent(k.target) : k.target })),
      ]),
    ) as Values['kpis'],
  };
}

/** The form's values as the route takes them; anything unparsable becomes NaN, which the schema refuses. */
function toBody(y: ProgramYear, v: Values): UpdatePolicyInput {
  const p = y.policy;
  const fen = (yuan: string) => {
    const parsed = parseYuan(yuan);
    return parsed.ok && parsed.fen !== null ? parsed.fen : Number.NaN;
  };
  const num = (x: number | null) => (typeof x === 'number' ? x : Number.NaN);
  return {
    version: y.version,
    title: v.title,
    stationTypes: Object.fromEntries(
      STATION_TYPES.map((t) => [
        t,
        { quota: num(v.stationTypes[t].quota), fundingFen: fen(v.stationTypes[t].fundingFen) },
      ]),
    ),
    districts: p.districts.map((d, i) => ({ code: d.code, stationType: v.districts[i].stationType })),
    kpis: Object.fromEntries(
      STATION_TYPES.map((t) => [
        t,
        (p.kpis[t] ?? []).map((k, i) => {
          const target = num(v.kpis[t][i].target);
          // Exact once the rule has allowed at most two decimals of a percentage; it only drops float noise.
          return { id: k.id, target: k.measure === 'share' ? percentToShare(target) : target };
        }),
      ]),
    ),
  };
}

export function ProgramYearForm({ year, open, onClose }: { year: ProgramYear; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { modal, message } = App.useApp();
  const update = useUpdateYear(year.year);
  const p = year.policy;

  async function save(body: UpdatePolicyInput) {
    try {
      await update.mutateAsync(body);
      message.success(`已保存 ${year.year} 年度政策`);
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  }

  async function onSave() {
    const v = await validated(form);
    if (!v) return;
    const parsed = updatePolicySchema.safeParse(toBody(year, v));
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    const changes = policyChanges(p, parsed.data);
    if (!changes.length) {
      message.info('没有修改，无需保存');
      return;
    }
    modal.confirm({
      title: `保存对 ${year.year} 年度政策的以下修改？`,
      content: (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ),
      okText: '保存',
      cancelText: '取消',
      onOk: () => save(parsed.data),
    });
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
                  <Form.Item name={['stationTypes', t, 'quota']} rules={[quotaRule]} style={CELL}>
                    <InputNumber aria-label={`${STATION_TYPE_LABELS[t]}名额`} />
                  </Form.Item>
                ),
              },
              {
                title: '支持金额（元/站）',
                key: 'funding',
                width: 240,
                render: (_, { t }) => (
                  <Form.Item name={['stationTypes', t, 'fundingFen']} rules={[fundingRule]} style={CELL}>
                    <Input
                      suffix="元"
                      inputMode="decimal"
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
                    <Form.Item name={['kpis', t, k.i, 'target']} rules={[targetRule(k)]} style={CELL}>
                      <InputNumber
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
