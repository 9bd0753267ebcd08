// What the Center reviews a 金桥工程 candidate on (第九条): the ledger's landed outcome as the host recorded it, the
// enterprise it served, and the station behind it.
import { Descriptions, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { GoldenBridgeCandidateDto } from '../../../shared/schemas/golden-bridge';
import { useIsPhone } from '../../components/use-phone';
import { formatInstant } from '../../lib/format';

export const statusColor = (c: GoldenBridgeCandidateDto) =>
  c.recommended === null ? 'processing' : c.recommended ? 'success' : 'default';

export function CandidateDetails({ c }: { c: GoldenBridgeCandidateDto }) {
  const phone = useIsPhone();
  return (
    <Descriptions
      bordered
      size="small"
      column={phone ? 1 : 2}
      aria-label="候选成果详情"
      style={{ marginBottom: 16 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}
      items={[
        { key: 'title', label: '成果名称', span: phone ? 1 : 2, children: <strong>{c.title}</strong> },
        { key: 'date', label: '落地日期', children: c.date },
        { key: 'year', label: '年度', children: c.programYear },
        { key: 'enterprise', label: '服务企业', children: c.enterpriseName ?? '（企业名录中未登记）' },
        { key: 'uscc', label: '统一社会信用代码', children: c.uscc ?? '未填写' },
        {
          key: 'station',
          label: '工作站点',
          span: phone ? 1 : 2,
          children: (
            <>
              <Link to={`/stations/${c.stationId}/ledger/outcomes`}>{c.stationName}</Link>
              <Typography.Text type="secondary">（{c.stationTypeLabel}）</Typography.Text>
            </>
          ),
        },
        { key: 'district', label: '所在区', children: c.districtName ?? c.districtCode ?? '—' },
        { key: 'host', label: '依托单位', children: c.hostOrgName },
        { key: 'recorded', label: '台账登记', children: formatInstant(c.recordedAt) },
        { key: 'updated', label: '最近修改', children: formatInstant(c.recordUpdatedAt) },
        {
          key: 'evidence',
          label: '佐证材料',
          span: phone ? 1 : 2,
          // A ledger 落地成果 holds a title, a date and an enterprise only: there are no files of its own to list.
          children: (
            <Typography.Text type="secondary">
              台账“落地成果”不附文件。服务该企业的活动及其照片、签到表等佐证，见站点台账
              <Link to={`/stations/${c.stationId}/ledger/events`}>“活动”</Link>。
            </Typography.Text>
          ),
        },
        {
          key: 'review',
          label: '当前审核',
          span: phone ? 1 : 2,
          children:
            c.recommended === null ? (
              <Tag color={statusColor(c)}>{c.statusLabel}</Tag>
            ) : (
              <>
                <Tag color={statusColor(c)}>{c.statusLabel}</Tag>
                {c.reviewerName ?? '—'}，{formatInstant(c.reviewedAt)}
                {c.comment ? <div>意见：{c.comment}</div> : null}
              </>
            ),
        },
      ]}
    />
  );
}
