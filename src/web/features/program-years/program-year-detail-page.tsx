import { ArrowLeftOutlined, CopyOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Spin, Tabs, Tooltip } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Policy, STATION_TYPES } from '../../../domain/policy/types';
import { Breadcrumb } from '../../components/breadcrumb';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { formatInstant } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { useProgramYear, useProgramYears } from '../../lib/program-years';
import { useCan } from '../../lib/session-context';
import { useLockYear } from './api';
import { YearStatusTag } from './columns';
import { ExpenseCategoriesTable, FeeStandards, ForbiddenItemsTable } from './fee-standards';
import { DistrictsTable, KpiTables, StationTypesTable } from './policy-tables';

const ProgramYearForm = lazy(() => import('./program-year-form').then((m) => ({ default: m.ProgramYearForm })));
const CopyYearForm = lazy(() => import('./copy-year-form').then((m) => ({ default: m.CopyYearForm })));

/** The year's whole appropriation: quota × amount per type (第六条). */
const totalFundingFen = (p: Policy) =>
  STATION_TYPES.reduce((sum, t) => sum + p.stationTypes[t].quota * p.stationTypes[t].fundingFen, 0);

export default function ProgramYearDetailPage() {
  const year = Number(useParams().year);
  const can = useCan();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const detail = useProgramYear(year);
  const years = useProgramYears(can('write:program-year'));
  const lock = useLockYear(year);
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);

  if (detail.isPending) return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (detail.isError) {
    return (
      <Result
        status="404"
        title={<h2 className="result-title">年度不存在</h2>}
        subTitle={detail.error.message}
        extra={<Button onClick={() => navigate('/program-years')}>返回项目年度</Button>}
      />
    );
  }
  const y = detail.data;
  const p = y.policy;
  const isLocked = y.status === 'locked';
  // The server says whether the policy may change (a locked status, or a project already signed: 第十条、第十一条).
  const editable = y.editable;

  const confirmLock = () =>
    modal.confirm({
      title: `锁定 ${y.year} 年度政策？`,
      content: '锁定后名额、金额、区类别和考核指标不能再修改（申报开始时锁定）。此操作不可撤销。',
      okText: '锁定',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await lock.mutateAsync(y.version);
          message.success(`${y.year} 年度已锁定`);
        } catch {
          // the API client has shown why (already locked, stale version)
        }
      },
    });

  const writeActions = can('write:program-year') && (
    <>
      <Tooltip title={y.lockedReason ?? undefined}>
        <Button icon={<EditOutlined aria-hidden />} disabled={!editable} onClick={() => setEditing(true)}>
          编辑
        </Button>
      </Tooltip>
      <Tooltip title={isLocked ? '年度已锁定' : undefined}>
        <Button icon={<LockOutlined aria-hidden />} danger disabled={isLocked} onClick={confirmLock}>
          锁定
        </Button>
      </Tooltip>
      <Button icon={<CopyOutlined aria-hidden />} onClick={() => setCopying(true)} disabled={!years.data}>
        复制为新年度
      </Button>
    </>
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/program-years">项目年度</Link> }, { title: `${y.year} 年度` }]}
      />
      <PageHeader title={`${y.year} 年度政策`} subtitle={y.title} extra={writeActions} />
      {y.lockedReason && (
        <Alert
          className="card-gap"
          type="info"
          showIcon
          title={y.lockedReason}
          description={isLocked ? '如需调整以后年度的政策，请复制为新年度。' : undefined}
        />
      )}
      {y.problems.length > 0 && (
        <Alert
          className="card-gap"
          type="warning"
          showIcon
          title="该年度政策存在以下问题"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {y.problems.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" className="card-gap">
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 's', label: '状态', children: <YearStatusTag status={y.status} /> },
            { key: 'q', label: '名额合计', children: `${y.quotaTotal} 个` },
            { key: 'f', label: '资金合计', children: formatMoney(totalFundingFen(p)) },
            { key: 'l', label: '锁定时间', children: formatInstant(y.lockedAt) },
            { key: 'v', label: '版本', children: y.version },
            { key: 'd', label: '依据', children: p.sourceDocument },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'types', label: '站点类型', children: <StationTypesTable policy={p} /> },
            { key: 'districts', label: '区名单', children: <DistrictsTable policy={p} /> },
            { key: 'kpis', label: '考核指标', children: <KpiTables policy={p} /> },
            { key: 'expenses', label: '经费科目', children: <ExpenseCategoriesTable policy={p} /> },
            { key: 'forbidden', label: '禁止列支（第十七条）', children: <ForbiddenItemsTable policy={p} /> },
            { key: 'fees', label: '费用标准', children: <FeeStandards policy={p} /> },
          ]}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/program-years')}>
          返回项目年度
        </Button>
      </div>
      <Suspense fallback={null}>
        {editing && editable && <ProgramYearForm year={y} open={editing} onClose={() => setEditing(false)} />}
        {years.data && (
          <CopyYearForm open={copying} years={years.data} defaultFrom={y.year} onClose={() => setCopying(false)} />
        )}
      </Suspense>
    </>
  );
}
