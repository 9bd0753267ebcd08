// 记账 (issue #5): one expense with its vouchers. The server runs the compliance engine (第十条、第十五条至第十七条);
// a refusal (409 “不能记账：…”) is shown in the drawer with its article, and the user's typing stays.
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isFeeToIndividual } from '../../../domain/expenses/tax';
import { defaultRecordDate } from '../../../domain/ledger/record-dates';
import type { Policy } from '../../../domain/policy/types';
import type { FieldIssue } from '../../../shared/errors';
import { expenseInputSchema } from '../../../shared/schemas/funds';
import { useIsPhone } from '../../components/use-phone';
import { ApiError } from '../../lib/api';
import { useDiscardGuard } from '../../lib/discard-guard';
import { validated, zodRule } from '../../lib/form';
import { fenToYuanInput, parseYuan } from '../../lib/money';
import { type ExpenseDetail, type ExpenseInput, useExpense, useSaveExpense } from './api';
import {
  AmountFields,
  categoryOfItem,
  type ExpenseValues,
  isForbiddenItem,
  itemOptions,
  PayeeFields,
} from './expense-fields';
import { VoucherField } from './voucher-field';

export interface ExpenseFormContext {
  stationId: string;
  policy: Policy | undefined;
  /** the server's today (Asia/Shanghai): no expense after it */
  today: string;
  period: { start: string; end: string };
}

/**
 * A new expense is dated inside the project period: today while it runs, its last day once it has ended (the books of
 * a finished year are caught up after the fact; grant money after the period is refused anyway, 第十五条).
 */
function initialValues(
  e: ExpenseDetail | null,
  ctx: Pick<ExpenseFormContext, 'today' | 'period'>,
): Partial<ExpenseValues> {
  if (!e) {
    const date = dayjs(defaultRecordDate({ today: ctx.today, period: ctx.period }));
    return { date, source: 'grant', payeeKind: 'organization', amountIs: 'gross', vouchers: [] };
  }
  return {
    date: dayjs(e.date),
    category: e.category,
    item: e.item,
    source: e.source,
    payeeKind: e.payee.kind,
    expertId: e.payee.expertId ?? undefined,
    payeeName: e.payee.kind === 'expert' ? undefined : e.payee.name,
    hostStaff: e.payee.hostStaff,
    fiscallySupported: e.payee.fiscallySupported,
    amount: fenToYuanInput(e.amountFen),
    amountIs: 'gross',
    days: e.days ?? undefined,
    purpose: e.purpose ?? '',
    vouchers: e.vouchers.map((v) => ({ attachmentId: v.attachmentId, fileName: v.fileName, kind: v.kind })),
  };
}

function toInput(v: ExpenseValues, amountFen: number): ExpenseInput {
  return {
    date: v.date.format('YYYY-MM-DD'),
    category: v.category as ExpenseInput['category'],
    item: v.item as ExpenseInput['item'],
    amountFen,
    amountIs: isFeeToIndividual(v.category, v.payeeKind) ? v.amountIs : 'gross',
    source: v.source,
    payee:
      v.payeeKind === 'expert'
        ? { kind: 'expert', expertId: v.expertId ?? null }
        : v.payeeKind === 'person'
          ? {
              kind: 'person',
              name: v.payeeName?.trim() ?? '',
              hostStaff: !!v.hostStaff,
              fiscallySupported: !!v.fiscallySupported,
            }
          : { kind: 'organization', name: v.payeeName?.trim() ?? '' },
    days: v.days?.trim() || null,
    purpose: v.purpose.trim(),
    vouchers: v.vouchers.map((x) => ({ attachmentId: x.attachmentId, kind: x.kind })),
  };
}

/** The server's issue paths (expenses.service.ts, the route's schema) → this form's fields. */
function fieldOf(path: string, payeeKind: string | undefined): keyof ExpenseValues | null {
  if (path === 'payee' || path.startsWith('payee.'))
    return path === 'payee.expertId' || (path === 'payee' && payeeKind === 'expert') ? 'expertId' : 'payeeName';
  if (path === 'amountFen') return 'amount';
  const top = path.split('.')[0];
  const known = ['date', 'category', 'item', 'source', 'amountIs', 'days', 'purpose', 'vouchers'];
  return known.includes(top) ? (top as keyof ExpenseValues) : null;
}

