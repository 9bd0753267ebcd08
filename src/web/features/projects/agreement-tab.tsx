// 协议 (第十条、第十一条): the current terms, every version with its Word document, and a comparison of any two.
import { DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AgreementTerms } from '../../../domain/lifecycle/agreement';
import { formatFen } from '../../../domain/lifecycle/application-rules';
import { EXPENSE_CATEGORIES, type Policy } from '../../../domain/policy/types';
import { formatInstant, formatPercent } from '../../lib/format';
import { agreementDocxUrl, type Project, useVersionDiff } from './api';
import { DiffTable } from './diff-table';
import { formatTarget } from './terms-helpers';

const muted = { color: 'rgba(0,0,0,0.55)' };

function TargetsTable({ terms, policy }: { terms: AgreementTerms; policy: Policy | undefined }) {
  const kpis = policy?.kpis[terms.stationType] ?? [];
  return (
    <Table
      size="small"
      bordered
      rowKey="id"
      pagination={false}
      dataSource={kpis}
      locale={{ emptyText: '正在加载年度政策…' }}
      columns={[
        { title: '考核指标', dataIndex: 'name' },
        { title: '依据', dataIndex: 'article', width: 90, render: (a: string) => <Tag>{a}</Tag> },
        {
          title: '年度目标',
          key: 'year',
          width: 120,
          align: 'right',
          render: (_, k) => <span style={muted}>{formatTarget(k.target, k)}</span>,
        },
        {
          title: '协议目标',
          key: 'agreed',
          width: 120,
          align: 'right',
          render: (_, k) => <strong>{formatTarget(terms.targets[k.id], k)}</strong>,
        },
      ]}
    />
  );
}

function BudgetTable({ terms, policy }: { terms: AgreementTerms; policy: Policy | undefined }) {
  const total = EXPENSE_CATEGORIES.reduce((s, c) => s + (terms.budgetFen[c] ?? 0), 0);
  const rows = EXPENSE_CATEGORIES.map((c) => {
    const cat = policy?.expenseCategories.find((x) => x.code === c);
    return { code: c, name: cat?.name ?? c, basis: cat ? `${cat.article}${cat.clause}` : '', fen: terms.budgetFen[c] };
  });
  const funding = policy?.stationTypes[terms.stationType];
  return (
    <Table
      size="small"
      bordered
      rowKey="code"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '支出科目', dataIndex: 'name' },
        { title: '依据', dataIndex: 'basis', width: 130, render: (b: string) => (b ? <Tag>{b}</Tag> : '—') },
        { title: '预算金额', dataIndex: 'fen', width: 170, align: 'right', render: (f: number) => formatFen(f) },
        {
          title: '占比',
          key: 'share',
          width: 80,
          align: 'right',
          render: (_, r) => (total ? formatPercent(r.fen / total) : '—'),
        },
      ]}
      summary={() => (
        <>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>合计</strong>
              {funding && (
                <span style={{ ...muted, marginLeft: 8 }}>
                  资助额度 {formatFen(funding.fundingFen)}（{funding.fundingArticle}）
                </span>
              )}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{formatFen(total)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
          </Table.Summary.Row>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              配套经费（第十四条）
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {formatFen(terms.matchingFundsFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
          </Table.Summary.Row>
        </>
      )}
    />
  );
}

export function TermsView({ project, terms, policy }: { project: Project; terms: AgreementTerms; policy?: Policy }) {
  const district = terms.districtCode ? policy?.districts.find((d) => d.code === terms.districtCode) : undefined;
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'n', label: '工作站点', children: terms.stationName },
          {
            key: 't',
            label: '站点类型',
            children: policy?.stationTypes[terms.stationType]?.name ?? project.stationTypeLabel,
          },
          { key: 'h', label: '依托单位（乙方）', children: project.hostName },
          {
            key: 'd',
            label: '所在区',
            children: terms.districtCode ? (district?.fullName ?? terms.districtCode) : '—（产学研合作站点）',
          },
          { key: 'p', label: '执行期', span: 2, children: `${terms.periodStart} 至 ${terms.periodEnd}` },
          { key: 'l', label: '项目负责人', children: `${terms.leaderName}（${terms.leaderPhone}）` },
          { key: 'c', label: '联系人', children: `${terms.contactName}（${terms.contactPhone}）` },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        考核目标（第七条、第八条）
      </Typography.Title>
      <TargetsTable terms={terms} policy={policy} />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        经费预算（第十五条、第十六条）
      </Typography.Title>
      <BudgetTable terms={terms} policy={policy} />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        活动计划
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {terms.activityPlan || <span style={muted}>（未填写）</span>}
      </Typography.Paragraph>
    </>
  );
}

