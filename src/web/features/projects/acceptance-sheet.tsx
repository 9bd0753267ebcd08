// The computed acceptance sheet (第十三条): KPIs against the agreement with met/unmet tags and a link to the
// records behind each figure, the reports with their 字数, open findings, and the funds note.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { FINDING_SEVERITY_LABELS } from '../../../shared/labels';
import type { AcceptanceSheet } from './api';

type KpiRow = AcceptanceSheet['kpis'][number];
type ReportRow = AcceptanceSheet['reports'][number];
type FindingRow = AcceptanceSheet['findings'][number];

const metTag = (met: boolean) =>
  met ? (
    <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
      达标
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleFilled aria-hidden />}>
      未达标
    </Tag>
  );

export function SheetTables({ sheet }: { sheet: AcceptanceSheet }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        考核指标（达标 {sheet.metCount} / {sheet.kpis.length} 项）
      </Typography.Title>
      <Table<KpiRow>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={sheet.kpis}
        onRow={(k) => ({ style: k.met ? undefined : { background: '#fff7f6' } })}
        columns={[
          { title: '指标', dataIndex: 'name' },
          { title: '依据', dataIndex: 'article', width: 86, render: (a: string) => <Tag>{a}</Tag> },
          { title: '协议目标', dataIndex: 'targetText', width: 110, align: 'right' },
          {
            title: '实际完成',
            dataIndex: 'actualText',
            width: 110,
            align: 'right',
            render: (v: string) => <strong>{v}</strong>,
          },
          { title: '结果', dataIndex: 'met', width: 96, render: (m: boolean) => metTag(m) },
          {
            title: '佐证',
            dataIndex: 'evidenceLink',
            width: 90,
            render: (link: string, k) => (
              <Link to={link} aria-label={`查看“${k.name}”的佐证明细`}>
                查看明细
              </Link>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        报告
      </Typography.Title>
      <Table<ReportRow>
        size="small"
        bordered
        rowKey="kind"
        pagination={false}
        dataSource={sheet.reports}
        columns={[
          { title: '报告', dataIndex: 'label' },
          {
            title: '状态',
            dataIndex: 'present',
            width: 110,
            render: (p: boolean) => (p ? <Tag color="success">已提交</Tag> : <Tag color="error">未提交</Tag>),
          },
          {
            title: '字数',
            dataIndex: 'wordCount',
            width: 120,
            align: 'right',
            render: (n: number, r) => (r.present ? `${n.toLocaleString('zh-CN')} 字` : '—'),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        合规提示（{sheet.findings.length} 条）
      </Typography.Title>
      {sheet.findings.length ? (
        <Table<FindingRow>
          size="small"
          bordered
          rowKey={(f) => `${f.id}:${f.ref}`}
          pagination={sheet.findings.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 条` } : false}
          dataSource={sheet.findings}
          columns={[
            {
              title: '级别',
              dataIndex: 'severity',
              width: 80,
              render: (s: string) => (
                <Tag color={s === 'block' ? 'error' : 'warning'}>{FINDING_SEVERITY_LABELS[s] ?? s}</Tag>
              ),
            },
            {
              title: '依据',
              dataIndex: 'article',
              width: 96,
              render: (a: string | null) => (a ? <Tag>{a}</Tag> : '—'),
            },
            { title: '问题', dataIndex: 'label' },
            {
              title: '涉及记录',
              dataIndex: 'ref',
              width: 240,
              render: (r: string) => <span className="mono">{r}</span>,
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">台账中未发现需整改的问题。</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        经费执行
      </Typography.Title>
      <Typography.Paragraph type="secondary">{sheet.fundsNote}</Typography.Paragraph>
    </>
  );
}
