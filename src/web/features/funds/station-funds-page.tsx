// 站点经费 (issue #5): budget execution by category against the time elapsed (第十条、第十一条、第十五条), the
// expense ledger with its compliance checks (第十六条、第十七条), the fixed funding paid in advance with its vouchers
// (第十五条), and the matching funds kept apart (第十四条).
import { Alert, Card, Spin } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { StationTabs } from '../../components/station-tabs';
import { formatMoney } from '../../lib/money';
import { useProgramYear } from '../../lib/program-years';
import { useCan } from '../../lib/session-context';
import { useStation } from '../../lib/stations';
import { useFunds } from './api';
import { DocumentsCard } from './documents-card';
import { ExecutionCard } from './execution-card';
import { ExpenseLedgerCard } from './expense-table';
import { PaymentsCard } from './payments-card';

export default function StationFundsPage() {
  const id = useParams().id ?? '';
  const can = useCan();
  const station = useStation(id);
  const funds = useFunds(id);
  const year = useProgramYear(station.data?.programYear ?? Number.NaN);
  if (funds.isPending || station.isPending)
    return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (funds.isError || station.isError)
    return (
      <Alert type="error" showIcon title="无法加载经费信息" description={(funds.error ?? station.error)?.message} />
    );
  const f = funds.data;
  const s = station.data;
  const period = { start: s.periodStart, end: s.periodEnd };
  const policy = year.data?.policy;
  return (
    <>
      <PageHeader title={s.name} subtitle="经费：预算执行、支出台账、拨付与配套经费" />
      <StationTabs stationId={id} />
      {f.execution ? (
        <ExecutionCard funds={f} execution={f.execution} policy={policy} period={period} />
      ) : (
        <Card size="small" title={`预算（${f.budgetSource}）`} className="card-gap">
          <Alert type="info" showIcon title="该站点尚无项目合作协议，预算与预算执行在协议签订后显示（第十条）" />
          <p style={{ margin: '12px 0 0' }}>
            配套经费（单独核算，第十四条）：计划 {formatMoney(f.matchingFundsPlannedFen)}
          </p>
        </Card>
      )}
      <ExpenseLedgerCard
        ctx={{ stationId: id, policy, today: f.today, period }}
        canWrite={can('write:expense')}
        counts={{ total: f.expenseCount, withWarnings: f.expensesWithWarnings }}
      />
      <PaymentsCard stationId={id} funds={f} canWrite={can('write:payment')} />
      <DocumentsCard stationId={id} canSubmit={can('write:expense')} canPackage={can('export:audit-package')} />
    </>
  );
}
