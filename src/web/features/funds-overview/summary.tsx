// The year's totals over the filter (第十五条): the grant and its spending, the execution rate against the time passed,
// the matching funds apart (第十四条), and the grant spent by category as a bar chart of plain CSS.
import { Card, Col, Progress, Row, Statistic } from 'antd';
import { formatPercent } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import type { ExecutionTotals } from './api';
import { categoryShares, isBehind, progressValue } from './format';

const muted = { color: 'rgba(0,0,0,0.45)', fontSize: 12 };

function Rates({ t }: { t: ExecutionTotals }) {
  const behind = isBehind(t.executionRate, t.timeElapsed);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '132px minmax(0, 1fr)', gap: '6px 12px', marginTop: 16 }}>
      <span>执行率 {formatPercent(t.executionRate)}</span>
      <Progress
        percent={progressValue(t.executionRate)}
        showInfo={false}
        status={behind ? 'exception' : 'normal'}
        aria-label={`执行率 ${formatPercent(t.executionRate)}`}
      />
      <span>时间进度 {formatPercent(t.timeElapsed)}</span>
      <Progress
        percent={progressValue(t.timeElapsed)}
        showInfo={false}
        strokeColor="#8c8c8c"
        aria-label={`时间进度 ${formatPercent(t.timeElapsed)}`}
      />
      <span />
      <span style={muted}>
        执行率 = 已支出资助经费 / 资助经费；时间进度按各站点项目期、以资助经费加权
        {behind && '；执行进度明显落后于时间进度'}
      </span>
    </div>
  );
}

function CategoryChart({ t }: { t: ExecutionTotals }) {
  const rows = categoryShares(t.byCategory);
  const max = Math.max(1, ...rows.map((r) => r.spentFen));
  return (
    <figure aria-label="年度分类支出图" style={{ margin: 0, display: 'grid', gap: 10 }}>
      {rows.map((r) => (
        <div
          key={r.category}
          style={{ display: 'grid', gridTemplateColumns: '72px minmax(0, 1fr) 170px', gap: 8, alignItems: 'center' }}
        >
          <span>{r.name}</span>
          <div
            role="img"
            aria-label={`${r.name} 已支出 ${formatMoney(r.spentFen)}，占 ${formatPercent(r.share)}`}
            title={`${r.name} 已支出 ${formatMoney(r.spentFen)}，占 ${formatPercent(r.share)}`}
            style={{ height: 16, background: '#f0f5ff', borderRadius: 3 }}
          >
            <div
              style={{
                width: `${(r.spentFen / max) * 100}%`,
                minWidth: r.spentFen > 0 ? 2 : 0,
                height: '100%',
                background: '#1677ff',
                borderRadius: 3,
              }}
            />
          </div>
          <span style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {formatMoney(r.spentFen)}（{formatPercent(r.share)}）
          </span>
        </div>
      ))}
      <figcaption style={muted}>
        {t.spentGrantFen > 0 ? '资助经费已支出，按支出科目；括号内为占已支出的比例' : '本范围内尚无资助经费支出'}
      </figcaption>
    </figure>
  );
}

export function ExecutionSummary({ t, year, today }: { t: ExecutionTotals; year: number; today: string }) {
  return (
    <Row gutter={[16, 16]} className="card-gap">
      <Col xs={24} xl={13}>
        <Card size="small" title={`${year} 年度合计（${t.stations} 个站点，截至 ${today}）`} style={{ height: '100%' }}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic
                title="资助经费合计"
                value={formatMoney(t.grantedFen)}
                styles={{ content: { fontSize: 20 } }}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title="已支出（资助经费）"
                value={formatMoney(t.spentGrantFen)}
                styles={{ content: { fontSize: 20 } }}
              />
            </Col>
            <Col span={8} style={{ borderLeft: '1px dashed #d9d9d9' }}>
              <Statistic
                title="配套经费已支出"
                value={formatMoney(t.matchingSpentFen)}
                styles={{ content: { fontSize: 20 } }}
              />
              <div style={muted}>单独核算，不计入执行率（第十四条）</div>
            </Col>
          </Row>
          <Rates t={t} />
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        <Card size="small" title="分类支出（资助经费）" style={{ height: '100%' }}>
          <CategoryChart t={t} />
        </Card>
      </Col>
    </Row>
  );
}
