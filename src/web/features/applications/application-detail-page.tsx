// 申报书 (第十条): the host edits and submits it; the district recommends or sends it back (第六条); the Center organises
// the review, records site visits (考察) and decides; reviewers read it. The buttons are the server's `actions` for this role.
import { Alert, App, Button, Form, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Policy } from '../../../domain/policy/types';
import { Breadcrumb } from '../../components/breadcrumb';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { ApiError } from '../../lib/api';
import { useProgramYear } from '../../lib/program-years';
import { useCan, useMe } from '../../lib/session-context';
import { typeColor } from '../../lib/stations';
import { type ApplicationDetail, useApplication, useApplicationReviews, useSiteVisits } from './api';
import { ApplicationActions } from './application-actions';
import { ApplicationFiles } from './application-files';
import { ApplicationEditor, placeIssues, useSaver } from './application-form';
import { type FormValues, sectionOf } from './application-helpers';
import { ApplicationView, HistoryCard } from './application-view';
import { StatusTag } from './columns';
import { ReviewPanel } from './review-panel';
import { SiteVisitPanel } from './site-visit-panel';

const EDITABLE = ['draft', 'returned'];
const SETTLED = ['under_review', 'approved', 'rejected', 'withdrawn'];

function scrollTo(path: string) {
  document.getElementById(sectionOf(path))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function Gaps({ app, linked }: { app: ApplicationDetail; linked: boolean }) {
  if (!app.gaps.length || SETTLED.includes(app.status)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="card-gap"
      title={`待补全（${app.gaps.length} 项）：全部补全后才能提交（第十条）`}
      description={
        <ol style={{ margin: 0, paddingLeft: 20, columns: app.gaps.length > 8 ? 2 : 1, columnGap: 32 }}>
          {app.gaps.map((g) => (
            <li key={`${g.path}-${g.message}`}>
              {linked ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => scrollTo(g.path)}
                >
                  {g.message}
                </Button>
              ) : (
                g.message
              )}
            </li>
          ))}
        </ol>
      }
    />
  );
}

function Notes({ app, canSeeStation, isHost }: { app: ApplicationDetail; canSeeStation: boolean; isHost: boolean }) {
  return (
    <>
      {app.status === 'returned' && app.returnReason && (
        <Alert
          type="error"
          showIcon
          className="card-gap"
          title={isHost ? '申报书已退回，请按退回原因修改后重新提交' : '已退回依托单位修改，退回原因：'}
          description={app.returnReason}
        />
      )}
      {app.districtOpinion && (
        <Alert
          type="info"
          showIcon
          className="card-gap"
          title="区科协推荐意见（第六条）"
          description={app.districtOpinion}
        />
      )}
      {app.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          className="card-gap"
          title="不予立项（第十条）"
          description={app.decisionReason ?? '—'}
        />
      )}
      {app.status === 'approved' && (
        <Alert
          type="success"
          showIcon
          className="card-gap"
          title="已批准立项（第十条）：工作站点已设立，项目合作协议第 1 版已生成"
          action={
            app.stationId && canSeeStation ? <Link to={`/stations/${app.stationId}`}>查看工作站点</Link> : undefined
          }
        />
      )}
      {app.status === 'withdrawn' && (
        <Alert type="info" showIcon className="card-gap" title="申报书已撤回；申报期内可新建申报书重新申报" />
      )}
    </>
  );
}

function Loaded({ app, policy }: { app: ApplicationDetail; policy: Policy | undefined }) {
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [dirty, setDirty] = useState(false);
  // the tabs' counts (the same queries as the panels, so fetched once)
  // A reviewer gets only its own assignment here: the link below opens it beside this 申报书.
  const reviews = useApplicationReviews(app.id, can('manage:review') || me.role === 'reviewer');
  const siteVisits = useSiteVisits(app.id, can('manage:review'));
  const editable = can('write:application') && EDITABLE.includes(app.status) && Boolean(policy);
  const saver = useSaver(app, form, policy as Policy);
  const save = async () => {
    const d = await saver.saveNow();
    if (d) setDirty(false);
    return d;
  };

  const content = (
    <>
      {editable && policy ? (
        <>
          <ApplicationEditor
            key={app.id}
            app={app}
            form={form}
            policy={policy}
            dirty={dirty}
            onDirty={setDirty}
            saving={saver.saving}
            onSave={() =>
              void save().then((d) => {
                if (d) message.success(d.gaps.length ? `已保存；还有 ${d.gaps.length} 项待补全` : '已保存，可以提交');
              })
            }
          />
          <ApplicationFiles app={app} canWrite />
        </>
      ) : (
        <>
          <ApplicationView app={app} policy={policy} />
          <ApplicationFiles app={app} canWrite={false} />
        </>
      )}
      <HistoryCard history={app.history} />
    </>
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/applications">项目申报</Link> }, { title: app.stationName || '申报书' }]}
      />
      <PageHeader
        title={app.stationName || '（未命名申报书）'}
        subtitle={
          <>
            <StatusTag a={app} />
            <Tag color={typeColor[app.stationType]}>{app.stationTypeLabel}</Tag>
            {app.programYear} 年度 · {app.hostName} · 申报截止 {app.deadline}
            {can('manage:review') && app.averageScore !== null && ` · 平均分 ${app.averageScore.toFixed(1)}`}
          </>
        }
        extra={
          <ApplicationActions
            app={app}
            beforeSubmit={editable ? () => (dirty ? save() : Promise.resolve(app)) : undefined}
            onIssues={editable ? (issues) => placeIssues(form, issues) : undefined}
          />
        }
      />
      {me.role === 'reviewer' && (
        <Alert
          type="info"
          showIcon
          className="card-gap"
          title="请在“我的评审”中声明利益冲突，再对照申报书按评分细则打分（第十条）"
          action={<Link to={reviews.data?.[0] ? `/reviews?a=${reviews.data[0].id}` : '/reviews'}>前往评分</Link>}
        />
      )}
      <Notes app={app} canSeeStation={can('read:station')} isHost={can('write:application')} />
      <Gaps app={app} linked={editable} />
      {can('manage:review') ? (
        <Tabs
          items={[
            { key: 'form', label: '申报书内容', children: content },
            {
              key: 'review',
              label: `专家评审${reviews.data ? `（${reviews.data.filter((r) => r.status !== 'recused').length}）` : ''}`,
              children: <ReviewPanel app={app} />,
            },
            {
              key: 'site-visit',
              label: `实地考察${siteVisits.data ? `（${siteVisits.data.length}）` : ''}`,
              children: <SiteVisitPanel app={app} canWrite />,
            },
          ]}
        />
      ) : (
        <>
          {content}
          {me.role === 'district' && <SiteVisitPanel app={app} canWrite={false} />}
        </>
      )}
    </>
  );
}

export default function ApplicationDetailPage() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const app = useApplication(id);
  const year = useProgramYear(app.data?.programYear ?? Number.NaN);

  if (app.isPending || (app.data && year.isPending))
    return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (app.isError) {
    const missing = app.error instanceof ApiError && app.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h2 className="result-title">{missing ? '申报书不存在或您无权查看' : '无法加载申报书'}</h2>}
        subTitle={
          missing
            ? '请检查链接是否正确；依托单位只能查看本单位的申报书，区科协只能查看本区的，评审专家只能查看指派给自己的。'
            : app.error.message
        }
        extra={<Button onClick={() => navigate('/applications')}>返回项目申报列表</Button>}
      />
    );
  }
  return <Loaded app={app.data} policy={year.data?.policy} />;
}