function Versions({ project }: { project: Project }) {
  const versions = [...project.versions].sort((a, b) => b.versionNo - a.versionNo);
  const latest = versions[0]?.versionNo ?? 1;
  const [from, setFrom] = useState<number>(Math.max(1, latest - 1));
  const [to, setTo] = useState<number>(latest);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const diff = useVersionDiff(project.id, pair);
  const options = versions.map((v) => ({ value: v.versionNo, label: `第 ${v.versionNo} 版（${v.effectiveOn} 起）` }));

  return (
    <Card size="small" title={`协议版本（共 ${versions.length} 版）`} className="card-gap">
      <Table
        size="small"
        rowKey="versionNo"
        pagination={false}
        dataSource={versions}
        columns={[
          {
            title: '版本',
            dataIndex: 'versionNo',
            width: 110,
            render: (n: number, v) => (
              <>
                第 {n} 版 {n === project.inForceVersion && <Tag color="blue">现行</Tag>}
                {!v.inForce && <Tag color="orange">待生效</Tag>}
              </>
            ),
          },
          { title: '生效日期', dataIndex: 'effectiveOn', width: 110 },
          {
            title: '来源',
            dataIndex: 'changeRequestId',
            render: (id: string | null) => (id ? '经批准的工作调整（第十一条）' : '签订的项目合作协议（第十条）'),
          },
          { title: '形成时间', dataIndex: 'createdAt', width: 170, render: (t: string) => formatInstant(t) },
          {
            title: '文档',
            key: 'docx',
            width: 120,
            render: (_, v) => (
              <a href={agreementDocxUrl(project.id, v.versionNo)} download>
                <DownloadOutlined aria-hidden /> 下载 Word
              </a>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        {versions.length < 2 ? (
          <Typography.Text type="secondary">
            协议目前只有第 1 版；工作调整申请经批准后形成新版本，届时可在此比较任意两个版本。
          </Typography.Text>
        ) : (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <span>比较</span>
              <Select aria-label="原版本" style={{ width: 240 }} value={from} onChange={setFrom} options={options} />
              <SwapOutlined aria-hidden style={muted} />
              <Select aria-label="新版本" style={{ width: 240 }} value={to} onChange={setTo} options={options} />
              <Button type="primary" onClick={() => setPair({ from, to })} disabled={from === to}>
                比较
              </Button>
            </Space>
            {pair ? (
              <>
                <div style={{ ...muted, marginBottom: 8 }}>
                  第 {pair.from} 版 → 第 {pair.to} 版
                </div>
                <DiffTable changes={diff.data ?? []} loading={diff.isFetching} />
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择两个版本后点击“比较”" />
            )}
          </>
        )}
      </div>
    </Card>
  );
}

export function AgreementTab({ project, policy }: { project: Project; policy?: Policy }) {
  return (
    <>
      <Card
        size="small"
        className="card-gap"
        title={
          project.agreementVersion === project.inForceVersion
            ? `现行协议：第 ${project.agreementVersion} 版`
            : `最新协议：第 ${project.agreementVersion} 版（已批准，自 ${project.versions.find((v) => v.versionNo === project.agreementVersion)?.effectiveOn ?? ''} 起生效；此前第 ${project.inForceVersion} 版有效）`
        }
        extra={
          <a href={agreementDocxUrl(project.id, project.agreementVersion)} download>
            <DownloadOutlined aria-hidden /> 下载 Word
          </a>
        }
      >
        <TermsView project={project} terms={project.terms} policy={policy} />
      </Card>
      <Versions project={project} />
    </>
  );
}
