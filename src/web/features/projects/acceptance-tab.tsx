// 年度总结与验收 (第十二条、第十三条): the host submits the summary report and final accounts (entered on the station's
// ledger); the Center reads the computed acceptance sheet, exports it to Word, returns the materials or (the
// administrator) records the decision.
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { ExportButton } from '../../components/export-button';
import { StationGapsList } from '../../components/station-gaps-list';
import { ApiError } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useCan } from '../../lib/session-context';
import { type StationGaps, useStationGaps } from '../../lib/station-gaps';
import { SheetTables } from './acceptance-sheet';
import { acceptanceDocxPath, type Project, useAcceptance, useSubmitReports } from './api';

const AcceptanceModal = lazy(() => import('./acceptance-modals').then((m) => ({ default: m.AcceptanceModal })));
const ReturnModal = lazy(() => import('./acceptance-modals').then((m) => ({ default: m.ReturnModal })));

const DECIDED: Record<string, 'success' | 'warning' | 'error'> = {
  accepted: 'success',
  accepted_after_rectification: 'warning',
  not_accepted: 'error',
};

/**
 * What the confirmation says before the year-end submission: the station's 待补事项, so that the host submits knowing
 * what is still missing (验收 judges the same records, 第十三条).
 */
function SubmitConfirmation({ gaps, loading }: { gaps: StationGaps | undefined; loading: boolean }) {
  const lock = '提交后由创新服务中心验收，验收期间不能修改。';
  if (loading) return <div>正在核对待补事项…</div>;
  if (!gaps) return <div>{lock}确定提交？</div>;
  if (!gaps.items.length) return <div>目前没有待补事项。{lock}确定提交？</div>;
  return (
    <div style={{ maxWidth: 480 }}>
      <div style={{ marginBottom: 4 }}>
        尚有 <strong>{gaps.items.length}</strong> 项待补事项（按台账记录计算，验收时按同样的记录核对）：
      </div>
      <div style={{ maxHeight: 240, overflowY: 'auto', marginBottom: 4 }}>
        <StationGapsList items={gaps.items} compact />
      </div>
      <div>{lock}确定仍要提交？</div>
    </div>
  );
}

function ReportsPhase({ project }: { project: Project }) {
  const can = useCan();
  const { message } = App.useApp();
  const submit = useSubmitReports(project.id);
  const [error, setError] = useState<string | null>(null);
  const ledgerLink = `/stations/${project.stationId}/ledger/reports`;
  const canSubmit = can('write:project') && project.actions.includes('submit_reports');
  const gaps = useStationGaps(canSubmit ? project.stationId : undefined);
  const returned = project.status === 'returned_for_revision';
  const overdue = project.reportsOverdue;

  const onSubmit = () =>
    submit.mutateAsync(project.version).then(
      () => {
        setError(null);
        message.success('已提交总结报告和决算报告，等待创新服务中心验收');
      },
      (e) => setError(e instanceof ApiError ? e.message : '提交失败，请稍后重试'),
    );

  return (
    <Card size="small" className="card-gap" title="年度总结报告和项目决算报告（第十二条）">
      {returned && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="验收材料已退回，请修改后重新提交"
          description={`退回原因：${project.returnReason ?? '—'}`}
        />
      )}
      <Typography.Paragraph style={{ marginBottom: 12 }}>
        第十二条：执行期结束后，依托单位提交年度总结报告和项目决算报告。报告在站点台账的“报告”中填写或上传 Word
        文件，字数由系统统计。提交截止日期：<strong>{project.reportsDueOn}</strong>
        {overdue && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            已逾期
          </Tag>
        )}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`不能提交：${error}`}
          description={
            <>
              请先在站点台账中填写总结报告（有正文）和项目决算报告，<Link to={ledgerLink}>前往站点台账 · 报告</Link>。
            </>
          }
        />
      )}
      <Space wrap>
        <Link to={ledgerLink}>
          <Button>{canSubmit ? '填写报告（站点台账）' : '查看站点台账中的报告'}</Button>
        </Link>
        {canSubmit && (
          <Popconfirm
            title={returned ? '重新提交验收材料' : '提交总结报告和决算报告'}
            description={<SubmitConfirmation gaps={gaps.data} loading={gaps.isLoading} />}
            okText="提交"
            cancelText="取消"
            onConfirm={onSubmit}
          >
            <Button type="primary" loading={submit.isPending}>
              {returned ? '重新提交' : '提交总结报告和决算报告'}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

export function AcceptanceTab({ project }: { project: Project }) {
  const can = useCan();
  const sheet = useAcceptance(project.id);
  const [modal, setModal] = useState<'return' | 'decide' | null>(null);
  const reportsOpen = project.status === 'in_progress' || project.status === 'returned_for_revision';
  const canReturn = can('manage:project') && project.actions.includes('return_reports');
  const canDecide = can('decide:project') && project.actions.includes('accept');
  const decided = DECIDED[project.status];

  return (
    <>
      {reportsOpen && <ReportsPhase project={project} />}
      {project.status === 'reports_submitted' && (
        <Alert
          type="info"
          showIcon
          className="card-gap"
          title={`依托单位已于 ${formatInstant(project.reportsSubmittedAt)} 提交总结报告和决算报告，等待创新服务中心验收（第十三条）`}
          action={
            (canReturn || canDecide) && (
              <Space>
                {canReturn && (
                  <Button danger onClick={() => setModal('return')}>
                    退回
                  </Button>
                )}
                {canDecide && (
                  <Button type="primary" onClick={() => setModal('decide')}>
                    验收结论
                  </Button>
                )}
              </Space>
            )
          }
        />
      )}
      {decided && (
        <Alert
          type={decided}
          showIcon
          className="card-gap"
          title={`验收结论：${project.statusLabel}`}
          description={
            <>
              {project.acceptanceComment && (
                <div style={{ whiteSpace: 'pre-wrap' }}>意见：{project.acceptanceComment}</div>
              )}
              <div>登记时间：{formatInstant(project.decidedAt)}</div>
            </>
          }
        />
      )}
      <Card
        size="small"
        title={reportsOpen ? '验收表（预览，第十三条）' : '验收表（第十三条）'}
        extra={<ExportButton path={acceptanceDocxPath(project.id)} label="导出 Word" />}
      >
        {sheet.isPending ? (
          <Spin description="正在计算验收表…" style={{ display: 'block', margin: '40px auto' }} />
        ) : sheet.isError ? (
          <Alert type="error" showIcon title="无法加载验收表" description={sheet.error.message} />
        ) : (
          <>
            <Descriptions
              size="small"
              column={3}
              style={{ marginBottom: 12 }}
              items={[
                { key: 's', label: '工作站点', children: sheet.data.project.stationName },
                { key: 'h', label: '依托单位', children: sheet.data.project.hostName },
                { key: 'd', label: '验收结论', children: sheet.data.decision ?? '尚未验收' },
              ]}
            />
            <SheetTables sheet={sheet.data} />
          </>
        )}
      </Card>
      <Suspense fallback={null}>
        {modal === 'return' && <ReturnModal project={project} onClose={() => setModal(null)} />}
        {modal === 'decide' && <AcceptanceModal project={project} sheet={sheet.data} onClose={() => setModal(null)} />}
      </Suspense>
    </>
  );
}
