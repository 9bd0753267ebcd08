// 检查发现 of one inspection (第十九条) with the Center's steps: 办结, 退回重新整改 and, for a violation, 追回经费
// (第十八条, the administrator only).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { useCan } from '../../lib/session-context';
import { type Finding, type Inspection, useDecideFinding } from './api';
import { findingColumns } from './columns';
import { FindingForm } from './finding-form';
import { NoteModal } from './note-modal';
import { IssueRecoveryModal } from './recovery-forms';

type Step = { finding: Finding; action: 'close' | 'reopen' | 'recover' } | null;

export function FindingsCard({ inspection }: { inspection: Inspection }) {
  const can = useCan();
  const canRecover = can('write:recovery');
  const decide = useDecideFinding();
  const [adding, setAdding] = useState(false);
  const [step, setStep] = useState<Step>(null);
  const open = inspection.status === 'planned';
  const hasOrder = new Set(inspection.orders.map((o) => o.findingId));

  const actions = (f: Finding) => (
    <Space size={0} wrap>
      {f.status !== 'closed' && (
        <Button type="link" size="small" onClick={() => setStep({ finding: f, action: 'close' })}>
          办结
        </Button>
      )}
      {f.status === 'responded' && (
        <Button type="link" size="small" danger onClick={() => setStep({ finding: f, action: 'reopen' })}>
          退回重新整改
        </Button>
      )}
      {canRecover && f.kind === 'violation' && !hasOrder.has(f.id) && (
        <Button type="link" size="small" danger onClick={() => setStep({ finding: f, action: 'recover' })}>
          追回经费
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      className="card-gap"
      title={`检查发现（${inspection.findings.length}）`}
      extra={
        open && (
          <Button type="primary" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            登记检查发现
          </Button>
        )
      }
    >
      <Table<Finding>
        size="small"
        rowKey="id"
        aria-label="检查发现"
        pagination={false}
        columns={findingColumns({ actions })}
        dataSource={inspection.findings}
        scroll={{ x: 1040 }}
        locale={{
          emptyText: open ? '尚未登记检查发现：点击“登记检查发现”登记整改要求或违规问题' : '本次检查没有发现问题',
        }}
      />
      {adding && <FindingForm inspection={inspection} onClose={() => setAdding(false)} />}
      {step?.action === 'close' && (
        <NoteModal
          title={`办结检查发现 · ${step.finding.stationName}`}
          label="办结意见"
          okText="确认办结"
          notice="办结后该问题不再要求整改，办结不能撤销（第十九条）。"
          placeholder="如：已核实整改材料，问题已纠正"
          success="已办结"
          onSubmit={(note) => decide.mutateAsync({ finding: step.finding, action: 'close', note })}
          onClose={() => setStep(null)}
        />
      )}
      {step?.action === 'reopen' && (
        <NoteModal
          title={`退回重新整改 · ${step.finding.stationName}`}
          label="退回理由"
          okText="确认退回"
          danger
          notice="退回后依托单位须重新整改并再次反馈；依托单位将看到退回理由（第十九条）。"
          success="已退回重新整改"
          onSubmit={(note) => decide.mutateAsync({ finding: step.finding, action: 'reopen', note })}
          onClose={() => setStep(null)}
        />
      )}
      {step?.action === 'recover' && <IssueRecoveryModal finding={step.finding} onClose={() => setStep(null)} />}
    </Card>
  );
}
