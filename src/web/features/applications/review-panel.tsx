// 专家评审 for the Center (第十条): the assignments with each reviewer's declaration, scores and comment, and 指派专家.
// A reviewer employed by the applicant is refused by the server, which names them; the dialog shows why.
import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Modal, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { ApiError } from '../../lib/api';
import { validated } from '../../lib/form';
import { formatInstant } from '../../lib/format';
import {
  type ApplicationDetail,
  type Assignment,
  useApplicationReviews,
  useAssignReviewers,
  useReviewers,
} from './api';

const ASSIGNABLE = ['submitted', 'recommended', 'under_review'];
const STATUS_COLOR: Record<string, string> = { assigned: 'processing', recused: 'default', submitted: 'success' };

function AssignModal({ app, assigned, onClose }: { app: ApplicationDetail; assigned: string[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reviewerIds: string[] }>();
  const reviewers = useReviewers(true, app.id);
  const assign = useAssignReviewers(app.id);
  const [refused, setRefused] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const options = (reviewers.data ?? [])
    .filter((r) => !assigned.includes(r.id))
    // One employed by the applicant cannot be assigned (the server refuses it): shown disabled with the reason.
    .map((r) => ({
      value: r.id,
      disabled: r.conflict !== null,
      title: r.conflict ?? undefined,
      label: `${r.employerName ? `${r.displayName}（${r.employerName}）` : r.displayName}${r.conflict ? ' · 须回避' : ''}`,
    }));

  return (
    <Modal
      open
      title={`指派评审专家 · ${app.stationName}`}
      okText="指派"
      cancelText="取消"
      confirmLoading={assign.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await validated(form);
        if (!v) return;
        setRefused([]);
        setError(null);
        try {
          await assign.mutateAsync(v.reviewerIds);
          message.success(`已指派 ${v.reviewerIds.length} 位评审专家`);
          onClose();
        } catch (e) {
          if (e instanceof ApiError && e.issues.length) setRefused(e.issues.map((i) => i.message));
          else setError(e instanceof ApiError ? e.message : '指派失败，请稍后重试');
        }
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        任职于申报单位的专家须回避，在列表中显示为“须回避”且不能选择；其他利益冲突由专家本人在评审前声明（第十条）。
      </Typography.Paragraph>
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="以下专家不能指派，请调整后重试"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {refused.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reviewerIds"
          label="评审专家"
          rules={[{ required: true, message: '请至少选择一位评审专家' }]}
          extra={`本通知要求每份申报书不少于 ${app.minReviewers} 位专家（回避的不计）`}
        >
          <Select
            mode="multiple"
            loading={reviewers.isPending}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择专家"
            notFoundContent="专家库中没有可指派的专家"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReviewPanel({ app }: { app: ApplicationDetail }) {
  const reviews = useApplicationReviews(app.id, true);
  const [assigning, setAssigning] = useState(false);
  const items = reviews.data ?? [];
  const active = items.filter((r) => r.status !== 'recused');
  const scored = items.filter((r) => r.status === 'submitted');
  const rubric = items[0]?.rubric ?? [];
  const canAssign = ASSIGNABLE.includes(app.status);

  const columns: TableColumnsType<Assignment> = [
    { title: '评审专家', dataIndex: 'reviewerName', width: 110 },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 84,
      render: (v: string, r) => <Tag color={STATUS_COLOR[r.status]}>{v}</Tag>,
    },
    {
      title: '利益冲突声明',
      key: 'decl',
      width: 150,
      render: (_, r) =>
        r.status === 'recused' ? (
          <span title={r.conflictNote ?? ''}>有冲突，已回避：{r.conflictNote}</span>
        ) : r.declared ? (
          '无利益冲突'
        ) : (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>尚未声明</span>
        ),
    },
    {
      title: '各项得分',
      key: 'scores',
      width: 220,
      render: (_, r) =>
        r.scores ? r.rubric.map((c) => `${c.name} ${r.scores?.[c.id] ?? '—'}/${c.weight}`).join('，') : '—',
    },
    {
      title: '总分',
      dataIndex: 'totalScore',
      width: 64,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : <strong>{v}</strong>),
    },
    {
      title: '评审意见',
      dataIndex: 'comment',
      render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{v ?? '—'}</span>,
    },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      width: 140,
      render: (v: string | null) => (v ? formatInstant(v).slice(0, 16) : '—'),
    },
  ];

  return (
    <Card
      size="small"
      title="专家评审（第十条）"
      className="card-gap"
      extra={
        canAssign && (
          <Button size="small" icon={<UserAddOutlined aria-hidden />} onClick={() => setAssigning(true)}>
            指派专家
          </Button>
        )
      }
    >
      <div style={{ marginBottom: 8, color: 'rgba(0,0,0,0.65)' }}>
        有效评审专家 <strong>{active.length}</strong> 位（回避的不计，不少于 {app.minReviewers} 位），已评分{' '}
        <strong>{scored.length}</strong> 位
        {app.averageScore !== null && (
          <>
            ，平均分 <strong>{app.averageScore.toFixed(1)}</strong>
          </>
        )}
        {rubric.length > 0 && `；评分细则：${rubric.map((c) => `${c.name} ${c.weight} 分`).join('、')}`}
      </div>
      <DataTable<Assignment>
        loading={reviews.isPending}
        columns={columns}
        dataSource={items}
        emptyText={canAssign ? '尚未指派评审专家' : '没有评审记录'}
        scroll={{ x: 1000 }}
      />
      {assigning && (
        <AssignModal app={app} assigned={items.map((r) => r.reviewerId)} onClose={() => setAssigning(false)} />
      )}
    </Card>
  );
}
