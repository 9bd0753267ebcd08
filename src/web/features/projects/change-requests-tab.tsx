// 工作调整 (第十一条): the project's change requests, newest first, each with what it changes. The host drafts,
// attaches the paper explanation, submits or withdraws; the Center administrator approves (a new agreement version)
// or refuses with a reason.
import { EditOutlined, FileOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Space, Spin, Tag, Tooltip } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { changeRequestClosedReason } from '../../../domain/lifecycle/change-request-window';
import type { Policy } from '../../../domain/policy/types';
import { formatInstant, formatSize, shanghaiDate } from '../../lib/format';
import { useCan } from '../../lib/session-context';
import {
  type ChangeRequest,
  changeRequestFileUrl,
  type Project,
  uploadPaper,
  useChangeRequestAction,
  useChangeRequests,
  useInvalidateProjects,
} from './api';
import { changeRequestStatusColor } from './columns';
import { DiffTable } from './diff-table';
import { ScanUpload } from './scan-upload';

const DecisionModal = lazy(() => import('./change-request-decision').then((m) => ({ default: m.DecisionModal })));
const ChangeRequestForm = lazy(() => import('./change-request-form').then((m) => ({ default: m.ChangeRequestForm })));

function RequestCard({
  request,
  project,
  onEdit,
  onDecide,
}: {
  request: ChangeRequest;
  project: Project;
  onEdit: () => void;
  onDecide: (action: 'approve' | 'reject') => void;
}) {
  const { message } = App.useApp();
  const can = useCan();
  const act = useChangeRequestAction();
  const invalidate = useInvalidateProjects();
  const r = request;
  const isDraft = r.status === 'draft';
  const hostCan = can('write:project');
  const adminCan = can('decide:project');
  const run = (action: 'submit' | 'withdraw', done: string) =>
    act.mutateAsync({ cr: r, action }).then(
      () => message.success(done),
      () => {},
    );

  const buttons = (
    <Space wrap size={8}>
      {hostCan && isDraft && (
        <Button size="small" icon={<EditOutlined aria-hidden />} onClick={onEdit}>
          修改
        </Button>
      )}
      {hostCan && r.actions.includes('submit') && (
        <Popconfirm
          title="提交工作调整申请"
          description={`提交后不能再修改，由创新服务中心审批；拟自 ${r.effectiveOn} 起生效。确定提交？`}
          okText="提交"
          cancelText="取消"
          disabled={!r.paper}
          onConfirm={() => run('submit', `已提交“${r.title}”，等待创新服务中心审批`)}
        >
          <Tooltip title={r.paper ? undefined : '须先上传纸质说明扫描件（第十一条）'}>
            <Button size="small" type="primary" disabled={!r.paper}>
              提交
            </Button>
          </Tooltip>
        </Popconfirm>
      )}
      {hostCan && r.actions.includes('withdraw') && (
        <Popconfirm
          title="撤回工作调整申请"
          description="撤回后该申请不再有效，如仍需调整须重新申请。确定撤回？"
          okText="撤回"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => run('withdraw', `已撤回“${r.title}”`)}
        >
          <Button size="small" danger>
            撤回
          </Button>
        </Popconfirm>
      )}
      {adminCan && r.actions.includes('approve') && (
        <Button size="small" type="primary" onClick={() => onDecide('approve')}>
          批准
        </Button>
      )}
      {adminCan && r.actions.includes('reject') && (
        <Button size="small" danger onClick={() => onDecide('reject')}>
          不予批准
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      className="card-gap"
      title={
        <Space size={8} wrap>
          <span>{r.title}</span>
          <Tag color={changeRequestStatusColor[r.status]}>{r.statusLabel}</Tag>
        </Space>
      }
      extra={buttons}
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'e', label: '生效日期', children: r.effectiveOn },
          { key: 'b', label: '基于协议', children: `第 ${r.baseVersionNo} 版` },
          { key: 's', label: '提交时间', children: formatInstant(r.submittedAt) },
          {
            key: 'r',
            label: '调整理由',
            span: 3,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>,
          },
          {
            key: 'p',
            label: '纸质说明',
            span: 3,
            children: (
              <Space wrap>
                {r.paper ? (
                  <a href={changeRequestFileUrl(r.id, r.paper.id)} download={r.paper.fileName}>
                    <FileOutlined aria-hidden /> {r.paper.fileName}
                    <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 4 }}>{formatSize(r.paper.size)}</span>
                  </a>
                ) : isDraft ? (
                  <Tag color="warning">未上传</Tag>
                ) : (
                  '—'
                )}
                {hostCan && isDraft && (
                  <ScanUpload
                    label={r.paper ? '重新上传纸质说明' : '上传纸质说明扫描件'}
                    upload={(f, p) => uploadPaper(r.id, f, p)}
                    onDone={invalidate}
                  />
                )}
              </Space>
            ),
          },
          ...(r.decidedAt
            ? [
                { key: 'd', label: '审批时间', children: formatInstant(r.decidedAt) },
                {
                  key: 'dr',
                  label: r.status === 'rejected' ? '不予批准理由' : '审批意见',
                  span: 2,
                  children: r.decisionReason ?? '—',
                },
              ]
            : []),
        ]}
      />
      <div style={{ fontWeight: 500, margin: '8px 0' }}>
        调整内容（与协议第 {r.baseVersionNo} 版相比，共 {r.changes.length} 项）
      </div>
      <DiffTable changes={r.changes} emptyText="与基础版本相同" />
      {r.status === 'submitted' && r.baseVersionNo !== project.agreementVersion && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={`协议已有第 ${project.agreementVersion} 版，本申请基于第 ${r.baseVersionNo} 版，不能再批准；请依托单位基于新版本重新申请。`}
        />
      )}
    </Card>
  );
}

