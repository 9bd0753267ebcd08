// 追回经费 (第十八条): the Center administrator orders a station to return funds for a violation, then records what
// comes back. Amounts are typed in 元 and sent as integer fen (src/web/lib/money.ts), never through a float.
import { Alert, App, DatePicker, Descriptions, Form, type FormInstance, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { recoveryInputSchema } from '../../../shared/schemas/supervision';
import { ApiError } from '../../lib/api';
import { applyApiError, validated, yuanRule, zodRule } from '../../lib/form';
import { shanghaiDate } from '../../lib/format';
import { formatMoney, parseYuan } from '../../lib/money';
import { type Finding, type RecoveryOrder, useIssueRecovery, useRecordRecoveryPayment } from './api';

/** The amount field's fen, or null after putting the parser's message on the field. */
function amountFen(form: Pick<FormInstance, 'setFields'>, value: string): number | null {
  const p = parseYuan(value);
  if (!p.ok || !p.fen) {
    form.setFields([{ name: 'amount', errors: [p.ok ? '金额应大于 0' : p.message] }]);
    return null;
  }
  return p.fen;
}

/** The server names the amount `amountFen`; the form's field is `amount` (typed in 元). */
function onAmountField(e: unknown): unknown {
  if (!(e instanceof ApiError) || !e.issues.length) return e;
  const issues = e.issues.map((i) => (i.path === 'amountFen' ? { ...i, path: 'amount' } : i));
  return new ApiError({ status: e.status, code: e.code, message: e.message, issues });
}

const amountRules = [yuanRule(recoveryInputSchema.shape.amountFen)];

export function IssueRecoveryModal({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: string; dueOn: Dayjs; responsiblePerson: string }>();
  const issue = useIssueRecovery();
  const [error, setError] = useState<string | null>(null);

  async function onOk() {
    setError(null);
    const v = await validated(form);
    if (!v) return;
    const fen = amountFen(form, v.amount);
    if (fen === null) return;
    try {
      await issue.mutateAsync({
        findingId: finding.id,
        amountFen: fen,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        responsiblePerson: v.responsiblePerson.trim(),
      });
      message.success(`已向“${finding.stationName}”下达追回经费通知 ${formatMoney(fen)}`);
      onClose();
    } catch (e) {
      if (!applyApiError(form, onAmountField(e))) setError(e instanceof ApiError ? e.message : '下达失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="追回经费"
      okText="下达追回通知"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      confirmLoading={issue.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 's', label: '站点', children: finding.stationName },
          { key: 'g', label: '情形', children: finding.groundLabel },
          { key: 'd', label: '问题', children: finding.description },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="追回通知下达后不能撤回；追回金额合计不能超过该站点的资助额度（第十八条）。"
      />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} layout="vertical" initialValues={{ dueOn: dayjs(shanghaiDate()).add(30, 'day') }}>
        <Form.Item name="amount" label="追回金额（元）" rules={amountRules}>
          <Input suffix="元" placeholder="如 1000 或 1000.00" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="dueOn" label="退回期限" rules={[{ required: true, message: '请选择退回期限' }]}>
          <DatePicker style={{ width: 240 }} disabledDate={(d) => d.format('YYYY-MM-DD') < shanghaiDate()} />
        </Form.Item>
        <Form.Item
          name="responsiblePerson"
          label="责任人"
          rules={[zodRule(recoveryInputSchema.shape.responsiblePerson)]}
        >
          <Input maxLength={50} style={{ width: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RecoveryPaymentModal({ order, onClose }: { order: RecoveryOrder; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ paidOn: Dayjs; amount: string; note?: string }>();
  const pay = useRecordRecoveryPayment();
  const today = shanghaiDate();
  // the Beijing day the order was issued: no payment can come before it
  const issuedOn = shanghaiDate(order.createdAt);
  const [error, setError] = useState<string | null>(null);

  async function onOk() {
    setError(null);
    const v = await validated(form);
    if (!v) return;
    const fen = amountFen(form, v.amount);
    if (fen === null) return;
    if (fen > order.owedFen) {
      form.setFields([{ name: 'amount', errors: [`退回金额不能超过应退余额 ${formatMoney(order.owedFen)}`] }]);
      return;
    }
    try {
      await pay.mutateAsync({
        order,
        paidOn: v.paidOn.format('YYYY-MM-DD'),
        amountFen: fen,
        note: v.note?.trim() ?? '',
      });
      message.success(`已登记退回 ${formatMoney(fen)}`);
      onClose();
    } catch (e) {
      if (!applyApiError(form, onAmountField(e))) setError(e instanceof ApiError ? e.message : '登记失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="登记退回"
      okText="确认登记"
      cancelText="取消"
      confirmLoading={pay.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 's', label: '站点', children: order.stationName },
          { key: 'a', label: '追回金额', children: formatMoney(order.amountFen) },
          { key: 'p', label: '已退回', children: formatMoney(order.paidFen) },
          { key: 'o', label: '应退余额', children: <strong>{formatMoney(order.owedFen)}</strong> },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="退回记录登记后不能修改或删除，请核对到账凭证。"
      />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} layout="vertical" initialValues={{ paidOn: dayjs(today) }}>
        <Form.Item name="paidOn" label="退回日期" rules={[{ required: true, message: '请选择退回日期' }]}>
          <DatePicker
            style={{ width: 240 }}
            disabledDate={(d) => {
              const day = d.format('YYYY-MM-DD');
              return day > today || day < issuedOn;
            }}
          />
        </Form.Item>
        <Form.Item name="amount" label="退回金额（元）" rules={amountRules}>
          <Input suffix="元" placeholder={`不超过 ${formatMoney(order.owedFen)}`} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} placeholder="如：银行回单号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
