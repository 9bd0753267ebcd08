// 工作概览 (issue 14) on the home page of the Center (center_admin, center_staff) and a district association: which
// stations are behind, on what; what is overdue or waiting; funds against time. Every figure is a link to the list
// behind it, filtered to exactly those rows.
import { Alert, Card, Col, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/money';
import { type Oversight, useOversight } from './api';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

function Figure({
  to,
  label,
  value,
  note,
  article,
  alert,
}: {
  /** null: the reader has no page for the rows behind it */
  to: string | null;
  label: string;
  value: ReactNode;
  note?: ReactNode;
  article: string;
  alert?: boolean;
}) {
  const body = (
    <>
      <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
        {label} <Tag style={{ marginInlineStart: 4 }}>{article}</Tag>
      </div>
      <div style={{ fontSize: 24, fontWeight: 600, color: alert ? '#cf1322' : undefined }}>{value}</div>
      {note && <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>{note}</div>}
    </>
  );
  return to ? (
    <Link to={to} className="oversight-figure" aria-label={`${label}：查看明细`}>
      {body}
    </Link>
  ) : (
    <div className="oversight-figure">{body}</div>
  );
}

function figures(o: Oversight, opts: { center: boolean }) {
  const y = o.year;
  // The Center reads findings and recoveries under 监督检查; a district, the same lists under 整改与追回.
  const supervisionPage = opts.center ? '/inspections' : '/rectification';
  const behindFunds = o.funds.grantedFen > 0 && o.funds.executionRate + 0.2 < o.funds.timeElapsed;
  const list = [
    {
      key: 'stations',
      to: `/kpi-dashboard?year=${y}`,
      label: '落后站点',
      value: `${o.stations.behind} / ${o.stations.total}`,
      note: '有考核指标落后于项目期进度',
      article: '第七条、第八条',
      alert: o.stations.behind > 0,
    },
    {
      key: 'reports',
      to: `/projects?year=${y}&status=reports_due`,
      label: '待提交报告',
      value: o.reports.due,
      note: o.reports.overdue > 0 ? `其中 ${o.reports.overdue} 个已逾期` : '项目期结束后提交总结报告和决算报告',
      article: '第十二条',
      alert: o.reports.overdue > 0,
    },
    {
      key: 'acceptance',
      to: `/projects?year=${y}&status=reports_submitted`,
      label: '待验收',
      value: o.reports.awaitingAcceptance,
      note: '已提交总结报告和决算报告',
      article: '第十三条',
    },
    {
      key: 'findings',
      to: `${supervisionPage}?year=${y}&tab=findings${o.findings.overdue > 0 ? '&overdue=true' : ''}`,
      label: '未结整改问题',
      value: o.findings.open,
      note:
        o.findings.overdue > 0
          ? `其中 ${o.findings.overdue} 项已过整改期限`
          : o.findings.nextDueOn
            ? `最近期限 ${o.findings.nextDueOn}`
            : '无',
      article: '第十九条',
      alert: o.findings.overdue > 0,
    },
    {
      key: 'recoveries',
      to: `${supervisionPage}?year=${y}&tab=recoveries${o.recoveries.overdue > 0 ? '&overdue=true' : ''}`,
      label: '待追回经费',
      value: o.recoveries.open ? formatMoney(o.recoveries.owedFen) : 0,
      note:
        o.recoveries.open > 0
          ? `${o.recoveries.open} 笔${o.recoveries.overdue > 0 ? `，${o.recoveries.overdue} 笔已逾期` : `，最近期限 ${o.recoveries.nextDueOn}`}`
          : '无',
      article: '第十八条',
      alert: o.recoveries.overdue > 0,
    },
    {
      key: 'funds',
      to: `/funds?year=${y}`,
      label: '经费执行 / 时间进度',
      value: `${pct(o.funds.executionRate)} / ${pct(o.funds.timeElapsed)}`,
      note: behindFunds ? '执行明显慢于时间进度' : `已支出 ${formatMoney(o.funds.spentGrantFen)}`,
      article: '第十五条',
      alert: behindFunds,
    },
    {
      key: 'golden-bridge',
      to: `/golden-bridge?year=${y}&status=pending`,
      label: '金桥候选待审',
      value: o.goldenBridgePending,
      note: opts.center ? '审核推荐至金桥工程' : '由创新服务中心审核',
      article: '第九条',
    },
    {
      key: 'changes',
      to: `/projects?year=${y}`,
      label: '调整申请待审批',
      value: o.changeRequestsPending,
      note: '依托单位提交的工作调整',
      article: '第十一条',
    },
  ];
  return list;
}

export function OversightCard({ year, center }: { year: number | undefined; center: boolean }) {
  const q = useOversight(year, true);
  const o = q.data;
  return (
    <Card size="small" className="card-gap" title={year ? `${year} 年度工作概览` : '工作概览'}>
      {q.isError ? (
        <Alert type="error" showIcon title="无法加载工作概览" description={q.error.message} />
      ) : !o ? (
        <Skeleton active title={false} paragraph={{ rows: 4 }} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {figures(o, { center }).map(({ key, ...f }) => (
              <Col key={key} xs={12} md={8} xl={6}>
                <Figure {...f} />
              </Col>
            ))}
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            落后站点（最落后的在前）
          </Typography.Title>
          <section aria-label="落后站点">
            <List
              size="small"
              locale={{ emptyText: o.stations.total ? '没有落后于进度的站点' : '本年度尚无工作站点' }}
              dataSource={o.stations.worst}
              renderItem={(s) => {
                const m = s.mainShortfall;
                return (
                  <List.Item>
                    <div style={{ display: 'flex', flexDirection: 'column', gap: 2, width: '100%' }}>
                      <Space wrap size={6}>
                        <Link to={`/stations/${s.stationId}/kpis?kpi=${m.kpiId}&counted=false`}>{s.name}</Link>
                        <Tag>{s.typeLabel}</Tag>
                        {s.districtName && <Tag>{s.districtName}</Tag>}
                        <Tag color="red">
                          {s.behindCount} / {s.kpiCount} 项落后
                        </Tag>
                      </Space>
                      <span style={{ color: 'rgba(0,0,0,0.65)' }}>
                        主要短板：{m.name} {m.actual}/{m.target}
                        {m.unit}
                        {m.status === 'not_met'
                          ? '，项目期已结束未达标'
                          : m.expected < m.target
                            ? `，项目期已过 ${pct(s.elapsed)}，按进度应达 ${m.expected}${m.unit}`
                            : `，目标 ${m.target}${m.unit}`}
                        （{m.article}）
                      </span>
                    </div>
                  </List.Item>
                );
              }}
            />
          </section>
          {o.stations.behind > o.stations.worst.length && (
            <Link to={`/kpi-dashboard?year=${o.year}`}>查看全部 {o.stations.behind} 个落后站点</Link>
          )}
        </>
      )}
    </Card>
  );
}