function ExpenseForm({
  ctx,
  expense,
  onClose,
}: {
  ctx: ExpenseFormContext;
  expense: ExpenseDetail | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpenseValues>();
  const close = useDiscardGuard(form, onClose);
  const save = useSaveExpense(ctx.stationId);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState<'close' | 'continue' | null>(null);
  const phone = useIsPhone();
  const category = Form.useWatch('category', form);
  const item = Form.useWatch('item', form);
  const forbidden = isForbiddenItem(ctx.policy, item);

  function showIssues(issues: FieldIssue[], payeeKind: string | undefined) {
    const fields = new Map<keyof ExpenseValues, string[]>();
    for (const i of issues) {
      const f = fieldOf(i.path, payeeKind);
      if (f) fields.set(f, [...(fields.get(f) ?? []), i.message]);
    }
    form.setFields([...fields].map(([name, errors]) => ({ name, errors })));
  }

  async function onSubmit(mode: 'close' | 'continue') {
    const v = await validated(form);
    if (!v) return;
    const amount = parseYuan(v.amount);
    if (!amount.ok || !amount.fen) return;
    setError(null);
    setSaving(mode);
    try {
      const saved = await save.mutateAsync({ input: toInput(v, amount.fen), stored: expense ?? undefined });
      if (saved.warnings.length)
        message.warning(`${saved.ref} 有 ${saved.warnings.length} 项提示，请核实：${saved.warnings[0].message}`);
      if (mode === 'close') {
        message.success(expense ? `已保存修改：${saved.ref}` : `已记账：${saved.ref}`);
        onClose();
        return;
      }
      // The next expense of the batch: a fresh form (its own vouchers), keeping what a run of receipts shares.
      form.resetFields();
      form.setFieldsValue({ date: v.date, source: v.source, category: v.category, payeeKind: v.payeeKind });
      message.success(`已记账：${saved.ref}，请继续填写下一笔`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
      showIssues(e.issues, v.payeeKind);
    } finally {
      setSaving(null);
    }
  }

  return (
    <Drawer
      open
      title={expense ? `修改支出 ${expense.ref}` : '记一笔支出'}
      // On a phone the drawer takes the whole width, so that its buttons stay on the screen.
      size={phone ? '100%' : 720}
      onClose={close}
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Space>
          <Button onClick={close}>取消</Button>
          {!expense && (
            <Button
              loading={saving === 'continue'}
              disabled={uploading || saving === 'close'}
              onClick={() => onSubmit('continue')}
            >
              保存并继续新增
            </Button>
          )}
          <Button
            type="primary"
            loading={saving === 'close'}
            disabled={uploading || saving === 'continue'}
            onClick={() => onSubmit('close')}
          >
            {expense ? '保存修改' : '记账'}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<ExpenseValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(expense, ctx)}
        scrollToFirstError
        onValuesChange={(changed: Partial<ExpenseValues>) => {
          // A permitted item belongs to one category: picking it first fills the category; changing the category
          // drops an item of another one.
          if ('item' in changed && !form.getFieldValue('category')) {
            const owner = categoryOfItem(ctx.policy, changed.item);
            if (owner) form.setFieldValue('category', owner);
          }
          if ('category' in changed) {
            const owner = categoryOfItem(ctx.policy, form.getFieldValue('item'));
            if (owner && owner !== changed.category) form.setFieldValue('item', undefined);
          }
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 16px' }}>
          <Form.Item
            name="date"
            label="支出日期"
            rules={[{ required: true, message: '请选择支出日期' }]}
            extra={`项目期 ${ctx.period.start} 至 ${ctx.period.end}（资助经费须在项目期内列支，第十五条）`}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(ctx.today), 'day')} />
          </Form.Item>
          <Form.Item name="source" label="经费来源" rules={[{ required: true, message: '请选择经费来源' }]}>
            <Radio.Group
              options={[
                { value: 'grant', label: '资助经费' },
                { value: 'matching', label: '配套经费' },
              ]}
            />
          </Form.Item>
          <Form.Item name="category" label="科目" rules={[{ required: true, message: '请选择支出科目' }]}>
            <Select
              placeholder="选择支出科目（第十六条）"
              options={(ctx.policy?.expenseCategories ?? []).map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
          <Form.Item
            name="item"
            label="事项"
            rules={[{ required: true, message: '请选择支出事项' }]}
            validateStatus={forbidden ? 'warning' : undefined}
            help={
              forbidden
                ? `“${forbidden.name}”属于不得列支的支出（${forbidden.article}${forbidden.clause}），提交后系统将拒绝记账`
                : undefined
            }
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择支出事项"
              virtual={false}
              options={itemOptions(ctx.policy, category)}
            />
          </Form.Item>
        </div>
        <PayeeFields stationId={ctx.stationId} />
        <AmountFields policy={ctx.policy} />
        <Form.Item name="purpose" label="用途" rules={[zodRule(expenseInputSchema.shape.purpose)]}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：6 月 12 日需求对接会专家咨询" />
        </Form.Item>
        <Form.Item
          name="vouchers"
          label="凭证"
          required
          extra="发票、收据或转账记录，PDF、JPG 或 PNG，可上传多份，单个文件不超过 50 MB"
          rules={[
            {
              validator: async (_r, v: unknown[] | undefined) => {
                if (!v?.length) throw new Error('请至少上传一份凭证（发票、收据或转账记录）');
              },
            },
          ]}
        >
          <VoucherField stationId={ctx.stationId} onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** New (`expenseId` undefined) or edit: an edit loads the expense with its vouchers first. */
export function ExpenseDrawer({
  ctx,
  expenseId,
  onClose,
}: {
  ctx: ExpenseFormContext;
  expenseId: string | undefined;
  onClose: () => void;
}) {
  const one = useExpense(ctx.stationId, expenseId);
  const phone = useIsPhone();
  if (expenseId && !one.data)
    return (
      <Drawer open title="修改支出" size={phone ? '100%' : 720} onClose={onClose}>
        {one.isError ? (
          <Alert type="error" showIcon title="无法加载该支出记录" description={one.error.message} />
        ) : (
          <Spin description="正在加载…" style={{ display: 'block', marginTop: 48 }} />
        )}
      </Drawer>
    );
  return <ExpenseForm ctx={ctx} expense={one.data ?? null} onClose={onClose} />;
}
