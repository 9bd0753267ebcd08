// Sections of the editable 申报书: 工作目标 (one input per KPI of the type), 进度安排 (months and content) and 预算
// (five categories in yuan, parsed to integer fen, the total live against the type's funding).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, type FormInstance, Input, InputNumber, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EXPENSE_CATEGORIES, type KpiPolicy, type Policy, type StationType } from '../../../domain/policy/types';
import { applicationFormSchema, scheduleItemSchema } from '../../../shared/schemas/application';
import { zodRule } from '../../lib/form';
import { formatMoney } from '../../lib/money';
import { budgetTotalFromInputs, type FormValues, formatTarget, parseYuan, shareToPercent } from './application-helpers';

const shape = applicationFormSchema.shape;

export const yuanRule = {
  validator: async (_: unknown, value: string | undefined) => {
    const p = parseYuan(value);
    if (!p.ok) throw new Error(p.message);
  },
};

const monthProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(`${v}-01`) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM') : null),
};

const grid = (cols: number) => ({
  display: 'grid',
  gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`,
  columnGap: 16,
});

/** 工作目标: the year's target is the initial value and the floor (第七条, 第八条); a share is entered in %. */
export function TargetFields({ kpis }: { kpis: readonly KpiPolicy[] }) {
  if (!kpis.length) return <Typography.Text type="secondary">请先在“基本信息”中选择站点类型</Typography.Text>;
  return (
    <div style={grid(3)}>
      {kpis.map((k) => {
        const share = k.measure === 'share';
        const floor = share ? shareToPercent(k.target) : k.target;
        return (
          <Form.Item
            key={k.id}
            name={['targets', k.id]}
            label={
              <Tooltip title={k.countingRule}>
                <span>
                  {k.name}
                  <span style={{ color: 'rgba(0,0,0,0.45)' }}>（{k.article}）</span>
                </span>
              </Tooltip>
            }
            extra={`年度目标 ${formatTarget(k, k.target)}`}
            rules={[
              {
                warningOnly: true,
                validator: async (_, v: number | null | undefined) => {
                  if (typeof v === 'number' && v < floor)
                    throw new Error(`低于年度目标，提交时不能通过（${k.article}）`);
                },
              },
            ]}
          >
            <InputNumber
              min={0}
              max={share ? 100 : undefined}
              precision={share ? undefined : 0}
              suffix={share ? '%' : k.unit || undefined}
              style={{ width: '100%' }}
            />
          </Form.Item>
        );
      })}
    </div>
  );
}

/** 进度安排: months (YYYY-MM) and what is done in each. */
export function ScheduleFields({ year }: { year: number }) {
  return (
    <Form.List name="schedule">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <div key={f.key} style={{ display: 'grid', gridTemplateColumns: '160px 1fr 32px', gap: 12 }}>
              <Form.Item
                name={[f.name, 'month']}
                label={i === 0 ? '月份' : undefined}
                rules={[{ required: true, message: '请选择月份' }]}
                {...monthProps}
              >
                <DatePicker picker="month" style={{ width: '100%' }} aria-label={`第 ${i + 1} 项的月份`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'content']}
                label={i === 0 ? '工作内容' : undefined}
                rules={[
                  { required: true, whitespace: true, message: '请填写工作内容' },
                  zodRule(scheduleItemSchema.shape.content),
                ]}
              >
                <Input maxLength={500} placeholder="如：召开需求征集会，走访重点企业 10 家" />
              </Form.Item>
              <Form.Item label={i === 0 ? ' ' : undefined}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`删除第 ${i + 1} 项进度安排`}
                  onClick={() => remove(f.name)}
                />
              </Form.Item>
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add({ month: `${year}-${String(Math.min(12, fields.length + 1)).padStart(2, '0')}` })}
          >
            添加进度安排
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 预算: five categories (第十六条) adding up to the type's funding (第十五条); 配套经费 and its source (第十四条). */
export function BudgetFields({
  form,
  policy,
  type,
}: {
  form: FormInstance<FormValues>;
  policy: Policy;
  type: StationType | undefined;
}) {
  const budget = Form.useWatch('budgetYuan', form);
  const total = budgetTotalFromInputs(budget);
  const typePolicy = type ? policy.stationTypes[type] : undefined;
  const funding = typePolicy?.fundingFen;
  const diff = funding === undefined ? 0 : total - funding;
  return (
    <>
      <div style={grid(5)}>
        {EXPENSE_CATEGORIES.map((c) => {
          const cat = policy.expenseCategories.find((x) => x.code === c);
          return (
            <Form.Item
              key={c}
              name={['budgetYuan', c]}
              label={
                <Tooltip title={[cat?.description, cat?.restriction].filter(Boolean).join('；')}>
                  <span>{cat?.name ?? c}</span>
                </Tooltip>
              }
              rules={[yuanRule]}
            >
              <Input inputMode="decimal" suffix="元" placeholder="0" style={{ textAlign: 'right' }} />
            </Form.Item>
          );
        })}
      </div>
      <div
        role="status"
        style={{
          padding: '8px 12px',
          borderRadius: 6,
          marginBottom: 16,
          background: funding !== undefined && diff === 0 ? '#f6ffed' : '#fffbe6',
          border: `1px solid ${funding !== undefined && diff === 0 ? '#b7eb8f' : '#ffe58f'}`,
        }}
      >
        预算合计 <strong>{formatMoney(total)}</strong>
        {typePolicy && (
          <>
            ，{typePolicy.name}资助额度 <strong>{formatMoney(typePolicy.fundingFen)}</strong>（
            {typePolicy.fundingArticle}）
            {diff === 0 ? (
              <span style={{ color: '#389e0d' }}>，合计正确</span>
            ) : (
              <span style={{ color: '#d46b08' }}>
                ，{diff > 0 ? `超出 ${formatMoney(diff)}` : `还差 ${formatMoney(-diff)}`}，合计须等于资助额度
              </span>
            )}
          </>
        )}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '240px 1fr', columnGap: 16 }}>
        <Form.Item name="matchingFundsYuan" label="配套经费" rules={[yuanRule]} extra="没有配套经费的可不填">
          <Input inputMode="decimal" suffix="元" placeholder="0" style={{ textAlign: 'right' }} />
        </Form.Item>
        <Form.Item
          name="matchingFundsSource"
          label="配套经费来源"
          rules={[zodRule(shape.matchingFundsSource)]}
          extra="有配套经费的须填写来源（第十四条）"
        >
          <Input maxLength={200} placeholder="如：依托单位自筹" />
        </Form.Item>
      </div>
    </>
  );
}
