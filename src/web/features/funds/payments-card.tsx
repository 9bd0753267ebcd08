// 经费拨付 (定额事前直接支付, 第十五条): the fixed funding paid in advance, each payment with its voucher.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Progress, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { positiveFenField } from '../../../shared/schemas/fields';
import { ResponsiveTable } from '../../components/responsive-table';
import { ApiError } from '../../lib/api';
import { yuanRule } from '../../lib/form';
import { shanghaiDate } from '../../lib/format';
import { formatMoney, parseYuan } from '../../lib/money';
import { attachmentUrl, type Funds, usePaymentMutations } from './api';

function PaymentForm({ stationId, onClose }: { stationId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ paidOn: Dayjs; amount: string; note: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Beijing's day, as the server dates a payment: not the PC's own.
  const today = shanghaiDate();
  const { record } = usePaymentMutations(stationId);

  async function onOk() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const amount = parseYuan(v.amount);
    if (!amount.ok || !amount.fen) {
      form.setFields([{ name: 'amount', errors: [amount.ok ? '请填写金额' : amount.message] }]);
      return;
    }
    if (!file) {
      setError('请上传支付凭证（PDF 或图片）');
      return;
    }
    setError(null);
    try {
      await record.mutateAsync({
        paidOn: v.paidOn.format('YYYY-MM-DD'),
        amountFen: amount.fen,
        note: v.note ?? '',
        file,
      });
      message.success('已登记经费拨付');
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登记失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="登记经费拨付（定额事前直接支付，第十五条）"
      okText="登记"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ paidOn: dayjs(today) }}>
        <Form.Item name="paidOn" label="支付日期" rules={[{ required: true, message: '请选择支付日期' }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="amount" label="金额（元）" rules={[yuanRule(positiveFenField)]}>
          <Input suffix="元" placeholder="如 150000 或 150000.00" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="支付凭证" required extra="PDF、JPG 或 PNG，单个文件不超过 50 MB">
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PaymentsCard({
  stationId,
  funds: f,
  canWrite,
}: {
  stationId: string;
  funds: Funds;
  canWrite: boolean;
}) {
  const { remove } = usePaymentMutations(stationId);
  const [adding, setAdding] = useState(false);
  const percent = f.fundingFen ? Math.round((f.paidFen / f.fundingFen) * 1000) / 10 : 0;
  return (
    <Card
      size="small"
      title={`经费拨付（定额事前直接支付，${f.paymentArticle}）`}
      className="card-gap"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            登记拨付
          </Button>
        )
      }
    >
      <div style={{ marginBottom: 12 }}>
        已拨付 {formatMoney(f.paidFen)} / 资助额度 {formatMoney(f.fundingFen)}
        <Progress percent={percent} style={{ maxWidth: 480 }} />
      </div>
      <ResponsiveTable
        size="small"
        aria-label="经费拨付"
        titleColumn="amountFen"
        actionsColumn="op"
        dataSource={f.payments}
        emptyText="尚未登记拨付"
        columns={[
          { title: '支付日期', dataIndex: 'paidOn', width: 120 },
          { title: '金额', dataIndex: 'amountFen', width: 180, align: 'right', render: formatMoney },
          {
            title: '支付凭证',
            key: 'v',
            width: 120,
            render: (_, p) => (
              <a href={attachmentUrl(stationId, p.voucherAttachmentId)} download>
                下载凭证
              </a>
            ),
          },
          { title: '备注', dataIndex: 'note', render: (n: string | null) => n ?? '' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 90,
                  render: (_: unknown, p: Funds['payments'][number]) => (
                    <Popconfirm
                      title="删除这条拨付记录？"
                      description="仅用于更正录入错误，删除会记入操作日志"
                      okText="删除"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutate(p)}
                    >
                      <Button type="link" size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <PaymentForm stationId={stationId} onClose={() => setAdding(false)} />}
    </Card>
  );
}
