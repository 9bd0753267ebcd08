// 第三方审计 (第十二条): who audits this station and for which dates. The Center assigns and removes; everyone who
// sees the station sees who audits it. Access follows the dates by itself (the scope rule reads them).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Modal, Popconfirm, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { auditorsApi } from '../../../shared/api/auditors';
import type { AuditorAssignmentInput, StationAuditorDto } from '../../../shared/schemas/auditor';
import { call } from '../../lib/api';
import { applyApiError } from '../../lib/form';
import { useCan } from '../../lib/session-context';

function AssignModal({ stationId, onClose }: { stationId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ userId: string; window: [Dayjs, Dayjs] }>();
  const accounts = useQuery({
    queryKey: ['auditor-accounts'],
    queryFn: () => call(auditorsApi.accounts, {}),
  });
  const assign = useMutation({
    mutationFn: (v: AuditorAssignmentInput) =>
      call(auditorsApi.assign, { params: { id: stationId }, body: v }, { quiet: true }),
    onSuccess: () => {
      message.success('已分配审计人员');
      qc.invalidateQueries({ queryKey: ['station-auditors', stationId] });
      onClose();
    },
  });
  async function onOk() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await assign.mutateAsync({
        userId: v.userId,
        validFrom: v.window[0].format('YYYY-MM-DD'),
        validTo: v.window[1].format('YYYY-MM-DD'),
      });
    } catch (e) {
      if (!applyApiError(form, e)) message.error(e instanceof Error ? e.message : '分配失败');
    }
  }
  return (
    <Modal
      open
      title="分配审计人员（第十二条）"
      okText="分配"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={assign.isPending}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="userId" label="审计人员" rules={[{ required: true, message: '请选择审计人员' }]}>
          <Select
            loading={accounts.isLoading}
            options={(accounts.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.displayName}（${a.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="window"
          label="审计期间"
          rules={[{ required: true, message: '请选择审计期间' }]}
          extra="期间内可只读查看本站点的全部数据，期满自动失效"
        >
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StationAuditors({ stationId }: { stationId: string }) {
  const can = useCan();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['station-auditors', stationId],
    queryFn: () => call(auditorsApi.ofStation, { params: { id: stationId } }),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call(auditorsApi.remove, { params: { id: stationId, userId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['station-auditors', stationId] }),
  });
  return (
    <Card
      size="small"
      title="第三方审计人员（第十二条）"
      className="card-gap"
      style={{ marginTop: 16 }}
      extra={
        can('assign:auditor') && (
          <Button size="small" onClick={() => setAdding(true)}>
            分配审计人员
          </Button>
        )
      }
    >
      <Table<StationAuditorDto>
        size="small"
        rowKey="userId"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '未分配审计人员' }}
        columns={[
          { title: '审计人员', key: 'n', render: (_, a) => `${a.displayName}（${a.username}）` },
          {
            title: '审计期间',
            key: 'w',
            width: 240,
            render: (_, a) => `${a.validFrom ?? '不限'} 至 ${a.validTo ?? '不限'}`,
          },
          ...(can('assign:auditor')
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 90,
                  render: (_: unknown, a: StationAuditorDto) => (
                    <Popconfirm
                      title={`移除 ${a.displayName} 的审计权限？`}
                      okText="移除"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutate(a.userId)}
                    >
                      <Button type="link" size="small" danger>
                        移除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AssignModal stationId={stationId} onClose={() => setAdding(false)} />}
    </Card>
  );
}
