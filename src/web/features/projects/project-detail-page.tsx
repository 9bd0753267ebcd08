// 项目详情: one project's agreement and versions (第十条、第十一条), signing, change requests and acceptance
// (第十二条、第十三条). The tab is in the address (?tab=) so a link from the inbox or a reload keeps it.
import { Alert, Button, Card, Descriptions, Spin, Tabs, Tag } from 'antd';
import { useRef } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { PageHeader } from '../../components/page-header';
import { RecordHistory } from '../../components/record-history';
import { Result } from '../../components/result';
import { ApiError } from '../../lib/api';
import { useProgramYear } from '../../lib/program-years';
import { projectHistory } from '../../lib/record-history';
import { useCan } from '../../lib/session-context';
import { typeColor } from '../../lib/stations';
import { AcceptanceTab } from './acceptance-tab';
import { AgreementTab } from './agreement-tab';
import { type Project, useChangeRequests, useProject } from './api';
import { ChangeRequestsTab } from './change-requests-tab';
import { projectStatusColor } from './columns';
import { SigningTab } from './signing-tab';

const TABS = ['agreement', 'signing', 'changes', 'acceptance', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** The tab a project most likely needs now, when the address names none (a link from the inbox). */
function defaultTab(p: Project, openRequests: number): TabKey {
  if (p.status === 'agreement_pending') return 'signing';
  if (p.status === 'in_progress') return openRequests > 0 ? 'changes' : 'agreement';
  return 'acceptance';
}

function Summary({ project: p }: { project: Project }) {
  return (
    <Card size="small" className="card-gap">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'h', label: '依托单位', children: p.hostName },
          { key: 'p', label: '执行期', children: `${p.termsInForce.periodStart} 至 ${p.termsInForce.periodEnd}` },
          {
            key: 'v',
            label: '现行协议',
            children:
              p.inForceVersion === p.agreementVersion
                ? `第 ${p.inForceVersion} 版`
                : `第 ${p.inForceVersion} 版（第 ${p.agreementVersion} 版待生效）`,
          },
          { key: 'r', label: '报告截止', children: p.reportsDueOn },
          {
            key: 's',
            label: '协议签订',
            children: p.centerSignedOn ? `${p.hostSignedOn ?? '—'}（乙方） / ${p.centerSignedOn}（甲方）` : '尚未签订',
          },
          { key: 'l', label: '项目负责人', children: `${p.termsInForce.leaderName}（${p.termsInForce.leaderPhone}）` },
          {
            key: 'st',
            label: '工作站点',
            span: 'filled',
            children: <Link to={`/stations/${p.stationId}`}>查看站点概况、考核指标和台账</Link>,
          },
        ]}
      />
    </Card>
  );
}

export default function ProjectDetailPage() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const project = useProject(id);
  const policy = useProgramYear(project.data?.programYear ?? Number.NaN);
  const requests = useChangeRequests(id, project.isSuccess);
  // The default tab is chosen once per visit: signing or deciding changes the status, not where the user is.
  const firstTab = useRef<{ id: string; tab: TabKey } | null>(null);

  if (project.isPending || (project.isSuccess && requests.isPending))
    return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (project.isError) {
    const missing = project.error instanceof ApiError && project.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h2 className="result-title">{missing ? '项目不存在或您无权查看' : '无法加载项目'}</h2>}
        subTitle={
          missing ? '请检查链接是否正确；区科协、依托单位和审计人员账户只能查看其范围内的项目。' : project.error.message
        }
        extra={<Button onClick={() => navigate('/projects')}>返回项目列表</Button>}
      />
    );
  }
  const p = project.data;
  const requested = params.get('tab') as TabKey | null;
  const pending = (requests.data ?? []).filter((r) => r.status === 'submitted' || r.status === 'draft').length;
  if (firstTab.current?.id !== p.id) firstTab.current = { id: p.id, tab: defaultTab(p, pending) };
  const tab: TabKey = requested && TABS.includes(requested) ? requested : firstTab.current.tab;
  const yearPolicy = policy.data?.policy;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/projects">项目与验收</Link> }, { title: p.stationName }]}
      />
      <PageHeader
        title={p.stationName}
        subtitle={
          <>
            <Tag color={projectStatusColor[p.phase]}>{p.statusLabel}</Tag>
            <Tag color={typeColor[p.stationType]}>{p.stationTypeLabel}</Tag> {p.programYear} 年度 · 协议第{' '}
            {p.agreementVersion} 版
          </>
        }
      />
      {policy.isError && (
        <Alert
          type="warning"
          showIcon
          className="card-gap"
          title={`无法加载 ${p.programYear} 年度政策：考核指标名称和经费科目暂不能显示`}
        />
      )}
      <Summary project={p} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        aria-label="项目功能"
        items={[
          { key: 'agreement', label: '协议', children: <AgreementTab project={p} policy={yearPolicy} /> },
          { key: 'signing', label: '签订', children: <SigningTab project={p} /> },
          {
            key: 'changes',
            label: pending ? `工作调整（${pending}）` : '工作调整',
            children: <ChangeRequestsTab project={p} policy={yearPolicy} />,
          },
          { key: 'acceptance', label: '年度总结与验收', children: <AcceptanceTab project={p} /> },
          // Who changed the project, its agreement and its change requests, and when (the server scopes it as well).
          ...(can('read:project')
            ? [{ key: 'history', label: '变更记录', children: <RecordHistory source={projectHistory(p.id)} /> }]
            : []),
        ]}
        destroyOnHidden
      />
    </>
  );
}
