// A reviewer's scoring of one application (第十条): the 申报书 beside the rubric, so each criterion is judged against what
// the applicant wrote. On a PC (lg, ≥ 992 px) the application is on the left and the form on the right, each scrolling
// on its own; narrower (a phone at 390 px, a tablet) they stack behind a 申报书 / 评分 switch. Both stay mounted when
// hidden, so switching to read the application again never loses the scores typed so far.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Segmented, Spin } from 'antd';
import { type CSSProperties, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Result } from '../../components/result';
import { ApiError } from '../../lib/api';
import { useProgramYear } from '../../lib/program-years';
import { type Assignment, useApplication } from './api';
import { ApplicationFiles } from './application-files';
import { ApplicationView, HistoryCard } from './application-view';
import { ReviewCard } from './review-card';

type Pane = 'application' | 'score';

// The header (56 px) and the content's padding (16 + 24 px) of the app layout; the top bar of this view is inside.
const WIDE_HEIGHT = 'calc(100vh - 96px)';
const paneStyle: CSSProperties = { minHeight: 0, minWidth: 0, overflowY: 'auto', overscrollBehavior: 'contain' };

function ApplicationPane({ a }: { a: Assignment }) {
  const app = useApplication(a.applicationId);
  const year = useProgramYear(app.data?.programYear ?? Number.NaN);
  if (app.isPending || (app.data && year.isPending))
    return <Spin description="正在加载申报书…" style={{ display: 'block', marginTop: 60 }} />;
  if (app.isError)
    return (
      <Result
        status="warning"
        title="无法加载申报书"
        subTitle={app.error instanceof ApiError ? app.error.message : '请稍后重试'}
      />
    );
  return (
    <>
      <ApplicationView app={app.data} policy={year.data?.policy} narrow />
      <ApplicationFiles app={app.data} canWrite={false} narrow />
      <HistoryCard history={app.data.history} narrow />
    </>
  );
}

export interface ReviewWorkspaceProps {
  a: Assignment;
  /** the next assignment still waiting for this reviewer, if any */
  next?: Assignment;
}

export function ReviewWorkspace({ a, next }: ReviewWorkspaceProps) {
  const wide = Grid.useBreakpoint().lg === true;
  const navigate = useNavigate();
  const [pane, setPane] = useState<Pane>('application');
  const done = a.status !== 'assigned';

  const top = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
      <Link to="/reviews">
        <ArrowLeftOutlined aria-hidden /> 返回评审列表
      </Link>
      <h2 style={{ margin: 0, fontSize: 18, fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}>
        评审：{a.stationName || '（未命名申报书）'}
      </h2>
      <span style={{ color: 'rgba(0,0,0,0.45)' }}>申报截止 {a.deadline}</span>
      {done && next && (
        <Button
          size="small"
          type="primary"
          style={{ marginLeft: 'auto' }}
          onClick={() => navigate(`/reviews?a=${next.id}`)}
        >
          评审下一份
        </Button>
      )}
    </div>
  );

  if (wide)
    return (
      <div style={{ display: 'flex', flexDirection: 'column', height: WIDE_HEIGHT }}>
        {top}
        <div
          style={{
            flex: 1,
            minHeight: 0,
            display: 'grid',
            gridTemplateColumns: 'minmax(0, 11fr) minmax(0, 9fr)',
            gap: 16,
          }}
        >
          <section aria-label="申报书" style={{ ...paneStyle, paddingRight: 4 }}>
            <ApplicationPane a={a} />
          </section>
          <section aria-label="评分" style={{ ...paneStyle, paddingRight: 4 }}>
            <ReviewCard a={a} />
          </section>
        </div>
      </div>
    );

  return (
    <>
      {top}
      <div style={{ position: 'sticky', top: 56, zIndex: 5, background: '#f5f5f5', paddingBottom: 8, marginBottom: 4 }}>
        <Segmented<Pane>
          block
          value={pane}
          onChange={(v) => {
            setPane(v);
            window.scrollTo({ top: 0 });
          }}
          options={[
            { value: 'application', label: '申报书' },
            { value: 'score', label: done ? '评分结果' : '评分' },
          ]}
        />
      </div>
      {pane === 'application' && !done && (
        <Alert type="info" showIcon className="card-gap" title="阅读申报书后，切换到“评分”逐项打分（第十条）" />
      )}
      <section aria-label="申报书" hidden={pane !== 'application'}>
        <ApplicationPane a={a} />
      </section>
      <section aria-label="评分" hidden={pane !== 'score'}>
        <ReviewCard a={a} />
      </section>
    </>
  );
}
