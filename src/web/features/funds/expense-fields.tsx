// Parts of the booking form: the item picker (the year's items by category, and the forbidden items of 第十七条 so
// that the engine refuses them with the article), the payee, and the amount with its withholding preview.
import { Checkbox, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { fromGross, fromNet, isFeeToIndividual } from '../../../domain/expenses/tax';
import type { Policy } from '../../../domain/policy/types';
import { expenseInputSchema } from '../../../shared/schemas/funds';
import { yuanRule, zodRule } from '../../lib/form';
import { useRecordOptions } from '../../lib/ledger-records';
import { formatMoney, parseYuan } from '../../lib/money';
import type { VoucherValue } from './voucher-field';

export interface ExpenseValues {
  date: Dayjs;
  category?: string;
  item?: string;
  source: 'grant' | 'matching';
  payeeKind: 'expert' | 'person' | 'organization';
  expertId?: string;
  payeeName?: string;
  hostStaff?: boolean;
  fiscallySupported?: boolean;
  amount: string;
  amountIs: 'gross' | 'net';
  days?: string;
  purpose: string;
  vouchers: VoucherValue[];
}

export const FORBIDDEN_GROUP = '不得列支（第十七条）';

/** The items of the chosen category (all categories while none is chosen), then the forbidden ones apart. */
export function itemOptions(policy: Policy | undefined, category: string | undefined) {
  if (!policy) return [];
  const cats = policy.expenseCategories.filter((c) => !category || c.code === category);
  return [
    ...cats.map((c) => ({
      label: `${c.name}（${c.article}${c.clause}）`,
      title: c.name,
      options: c.items.map((i) => ({ value: i.code, label: i.name })),
    })),
    {
      label: FORBIDDEN_GROUP,
      title: FORBIDDEN_GROUP,
      options: policy.forbiddenItems.map((i) => ({ value: i.code, label: i.name })),
    },
  ];
}

/** The category that holds a permitted item; undefined for a forbidden or unknown one. */
export function categoryOfItem(policy: Policy | undefined, item: string | undefined): string | undefined {
  return policy?.expenseCategories.find((c) => c.items.some((i) => i.code === item))?.code;
}

export function isForbiddenItem(policy: Policy | undefined, item: string | undefined) {
  return policy?.forbiddenItems.find((i) => i.code === item);
}

export function PayeeFields({ stationId }: { stationId: string }) {
  const kind = Form.useWatch<ExpenseValues['payeeKind']>('payeeKind');
  const expertId = Form.useWatch<string | undefined>('expertId');
  const category = Form.useWatch<string | undefined>('category');
  const experts = useRecordOptions(stationId, 'experts', kind === 'expert');
  const chosen = experts.data?.find((x) => x.id === expertId);
  const flags = chosen
    ? [chosen.hostStaff && '依托单位工作人员', chosen.fiscallySupported && '财政供养人员'].filter(Boolean).join('、')
    : '';
  const restriction =
    category === 'consulting'
      ? '咨询费不得支付给依托单位工作人员（第十六条）'
      : category === 'labour'
        ? '财政供养人员不得列支劳务费（第十六条）'
        : undefined;
  return (
    <>
      <Form.Item name="payeeKind" label="收款人类型" rules={[{ required: true, message: '请选择收款人类型' }]}>
        <Radio.Group
          options={[
            { value: 'expert', label: '专家' },
            { value: 'person', label: '个人' },
            { value: 'organization', label: '单位' },
          ]}
        />
      </Form.Item>
      {kind === 'expert' && (
        <Form.Item
          name="expertId"
          label="收款专家"
          rules={[{ required: true, message: '请从本站点专家名单中选择收款专家' }]}
          extra={
            chosen
              ? `专家名单登记：${flags ? `${flags}` : '非依托单位工作人员、非财政供养人员'}${restriction ? `；${restriction}` : ''}`
              : experts.data?.length === 0
                ? '本站点尚未登记专家：请先在“台账记录 → 专家与产业特派员”中登记，或选择“个人”'
                : restriction
          }
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={experts.isPending}
            placeholder="选择本站点登记的专家"
            options={(experts.data ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.ref}）` }))}
          />
        </Form.Item>
      )}
      {kind === 'person' && (
        <>
          <Form.Item
            name="payeeName"
            label="收款人姓名"
            rules={[{ required: true, whitespace: true, message: '请填写收款人姓名' }]}
            extra={restriction}
          >
            <Input maxLength={100} />
          </Form.Item>
          <div style={{ display: 'flex', gap: 24, marginTop: -8, marginBottom: 16 }}>
            <Form.Item name="hostStaff" valuePropName="checked" noStyle>
              <Checkbox>收款人为依托单位工作人员</Checkbox>
            </Form.Item>
            <Form.Item name="fiscallySupported" valuePropName="checked" noStyle>
              <Checkbox>收款人为财政供养人员</Checkbox>
            </Form.Item>
          </div>
        </>
      )}
      {kind === 'organization' && (
        <Form.Item
          name="payeeName"
          label="单位名称"
          rules={[{ required: true, whitespace: true, message: '请填写收款单位名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      )}
    </>
  );
}

/** `税前 1,000.00 元，代扣个税 40.00 元，实发 960.00 元`, or null when the amount is not (yet) a valid one. */
export function withholdingPreview(policy: Policy | undefined, amount: string | undefined, is: 'gross' | 'net') {
  const parsed = parseYuan(amount);
  if (!policy || !parsed.ok || !parsed.fen) return null;
  const tax = policy.feeStandards.labour.incomeTax;
  const w = is === 'net' ? fromNet(parsed.fen, tax) : fromGross(parsed.fen, tax);
  return `税前 ${formatMoney(w.grossFen)}，代扣个税 ${formatMoney(w.taxFen)}，实发 ${formatMoney(w.netFen)}`;
}

export function AmountFields({ policy }: { policy: Policy | undefined }) {
  const category = Form.useWatch<string | undefined>('category');
  const kind = Form.useWatch<string | undefined>('payeeKind');
  const amount = Form.useWatch<string | undefined>('amount');
  const amountIs = Form.useWatch<'gross' | 'net' | undefined>('amountIs') ?? 'gross';
  const individual = isFeeToIndividual(category, kind);
  const preview = individual ? withholdingPreview(policy, amount, amountIs) : null;
  return (
    <>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Form.Item
          name="amount"
          label="金额（元）"
          style={{ width: 220 }}
          rules={[yuanRule(expenseInputSchema.shape.amountFen)]}
        >
          <Input suffix="元" placeholder="如 3000 或 3000.50" inputMode="decimal" />
        </Form.Item>
        {individual && (
          <Form.Item name="amountIs" label="金额口径">
            <Radio.Group
              options={[
                { value: 'gross', label: '税前' },
                { value: 'net', label: '税后' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="days"
          label="人天数"
          style={{ width: 140 }}
          rules={[zodRule(expenseInputSchema.shape.days, null)]}
        >
          <Input placeholder="如 1 或 0.5" inputMode="decimal" />
        </Form.Item>
      </div>
      {individual && (
        <div aria-live="polite" style={{ marginTop: -12, marginBottom: 16, color: 'rgba(0,0,0,0.65)' }}>
          {preview ?? '支付给个人的咨询费、劳务费按劳务报酬所得代扣个人所得税：填写金额后显示税前、代扣个税与实发金额'}
          {preview && `（${policy?.feeStandards.labour.incomeTax.source ?? '劳务报酬所得'}）`}
        </div>
      )}
    </>
  );
}
