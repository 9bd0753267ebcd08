import { type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { typeColor } from '../../lib/stations';
import type { ProjectSummary } from './api';

/** The colour of a project's status tag (projectMachine's states). */
export const projectStatusColor: Record<string, string> = {
  agreement_pending: 'gold',
  in_progress: 'processing',
  reports_due: 'orange',
  reports_submitted: 'cyan',
  returned_for_revision: 'warning',
  accepted: 'success',
  accepted_after_rectification: 'green',
  not_accepted: 'error',
};

/** The colour of a change request's status tag (changeRequestMachine's states). */
export const changeRequestStatusColor: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function projectColumns(): TableColumnsType<ProjectSummary> {
  return [
    { title: '年度', dataIndex: 'programYear', key: 'year', width: 72, sorter: true },
    {
      title: '工作站点',
      dataIndex: 'stationName',
      key: 'station',
      sorter: true,
      ellipsis: true,
      render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
    },
    { title: '依托单位', dataIndex: 'hostName', key: 'host', ellipsis: true, sorter: true },
    {
      title: '站点类型',
      dataIndex: 'stationTypeLabel',
      width: 150,
      render: (v: string, p) => <Tag color={typeColor[p.stationType]}>{v}</Tag>,
    },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      key: 'status',
      sorter: true,
      width: 128,
      render: (v: string, p) => (
        <Tooltip
          title={p.phase === 'reports_due' ? '项目周期已结束，请提交总结报告和决算报告（第十二条）' : p.phaseArticle}
        >
          <Tag color={projectStatusColor[p.phase]}>{v}</Tag>
        </Tooltip>
      ),
    },
    {
      title: '协议版本',
      dataIndex: 'agreementVersion',
      width: 88,
      align: 'center',
      render: (n: number) => `第 ${n} 版`,
    },
    {
      title: '报告截止',
      dataIndex: 'reportsDueOn',
      key: 'reportsDueOn',
      sorter: true,
      width: 150,
      render: (d: string, p) =>
        p.reportsOverdue ? (
          <Tooltip title="总结报告和决算报告尚未提交，已过截止日期（第十二条）">
            <span>
              {d} <Tag color="red">已逾期</Tag>
            </span>
          </Tooltip>
        ) : (
          d
        ),
    },
  ];
}
