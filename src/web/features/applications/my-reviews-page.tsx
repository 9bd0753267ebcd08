// 我的评审 (第十条): the reviewer's assignments, pending ones first. Opening one (`?a=<assignment>`) shows the 申报书
// beside the scoring form (review-workspace.tsx): declare conflicts, then score by the rubric. The assignment is in the
// address so that the browser's back button returns to the list and a link can point at one review.
import { Button, Card, Empty, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { formatInstant } from '../../lib/format';
import { type Assignment, useMyAssignments } from './api';
import { AssignmentStatusTag } from './review-card';
import { ReviewWorkspace } from './review-workspace';

type Tab = 'pending' | 'done' | 'all';

const isPending = (a: Assignment) => a.status === 'assigned';

function AssignmentItem({ a }: { a: Assignment }) {
  const to = `/reviews?a=${a.id}`;
  const muted = { color: 'rgba(0,0,0,0.45)' };
  return (
    <Card
      size="small"
      className="card-gap"
      title={<Link to={to}>{a.stationName || '（未命名申报书）'}</Link>}
      extra={<AssignmentStatusTag a={a} />}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 16px' }}>
        <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{a.hostName}</span>
        <span style={muted}>{a.programYear} 年度</span>
        {a.status === 'submitted' ? (
          <span>
            总分 <strong>{a.totalScore}</strong>
            <span style={{ ...muted, marginLeft: 8 }}>{formatInstant(a.submittedAt).slice(0, 16)} 提交</span>
          </span>
        ) : a.status === 'recused' ? (
          <span style={muted}>已声明利益冲突，回避评审</span>
        ) : (
          <span style={muted}>{a.declared ? '已声明无利益冲突，待评分' : '请先声明是否存在利益冲突'}</span>
        )}
        <Link to={to} style={{ marginLeft: 'auto' }}>
          {isPending(a) ? '开始评审' : '查看'}
        </Link>
      </div>
    </Card>
  );
}

function AssignmentList({ items }: { items: Assignment[] }) {
  const [tab, setTab] = useState<Tab>('pending');
  const pending = items.filter(isPending);
  const shown = tab === 'pending' ? pending : tab === 'done' ? items.filter((a) => !isPending(a)) : items;
  return (
    <>
      <Segmented<Tab>
        style={{ marginBottom: 12, maxWidth: '100%' }}
        value={tab}
        onChange={setTab}
        options={[
          { value: 'pending', label: `待评审（${pending.length}）` },
          { value: 'done', label: `已完成（${items.length - pending.length}）` },
          { value: 'all', label: `全部（${items.length}）` },
        ]}
      />
      {shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            tab === 'pending'
              ? items.length
                ? '评审任务都已完成'
                : '暂无指派给您的评审任务；创新服务中心指派后会显示在这里'
              : '暂无'
          }
        />
      ) : (
        shown.map((a) => <AssignmentItem key={a.id} a={a} />)
      )}
    </>
  );
}

export default function MyReviewsPage() {
  const list = useMyAssignments();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const openId = params.get('a');
  const items = list.data ?? [];

  if (list.isPending) return <Spin description="正在加载…" style={{ display: 'block', marginTop: 60 }} />;

  if (openId) {
    const a = items.find((x) => x.id === openId);
    if (!a)
      return (
        <Result
          status="404"
          title={<h2 className="result-title">评审任务不存在</h2>}
          subTitle="该评审任务不存在或未指派给您。"
          extra={<Button onClick={() => navigate('/reviews')}>返回评审列表</Button>}
        />
      );
    const next = items.find((x) => x.id !== a.id && isPending(x));
    // Keyed by the assignment: moving to the next one starts a fresh form, never the previous one's scores.
    return <ReviewWorkspace key={a.id} a={a} next={next} />;
  }

  return (
    <>
      <PageHeader
        title="我的评审"
        subtitle="独立评审：打开申报书，先声明是否存在利益冲突，再对照申报书按评分细则打分并填写评审意见；提交后不能修改（第十条）"
      />
      <AssignmentList items={items} />
    </>
  );
}
