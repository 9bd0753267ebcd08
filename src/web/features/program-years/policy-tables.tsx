// Read-only tables of a year's policy: station types, districts and KPI targets, each row with its article.
import { Card, Table, type TableColumnsType, Tag } from 'antd';
import {
  type DistrictPolicy,
  type KpiPolicy,
  type Policy,
  STATION_TYPES,
  type StationType,
  type StationTypePolicy,
} from '../../../domain/policy/types';
import { HOST_KIND_LABELS, STATION_TYPE_LABELS } from '../../../shared/labels';
import { formatPercent } from '../../lib/format';
import { formatMoney } from '../../lib/money';

export function formatKpiTarget(k: Pick<KpiPolicy, 'target' | 'measure' | 'unit'>): string {
  if (k.measure === 'share') return formatPercent(k.target);
  return `${k.target.toLocaleString('zh-CN')}${k.unit ? ` ${k.unit}` : ''}`;
}

type TypeRow = StationTypePolicy & { type: StationType; districtNames: string[] };

const typeColumns: TableColumnsType<TypeRow> = [
  { title: '站点类型', dataIndex: 'name', width: 150 },
  { title: '名额', dataIndex: 'quota', width: 64, align: 'right' },
  {
    title: '支持金额（每站）',
    dataIndex: 'fundingFen',
    width: 140,
    align: 'right',
    render: (v: number) => formatMoney(v),
  },
  {
    title: '适用区',
    dataIndex: 'districtNames',
    render: (names: string[]) => (names.length ? names.join('、') : '—（不按区设置）'),
  },
  {
    title: '可申报单位类型',
    dataIndex: 'hostKinds',
    width: 240,
    render: (kinds: string[]) => kinds.map((k) => <Tag key={k}>{HOST_KIND_LABELS[k] ?? k}</Tag>),
  },
  {
    title: '推荐方式',
    dataIndex: 'recommendedByDistrict',
    width: 100,
    render: (v: boolean) => (v ? '区科协推荐' : '直接申报'),
  },
  {
    title: '条款',
    key: 'articles',
    width: 140,
    render: (_, r) => (
      <div style={{ whiteSpace: 'nowrap' }}>
        <div>{r.article === r.quotaArticle ? r.article : `${r.article}、${r.quotaArticle}`}</div>
        <div>考核：{r.targetsArticle}</div>
      </div>
    ),
  },
];

export function StationTypesTable({ policy }: { policy: Policy }) {
  const rows: TypeRow[] = STATION_TYPES.map((t) => ({
    ...policy.stationTypes[t],
    type: t,
    districtNames: policy.districts.filter((d) => d.stationType === t).map((d) => d.name),
  }));
  return (
    <Table<TypeRow>
      rowKey="type"
      size="small"
      columns={typeColumns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1080 }}
    />
  );
}

const districtColumns: TableColumnsType<DistrictPolicy> = [
  { title: '代码', dataIndex: 'code', width: 100 },
  { title: '名称', dataIndex: 'name', width: 110 },
  { title: '全称', dataIndex: 'fullName', ellipsis: true },
  {
    title: '类别',
    dataIndex: 'stationType',
    width: 170,
    render: (t: string) => <Tag color={t === 'district_a' ? 'blue' : 'green'}>{STATION_TYPE_LABELS[t] ?? t}</Tag>,
  },
  { title: '条款', dataIndex: 'article', width: 90 },
];

export function DistrictsTable({ policy }: { policy: Policy }) {
  return (
    <Table<DistrictPolicy>
      rowKey="code"
      size="small"
      columns={districtColumns}
      dataSource={policy.districts}
      pagination={false}
      scroll={{ x: 700 }}
    />
  );
}

const kpiColumns: TableColumnsType<KpiPolicy> = [
  { title: '指标', dataIndex: 'name', width: 240 },
  { title: '目标', key: 'target', width: 110, align: 'right', render: (_, k) => formatKpiTarget(k) },
  { title: '单位', dataIndex: 'unit', width: 70, render: (u: string) => u || '—' },
  { title: '条款', dataIndex: 'article', width: 80 },
  { title: '计数规则', dataIndex: 'countingRule' },
];

export function KpiTables({ policy }: { policy: Policy }) {
  return (
    <>
      {STATION_TYPES.map((t) => (
        <Card
          key={t}
          size="small"
          className="card-gap"
          title={`${policy.stationTypes[t].name} · 考核指标（${policy.stationTypes[t].targetsArticle}，“不少于”即 ≥）`}
          styles={{ body: { padding: 0 } }}
        >
          <Table<KpiPolicy>
            rowKey="id"
            size="small"
            columns={kpiColumns}
            dataSource={policy.kpis[t] ?? []}
            pagination={false}
            scroll={{ x: 900 }}
          />
        </Card>
      ))}
    </>
  );
}
