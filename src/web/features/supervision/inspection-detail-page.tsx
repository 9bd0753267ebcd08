// 检查详情 (第十九条): one inspection's scope and sampled expenses, its findings with their rectification, the
// recovery of funds for violations (第十八条), its conclusion and the Word report.
import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { INSPECTION_ARTICLE } from '../../../domain/supervision/supervision';
import { Breadcrumb } from '../../components/breadcrumb';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { ApiError } from '../../lib/api';
import { inspectionReportPath, useCompleteInspection, useInspection } from './api';
import { FindingsCard } from './findings-card';
import { inspectionStatusColor } from './labels';
import { NoteModal } from './note-modal';
import { RecoveryCard } from './recovery-card';
import { ScopeCard } from './scope-card';

export default function InspectionDetailPage() {
  const id = useParams().inspectionId ?? '';
  const navigate = useNavigate();
  const inspection = useInspection(id);
  const complete = useCompleteInspection(id);
  const [completing, setCompleting] = useState(false);

  if (inspection.isPending) return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (inspection.isError) {
    const missing = inspection.error instanceof ApiError && inspection.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h2 className="result-title">{missing ? '检查不存在' : '无法加载检查'}</h2>}
        subTitle={missing ? '请检查链接是否正确。' : inspection.error.message}
        extra={<Button onClick={() => navigate('/inspections')}>返回监督检查列表</Button>}
      />
    );
  }
  const i = inspection.data;
  const open = i.status === 'planned';
  const openFindings = i.findings.filter((f) => f.status !== 'closed').length;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/inspections">监督检查</Link> }, { title: i.title }]}
      />
      <PageHeader
        title={i.title}
        subtitle={
          <>
            <Tag color={inspectionStatusColor[i.status]}>{i.statusLabel}</Tag>
            <Tag>{i.kindLabel}</Tag> {i.programYear} 年度 · 检查日期 {i.plannedOn} · 依据{INSPECTION_ARTICLE}
          </>
        }
        extra={
          <>
            <ExportButton path={inspectionReportPath(i.id)} label="导出检查报告（Word）" />
            {open && (
              <Button type="primary" icon={<CheckCircleOutlined aria-hidden />} onClick={() => setCompleting(true)}>
                完成检查
              </Button>
            )}
          </>
        }
      />
      <Card size="small" className="card-gap">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'k', label: '检查方式', children: i.kindLabel },
            { key: 'd', label: '检查日期', children: i.plannedOn },
            { key: 's', label: '检查站点', children: `${i.stationCount} 个` },
            {
              key: 'f',
              label: '检查发现',
              children: i.findings.length ? `${i.findings.length} 项，未办结 ${openFindings} 项` : '无',
            },
            ...(i.completedOn
              ? [
                  { key: 'c', label: '完成日期', children: i.completedOn },
                  {
                    key: 'sum',
                    label: '检查结论',
                    span: 'filled' as const,
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.summary}</span>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ScopeCard inspection={i} />
      <FindingsCard inspection={i} />
      <RecoveryCard orders={i.orders} />
      {completing && (
        <NoteModal
          title="完成检查"
          label="检查结论"
          field="summary"
          okText="确认完成"
          maxLength={2000}
          notice={
            openFindings
              ? `完成后不能再登记检查发现；尚有 ${openFindings} 项未办结，可在完成后继续跟踪办结（${INSPECTION_ARTICLE}）。`
              : `完成后不能再登记检查发现（${INSPECTION_ARTICLE}）。`
          }
          placeholder="检查的总体情况、发现的主要问题和处理意见"
          success="检查已完成"
          onSubmit={(summary) => complete.mutateAsync({ version: i.version, summary })}
          onClose={() => setCompleting(false)}
        />
      )}
    </>
  );
}
