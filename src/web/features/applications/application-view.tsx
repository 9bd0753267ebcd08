// The 申报书 read-only: for the district, the Center, reviewers, and the host once it is submitted. `narrow` is for a
// reviewer's pane beside the scoring form on a PC and for a phone (390 px): one column, nothing wider than the pane.
import { Card, Descriptions, Table, Typography } from 'antd';
import { EXPENSE_CATEGORIES, type Policy } from '../../../domain/policy/types';
import { useDistricts } from '../../lib/districts';
import { dash } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import type { ApplicationDetail } from './api';
import { formatTarget, PUBLIC_INSTITUTION_CLASS_LABELS } from './application-helpers';

const pre = { whiteSpace: 'pre-wrap', margin: 0 } as const;
const muted = { color: 'rgba(0,0,0,0.35)' };
// Long unbroken text (an e-mail address, a URL) would widen a table cell past a phone's screen.
const wrapAnywhere = { overflowWrap: 'anywhere' } as const;

interface ViewProps {
  app: ApplicationDetail;
  policy: Policy | undefined;
  narrow?: boolean;
}

export function ApplicationView({ app, policy, narrow = false }: ViewProps) {
  const f = app.form;
  const districts = useDistricts(app.programYear);
  const district = districts.data?.find((d) => d.code === f.districtCode);
  const type = f.stationType;
  const kpis = type && policy ? policy.kpis[type] : [];
  const budgetTotal = EXPENSE_CATEGORIES.reduce((s, c) => s + (f.budgetFen?.[c] ?? 0), 0);
  const typePolicy = type && policy ? policy.stationTypes[type] : undefined;

  return (
    <>
      <Card size="small" title="基本信息" className="card-gap">
        <Descriptions
          bordered
          size="small"
          column={narrow ? 1 : 3}
          styles={{ label: { whiteSpace: 'nowrap' }, content: wrapAnywhere }}
          items={[
            { key: 'n', label: '站点名称', children: dash(f.stationName) },
            { key: 't', label: '站点类型', children: typePolicy?.name ?? app.stationTypeLabel },
            {
              key: 'd',
              label: '所在区',
              children: type === 'iur' ? '—（产学研合作站点）' : (district?.name ?? dash(f.districtCode)),
            },
            { key: 'h', label: '依托单位', children: app.hostName },
            ...(app.hostKind === 'public_institution'
              ? [
                  {
                    key: 'pc',
                    label: '事业单位类别',
                    children: f.publicInstitutionClass
                      ? PUBLIC_INSTITUTION_CLASS_LABELS[f.publicInstitutionClass]
                      : '—',
                  },
                ]
              : []),
            ...(app.hostKind === 'university_association'
              ? [
                  {
                    key: 'oa',
                    label: '设有本单位科协',
                    children:
                      f.hasOwnAssociation === null || f.hasOwnAssociation === undefined
                        ? '—'
                        : f.hasOwnAssociation
                          ? '是'
                          : '否',
                  },
                ]
              : []),
            { key: 'ln', label: '负责人', children: [f.leaderName, f.leaderTitle].filter(Boolean).join('，') || '—' },
            { key: 'lp', label: '负责人电话', children: dash(f.leaderPhone) },
            { key: 'cn', label: '联系人', children: dash(f.contactName) },
            { key: 'cp', label: '联系人电话', children: dash(f.contactPhone) },
            { key: 'ce', label: '联系人邮箱', children: dash(f.contactEmail) },
            {
              key: 'r',
              label: '资源条件',
              span: 'filled',
              children: f.resources ? <p style={pre}>{f.resources}</p> : '—',
            },
          ]}
        />
      </Card>
      <Card size="small" title="工作目标" className="card-gap">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={kpis}
          locale={{ emptyText: '未选择站点类型' }}
          columns={[
            narrow
              ? {
                  title: '指标（依据）',
                  key: 'name',
                  render: (_, k) => `${k.name}（${k.article}）`,
                }
              : { title: '指标', dataIndex: 'name' },
            ...(narrow ? [] : [{ title: '依据', dataIndex: 'article', width: 90 }]),
            {
              title: '年度目标',
              key: 'y',
              width: narrow ? 76 : 140,
              align: 'right',
              render: (_, k) => formatTarget(k, k.target),
            },
            {
              title: '申报目标',
              key: 'a',
              width: narrow ? 76 : 140,
              align: 'right',
              render: (_, k) => {
                const v = f.targets?.[k.id];
                const low = typeof v === 'number' && v < k.target;
                return <span style={low ? { color: '#cf1322' } : undefined}>{formatTarget(k, v)}</span>;
              },
            },
          ]}
        />
      </Card>
      <Card size="small" title="活动计划与进度安排" className="card-gap">
        {f.activityPlan ? <p style={pre}>{f.activityPlan}</p> : <span style={muted}>未填写活动计划</span>}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          进度安排
        </Typography.Title>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={(f.schedule ?? []).map((s, i) => ({ ...s, key: i }))}
          locale={{ emptyText: '未填写进度安排' }}
          columns={[
            { title: '月份', dataIndex: 'month', width: narrow ? 84 : 110 },
            { title: '工作内容', dataIndex: 'content', onCell: () => ({ style: wrapAnywhere }) },
          ]}
        />
      </Card>
      <Card size="small" title="预算" className="card-gap">
        <Descriptions
          bordered
          size="small"
          column={narrow ? 1 : 3}
          styles={{ content: wrapAnywhere }}
          items={[
            ...EXPENSE_CATEGORIES.map((c) => ({
              key: c,
              label: policy?.expenseCategories.find((x) => x.code === c)?.name ?? c,
              children: f.budgetFen?.[c] === undefined ? '—' : formatMoney(f.budgetFen[c]),
            })),
            {
              key: 'total',
              label: '预算合计',
              children: (
                <>
                  <strong>{formatMoney(budgetTotal)}</strong>
                  {typePolicy && (
                    <span
                      style={{ color: budgetTotal === typePolicy.fundingFen ? '#389e0d' : '#d46b08', marginLeft: 8 }}
                    >
                      资助额度 {formatMoney(typePolicy.fundingFen)}
                    </span>
                  )}
                </>
              ),
            },
            { key: 'm', label: '配套经费', children: f.matchingFundsFen ? formatMoney(f.matchingFundsFen) : '无' },
            { key: 'ms', label: '配套经费来源', span: narrow ? 1 : 2, children: dash(f.matchingFundsSource) },
          ]}
        />
      </Card>
    </>
  );
}

/** 往年验收结果 (第十三条): the host's stations of earlier years and how their acceptance ended. */
export function HistoryCard({ history, narrow = false }: { history: ApplicationDetail['history']; narrow?: boolean }) {
  return (
    <Card size="small" title="往年承担情况与验收结果（第十三条）" className="card-gap">
      <Table
        size="small"
        rowKey={(r) => `${r.programYear}-${r.stationName}`}
        pagination={false}
        dataSource={history}
        locale={{ emptyText: '该单位往年没有承担工作站点' }}
        columns={[
          { title: '年度', dataIndex: 'programYear', width: narrow ? 60 : 80 },
          narrow
            ? {
                title: '站点',
                key: 'station',
                render: (_, r) => `${r.stationName}（${r.stationType}）`,
              }
            : { title: '站点名称', dataIndex: 'stationName' },
          ...(narrow ? [] : [{ title: '站点类型', dataIndex: 'stationType', width: 160 }]),
          {
            title: '验收结果',
            dataIndex: 'result',
            width: narrow ? 96 : 140,
            render: (r: string | null) => (
              <span style={r === '验收不通过' ? { color: '#cf1322', fontWeight: 500 } : undefined}>{r ?? '—'}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}
