// 站点监督检查: a station's findings and recovery orders (第十八条、第十九条), read-only for everyone who sees the
// station; its host reports how each open finding was rectified (反馈整改).
import { Alert, Button, Card, Spin, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { StationTabs } from '../../components/station-tabs';
import { useCan } from '../../lib/session-context';
import { useStation } from '../../lib/stations';
import { type Finding, useRespondFinding, useStationSupervision } from './api';
import { findingColumns } from './columns';
import { NoteModal } from './note-modal';
import { RecoveryCard } from './recovery-card';

export default function StationSupervisionPage() {
  const id = useParams().id ?? '';
  const can = useCan();
  const station = useStation(id);
  const data = useStationSupervision(id);
  const respond = useRespondFinding(id);
  const [responding, setResponding] = useState<Finding | null>(null);
  const canRespond = can('respond:finding');

  if (data.isPending || station.isPending)
    return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (data.isError || station.isError)
    return (
      <Alert type="error" showIcon title="无法加载监督检查信息" description={(data.error ?? station.error)?.message} />
    );
  const { findings, orders, article } = data.data;
  const open = findings.filter((f) => f.status === 'open').length;

  return (
    <>
      <PageHeader
        title={station.data.name}
        subtitle={`监督检查：中心检查发现的问题、整改情况和追回经费（${article}）`}
      />
      <StationTabs stationId={id} />
      {canRespond && open > 0 && (
        <Alert
          type="warning"
          showIcon
          className="card-gap"
          title={`有 ${open} 项检查发现待整改：请在整改期限内完成整改，并点击“反馈整改”说明整改情况（第十九条）。`}
        />
      )}
      <Card size="small" className="card-gap" title={`检查发现（${findings.length}）`}>
        <Table<Finding>
          size="small"
          rowKey="id"
          aria-label="检查发现"
          pagination={false}
          columns={findingColumns({
            byInspection: true,
            linkInspection: can('manage:inspection'),
            actions: canRespond
              ? (f) =>
                  f.status === 'open' && (
                    <Button type="link" size="small" onClick={() => setResponding(f)}>
                      反馈整改
                    </Button>
                  )
              : undefined,
          })}
          dataSource={findings}
          scroll={{ x: 1040 }}
          locale={{ emptyText: '该站点没有检查发现' }}
        />
      </Card>
      <RecoveryCard orders={orders} readOnly />
      {responding && (
        <NoteModal
          title="反馈整改"
          label="整改情况"
          field="response"
          okText="提交反馈"
          maxLength={2000}
          notice={`问题：${responding.description}。提交后由中心审核办结，或退回重新整改（第十九条）。`}
          placeholder="已采取的整改措施、完成情况和佐证材料"
          success="已反馈整改情况"
          onSubmit={(response) => respond.mutateAsync({ finding: responding, response })}
          onClose={() => setResponding(null)}
        />
      )}
    </>
  );
}
