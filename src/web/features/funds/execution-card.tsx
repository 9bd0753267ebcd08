// 预算执行 (第十五条): the grant spent by category against the agreement's budget, the execution rate against the share
// of the project period passed, and the matching funds apart (第十四条). Numbers come from the server (`execution`).
import { Alert, Card, Progress, Table } from 'antd';
import type { Policy } from '../../../domain/policy/types';
import type { ExecutionDto as Execution } from '../../../shared/schemas/funds';
import { useIsPhone } from '../../components/use-phone';
import { formatPercent } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import type { Funds } from './api';

type Row = Execution['rows'][number] & { name: string; article: string };

function BarChart({ rows, phone }: { rows: Row[]; phone: boolean }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.budgetFen, r.spentFen)));
  const width = (fen: number) => `${(fen / max) * 100}%`;
  return (
    <figure aria-label="预算执行图" style={{ margin: 0, display: 'grid', gap: 10 }}>
      {rows.map((r) => {
        const over = r.spentFen > r.budgetFen;
        return (
          <div
            key={r.category}
            style={{
              display: 'grid',
              gridTemplateColumns: phone ? '72px minmax(0, 1fr) auto' : '84px 1fr 190px',
              gap: 8,
              alignItems: 'center',
            }}
          >
            <span>{r.name}</span>
            <div
              role="img"
              aria-label={`${r.name} 已支出 ${formatMoney(r.spentFen)}，预算 ${formatMoney(r.budgetFen)}`}
              title={`${r.name} 已支出 ${formatMoney(r.spentFen)}，预算 ${formatMoney(r.budgetFen)}`}
              style={{ position: 'relative', height: 18 }}
            >
              <div
                style={{
                  position: 'absolute',
                  inset: 0,
                  width: width(r.budgetFen),
                  background: '#bae0ff',
                  borderRadius: 3,
                }}
              />
              <div
                style={{
                  position: 'absolute',
                  top: 3,
                  bottom: 3,
                  left: 0,
                  width: width(r.spentFen),
                  background: over ? '#ff4d4f' : '#1677ff',
                  borderRadius: 2,
                }}
              />
            </div>
            <span
              style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', color: over ? '#cf1322' : undefined }}
            >
              {formatPercent(r.rate)}（{formatMoney(r.spentFen)}）
            </span>
          </div>
        );
      })}
      <figcaption style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
        <span style={{ display: 'inline-block', width: 12, height: 8, background: '#bae0ff', marginRight: 4 }} />
        预算
        <span
          style={{ display: 'inline-block', width: 12, height: 8, background: '#1677ff', margin: '0 4px 0 12px' }}
        />
        已支出（资助经费）
        <span
          style={{ display: 'inline-block', width: 12, height: 8, background: '#ff4d4f', margin: '0 4px 0 12px' }}
        />
        超出预算
      </figcaption>
    </figure>
  );
}

function Rates({ x, period }: { x: Execution; period: { start: string; end: string } }) {
  const behind = x.executionRate + 0.25 < x.timeElapsed;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '150px minmax(0, 1fr)', gap: '4px 12px', maxWidth: 640 }}>
      <span>经费执行率 {formatPercent(x.executionRate)}</span>
      <Progress
        percent={Math.min(100, x.executionRate * 100)}
        showInfo={false}
        status={behind ? 'exception' : 'normal'}
        aria-label={`经费执行率 ${formatPercent(x.executionRate)}`}
      />
      <span>时间进度 {formatPercent(x.timeElapsed)}</span>
      <Progress
        percent={x.timeElapsed * 100}
        showInfo={false}
        strokeColor="#8c8c8c"
        aria-label={`时间进度 ${formatPercent(x.timeElapsed)}`}
      />
      <span />
      <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
        项目期 {period.start} 至 {period.end}
        {x.daysLeft > 0 ? `，剩余 ${x.daysLeft} 天` : '，已结束'}
      </span>
    </div>
  );
}

export function ExecutionCard({
  funds,
  execution: x,
  policy,
  period,
}: {
  funds: Funds;
  execution: Execution;
  policy: Policy | undefined;
  period: { start: string; end: string };
}) {
  const rows: Row[] = x.rows.map((r) => {
    const c = policy?.expenseCategories.find((k) => k.code === r.category);
    return { ...r, name: c?.name ?? r.category, article: c ? `${c.article}${c.clause}` : '' };
  });
  const budgetTotal = rows.reduce((s, r) => s + r.budgetFen, 0);
  const phone = useIsPhone();
  return (
    <Card size="small" title={`预算执行（${funds.budgetSource}）`} className="card-gap">
      {x.warnings.map((w) => (
        <Alert
          key={w.message}
          type={w.level === 'warn' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={w.message.includes(w.article) ? w.message : `${w.message}（${w.article}）`}
        />
      ))}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 32px', marginBottom: 12 }}>
        <span>
          资助经费 <strong>{formatMoney(x.grantedFen)}</strong>（{funds.fundingArticle}）
        </span>
        <span>
          已支出 <strong>{formatMoney(x.spentGrantFen)}</strong>
        </span>
        <span>
          结余 <strong>{formatMoney(x.balanceFen)}</strong>
        </span>
      </div>
      <Rates x={x} period={period} />
      {/* On a phone the chart comes under the table, and the table's six columns scroll inside it. */}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: phone ? 'minmax(0, 1fr)' : 'minmax(0, 3fr) minmax(0, 2fr)',
          gap: 24,
          marginTop: 16,
        }}
      >
        <Table<Row>
          size="small"
          rowKey="category"
          scroll={phone ? { x: 640 } : undefined}
          pagination={false}
          dataSource={rows}
          aria-label="预算执行表"
          columns={[
            { title: '科目', dataIndex: 'name', ...(phone ? { fixed: 'left' as const, width: 76 } : {}) },
            { title: '依据', dataIndex: 'article', width: 120 },
            { title: '预算', dataIndex: 'budgetFen', align: 'right', render: formatMoney },
            { title: '已支出（资助经费）', dataIndex: 'spentFen', align: 'right', render: formatMoney },
            {
              title: '结余',
              dataIndex: 'balanceFen',
              align: 'right',
              render: (v: number) => <span style={{ color: v < 0 ? '#cf1322' : undefined }}>{formatMoney(v)}</span>,
            },
            { title: '执行率', dataIndex: 'rate', align: 'right', width: 80, render: formatPercent },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                合计
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{formatMoney(budgetTotal)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <strong>{formatMoney(x.spentGrantFen)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <strong>{formatMoney(budgetTotal - x.spentGrantFen)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <strong>{formatPercent(x.executionRate)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <BarChart rows={rows} phone={phone} />
      </div>
      <div style={{ marginTop: 16, paddingTop: 12, borderTop: '1px dashed #f0f0f0' }}>
        <strong>配套经费</strong>（单独核算，不计入资助经费执行率，第十四条）：计划 {formatMoney(x.matchingPlannedFen)}
        ，已支出 {formatMoney(x.matchingSpentFen)}
        {x.matchingPlannedFen > 0 && `（${formatPercent(x.matchingSpentFen / x.matchingPlannedFen)}）`}
      </div>
    </Card>
  );
}