export function ChangeRequestsTab({ project, policy }: { project: Project; policy?: Policy }) {
  const can = useCan();
  const list = useChangeRequests(project.id);
  const [editing, setEditing] = useState<ChangeRequest | 'new' | null>(null);
  const [deciding, setDeciding] = useState<{ request: ChangeRequest; action: 'approve' | 'reject' } | null>(null);
  const canCreate = can('write:project') && project.status === 'in_progress';
  // 第十一条: a change is asked for in advance, inside the period; the server refuses a request after it (409).
  const closed = changeRequestClosedReason({ periodEnd: project.terms.periodEnd, today: shanghaiDate() });
  const items = list.data ?? [];

  return (
    <>
      <Alert
        type="info"
        showIcon
        className="card-gap"
        title="第十一条：项目实施过程中，工作内容、考核目标、经费预算（科目之间）、负责人或联系人、执行期等确需调整的，依托单位须提前提交书面申请，经创新服务中心同意后方可调整。"
        action={
          canCreate && (
            <Tooltip title={closed ?? undefined}>
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setEditing('new')}
                disabled={!policy || !!closed}
              >
                新建调整申请
              </Button>
            </Tooltip>
          )
        }
      />
      {can('write:project') && project.status !== 'in_progress' && (
        <Alert
          type="warning"
          showIcon
          className="card-gap"
          title={`项目当前为“${project.statusLabel}”，只有实施中的项目可以申请工作调整。`}
        />
      )}
      {canCreate && closed && (
        <Alert
          type="warning"
          showIcon
          className="card-gap"
          title={`${closed}。执行期已于 ${project.terms.periodEnd} 结束。`}
        />
      )}
      {list.isPending ? (
        <Spin description="正在加载…" style={{ display: 'block', margin: '40px auto' }} />
      ) : items.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无工作调整申请" />
        </Card>
      ) : (
        items.map((r) => (
          <RequestCard
            key={r.id}
            request={r}
            project={project}
            onEdit={() => setEditing(r)}
            onDecide={(action) => setDeciding({ request: r, action })}
          />
        ))
      )}
      {editing && policy && (
        <Suspense fallback={null}>
          <ChangeRequestForm
            project={project}
            policy={policy}
            request={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
      {deciding && (
        <Suspense fallback={null}>
          <DecisionModal
            request={deciding.request}
            action={deciding.action}
            nextVersion={project.agreementVersion + 1}
            onClose={() => setDeciding(null)}
          />
        </Suspense>
      )}
    </>
  );
}
