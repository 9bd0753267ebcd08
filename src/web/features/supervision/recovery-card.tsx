// 追回经费 (第十八条): the orders of an inspection's violations, their payments and closing (the administrator only).
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useCan } from '../../lib/session-context';
import { type RecoveryOrder, useCloseRecovery } from './api';
import { orderColumns } from './columns';
import { NoteModal } from './note-modal';
import { RecoveryPaymentModal } from './recovery-forms';

export function RecoveryCard({
  orders,
  title = '追回经费',
  readOnly,
}: {
  orders: RecoveryOrder[];
  title?: string;
  readOnly?: boolean;
}) {
  const can = useCan();
  const canWrite = !readOnly && can('write:recovery');
  const close = useCloseRecovery();
  const [step, setStep] = useState<{ order: RecoveryOrder; action: 'pay' | 'close' } | null>(null);

  const actions = (o: RecoveryOrder) => (
    <>
      {(o.status === 'issued' || o.status === 'partly_paid') && (
        <Button type="link" size="small" onClick={() => setStep({ order: o, action: 'pay' })}>
          登记退回
        </Button>
      )}
      {o.status === 'paid' && (
        <Button type="link" size="small" onClick={() => setStep({ order: o, action: 'close' })}>
          结案
        </Button>
      )}
    </>
  );

  return (
    <Card size="small" className="card-gap" title={`${title}（第十八条）`}>
      <Table<RecoveryOrder>
        size="small"
        rowKey="id"
        aria-label={title}
        pagination={false}
        columns={orderColumns({ actions: canWrite ? actions : undefined })}
        dataSource={orders}
        scroll={{ x: 1040 }}
        locale={{ emptyText: '没有追回经费通知' }}
      />
      {step?.action === 'pay' && <RecoveryPaymentModal order={step.order} onClose={() => setStep(null)} />}
      {step?.action === 'close' && (
        <NoteModal
          title={`追回经费结案 · ${step.order.stationName}`}
          label="结案意见"
          okText="确认结案"
          notice="经费已全部退回；结案后该追回通知不能再变更（第十八条）。"
          success="已结案"
          onSubmit={(note) => close.mutateAsync({ order: step.order, note })}
          onClose={() => setStep(null)}
        />
      )}
    </Card>
  );
}
