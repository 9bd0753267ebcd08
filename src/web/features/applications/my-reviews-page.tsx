// 我的评审 (第十条): the reviewer's assignments, pending ones first; each declares conflicts, then scores by the rubric.
import { Empty, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { type Assignment, useMyAssignments } from './api';
import { ReviewCard } from './review-card';

type Tab = 'pending' | 'done' | 'all';

const isPending = (a: Assignment) => a.status === 'assigned';

export default function MyReviewsPage() {
  const list = useMyAssignments();
  const [tab, setTab] = useState<Tab>('pending');
  const items = list.data ?? [];
  const pending = items.filter(isPending);
  const shown = tab === 'pending' ? pending : tab === 'done' ? items.filter((a) => !isPending(a)) : items;

  return (
    <>
      <PageHeader
        title="我的评审"
        subtitle="独立评审：先声明是否存在利益冲突，再按评分细则打分并填写评审意见；提交后不能修改（第十条）"
      />
      <Segmented<Tab>
        style={{ marginBottom: 12 }}
        value={tab}
        onChange={setTab}
        options={[
          { value: 'pending', label: `待评审（${pending.length}）` },
          { value: 'done', label: `已完成（${items.length - pending.length}）` },
          { value: 'all', label: `全部（${items.length}）` },
        ]}
      />
      {list.isPending ? (
        <Spin description="正在加载…" style={{ display: 'block', marginTop: 60 }} />
      ) : shown.length === 0 ? (
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
        shown.map((a) => <ReviewCard key={a.id} a={a} />)
      )}
    </>
  );
}
