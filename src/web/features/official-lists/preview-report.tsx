// The preview of an official list (and, once imported, what was done): the counts, the rules applied (第七条), the
// enterprises whose flags change before → after, each station whose KPIs move and by how much, the bad rows and the
// remarks. The server cuts each list at `limit` rows; the counts are whole.
import { Alert, Statistic, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatInstant, formatKpiValue } from '../../lib/format';
import type { ImportReport } from './api';
import { flagChange, OutcomeTag } from './format';

type Change = ImportReport['changes'][number];
type Station = ImportReport['stations'][number];
type Problem = ImportReport['errors'][number];

function changeColumns(report: ImportReport): TableColumnsType<Change> {
  return [
    {
      title: '企业名称',
      key: 'name',
      dataIndex: 'name',
      render: (name: string, c) => (
        <>
          {name}
          {c.registryName && (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
              企业名录中为“{c.registryName}”
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
    { title: '行号', dataIndex: 'row', width: 70 },
    {
      title: '标识（导入前 → 导入后）',
      key: 'flag',
      width: 280,
      render: (_: unknown, c) => (c.before ? flagChange(report.kind, c.before, c.after) : '未在台账中，未设置标识'),
    },
    {
      title: '结果',
      key: 'status',
      width: 170,
      render: (_: unknown, c) => (
        <>
          <OutcomeTag status={c.status} />
          {c.kpiCounted && <Tag color="purple">计入考核指标</Tag>}
        </>
      ),
    },
  ];
}

const stationColumns: TableColumnsType<Station> = [
  {
    title: '站点',
    key: 'station',
    render: (_: unknown, s) => (
      <>
        {s.stationName}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {s.programYear} 年度 · {s.typeLabel}
        </Typography.Text>
      </>
    ),
  },
  { title: '所在区', key: 'district', width: 100, render: (_: unknown, s) => s.districtName ?? '—' },
  {
    title: '名录中的变更企业',
    key: 'listed',
    width: 150,
    render: (_: unknown, s) => `${s.listed} 家（重点服务 ${s.keyServed} 家）`,
  },
  {
    title: '考核指标变化',
    key: 'kpis',
    render: (_: unknown, s) =>
      s.kpis.length === 0 ? (
        <Typography.Text type="secondary">不影响考核指标（项目期内未联系、非本区注册或非重点服务企业）</Typography.Text>
      ) : (
        s.kpis.map((k) => (
          <div key={k.id}>
            {k.name}（{k.article}）：{formatKpiValue(k.before, k.measure, k.unit)} →{' '}
            <strong>{formatKpiValue(k.after, k.measure, k.unit)}</strong>
            {k.denominator !== null ? `（企业科协 +${k.delta} 家 / 联系企业 ${k.denominator} 家）` : `（+${k.delta}）`}
            {!k.metBefore && k.metAfter && (
              <Tag color="success" style={{ marginLeft: 6 }}>
                变为达标
              </Tag>
            )}
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              目标 {formatKpiValue(k.target, k.measure, k.unit)}
            </Typography.Text>
          </div>
        ))
      ),
  },
];

const problemColumns: TableColumnsType<Problem> = [
  { title: '行号', key: 'row', dataIndex: 'row', width: 80, render: (r: number) => `第 ${r} 行` },
  { title: '列', dataIndex: 'column', width: 160 },
  { title: '问题', dataIndex: 'message' },
];

function cutNote(shown: number, total: number, limit: number) {
  return total > shown && shown >= limit ? (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      共 {total} 条，此处列出前 {limit} 条；导入后可在名单详情中查看全部。
    </Typography.Paragraph>
  ) : null;
}

export function PreviewSummary({ report }: { report: ImportReport }) {
  const c = report.counts;
  const stats: Array<[string, number, string]> = [
    ['名单企业', c.entries, '家'],
    ['将更新标识', c.changed, '家'],
    ['已有该标识', c.unchanged, '家'],
    ['已是国家级', c.higherKept, '家'],
    ['未在台账中', c.unregistered, '家'],
    ['指标变化的站点', c.stationsKpiChanged, '个'],
  ];
  return (
    <div
      className="official-list-stats"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '12px 32px', margin: '12px 0' }}
    >
      {stats
        .filter(([label, n]) => n > 0 || label === '名单企业' || label === '将更新标识')
        .map(([label, n, unit]) => (
          <Statistic key={label} title={label} value={n} suffix={unit} />
        ))}
    </div>
  );
}

export function PreviewReport({ report }: { report: ImportReport }) {
  const c = report.counts;
  const done = !report.dryRun;
  const tabs = [
    {
      key: 'changes',
      label: `标识变更 ${c.changed}`,
      children: (
        <>
          {cutNote(report.changes.length, c.changed, report.limit)}
          <ResponsiveTable<Change>
            aria-label="标识变更的企业"
            titleColumn="name"
            rowKey="uscc"
            size="small"
            columns={changeColumns(report)}
            dataSource={report.changes}
            localPaging
            emptyText="没有企业的标识需要变更：名单中的企业都已有该标识或不在企业名录中"
            scroll={{ x: 900 }}
          />
        </>
      ),
    },
    {
      key: 'stations',
      label: `站点考核指标 ${c.stationsKpiChanged}`,
      children: (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            第七条：“其中专精特新企业”计项目期内联系的本区重点服务企业中的市级和国家级专精特新企业；“联系企业中有企业科协的比例”计项目期内联系的本区企业。
            {c.stations > c.stationsKpiChanged &&
              `另有 ${c.stations - c.stationsKpiChanged} 个站点的名录中有这些企业，但其考核指标不变。`}
          </Typography.Paragraph>
          <ResponsiveTable<Station>
            aria-label="考核指标变化的站点"
            titleColumn="station"
            rowKey="stationId"
            size="small"
            columns={stationColumns}
            dataSource={report.stations}
            localPaging
            emptyText="没有站点的名录中有标识变更的企业，考核指标不变"
            scroll={{ x: 900 }}
          />
        </>
      ),
    },
    ...(c.errors
      ? [
          {
            key: 'errors',
            label: <Typography.Text type="danger">有误的行 {c.errors}</Typography.Text>,
            children: (
              <>
                {cutNote(report.errors.length, c.errors, report.limit)}
                <ResponsiveTable<Problem>
                  aria-label="有误的行"
                  titleColumn="row"
                  rowKey={(p) => `${p.row}-${p.field}`}
                  size="small"
                  columns={problemColumns}
                  dataSource={report.errors}
                  localPaging
                />
              </>
            ),
          },
        ]
      : []),
    ...(c.warnings
      ? [
          {
            key: 'warnings',
            label: `提示 ${c.warnings}`,
            children: (
              <>
                {cutNote(report.warnings.length, c.warnings, report.limit)}
                <ResponsiveTable<Problem>
                  aria-label="提示"
                  titleColumn="row"
                  rowKey={(p) => `${p.row}-${p.field}`}
                  size="small"
                  columns={problemColumns}
                  dataSource={report.warnings}
                  localPaging
                />
              </>
            ),
          },
        ]
      : []),
    {
      key: 'unchanged',
      label: `已有标识 ${c.unchanged + c.higherKept}`,
      children: (
        <ResponsiveTable<Change>
          aria-label="已有标识的企业"
          titleColumn="name"
          rowKey="uscc"
          size="small"
          columns={changeColumns(report)}
          dataSource={report.unchanged}
          localPaging
          emptyText="没有已有该标识的企业"
          scroll={{ x: 900 }}
        />
      ),
    },
    {
      key: 'unregistered',
      label: `未在台账中 ${c.unregistered}`,
      children: (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            这些企业尚未在任何站点的台账中登记：名单保留它们，不新建企业，也不设置标识。
          </Typography.Paragraph>
          <ResponsiveTable<Change>
            aria-label="未在台账中的企业"
            titleColumn="name"
            rowKey="uscc"
            size="small"
            columns={changeColumns(report)}
            dataSource={report.unregistered}
            localPaging
            emptyText="名单中的企业都已在企业名录中"
            scroll={{ x: 900 }}
          />
        </>
      ),
    },
  ];

  return (
    <div style={{ marginTop: 12 }}>
      {report.sameAs && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${done ? '此前' : '已'}于 ${formatInstant(report.sameAs.importedAt)} 导入过同类型、同名称、同生效日期的名单`}
          description="再次导入不会重复设置已有的标识，但会另记一份名单；请确认不是重复导入。"
        />
      )}
      <PreviewSummary report={report} />
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title="导入规则"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {report.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        }
      />
      <Tabs defaultActiveKey={c.errors ? 'errors' : 'changes'} items={tabs} />
    </div>
  );
}
