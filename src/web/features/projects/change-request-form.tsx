// 新建/修改工作调整申请 (第十一条): starts from the current agreement; the host changes the leader or contact, the
// period, targets (never below the year's), the budget between categories (the total stays the fixed funding) and
// the plan. Money is typed in 元 and sent as integer fen; the same pure rules as the server check it before sending.
import { Alert, App, DatePicker, Divider, Form, Input, InputNumber, Modal, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { changeProblems, diffTerms } from '../../../domain/lifecycle/agreement';
import { formatFen } from '../../../domain/lifecycle/application-rules';
import { EXPENSE_CATEGORIES, type Policy } from '../../../domain/policy/types';
import type { FieldIssue } from '../../../shared/errors';
import { changeRequestInputSchema, termsSchema } from '../../../shared/schemas/project';
import { dateProps } from '../../components/form-fields';
import { ApiError } from '../../lib/api';
import { useDiscardGuard } from '../../lib/discard-guard';
import { applyApiError, applyIssues, validated, zodRule } from '../../lib/form';
import { shanghaiDate } from '../../lib/format';
import { type ChangeRequest, type Project, useSaveChangeRequest } from './api';
import { DiffTable } from './diff-table';
import {
  type ChangeFormValues,
  dayAfter,
  formatTarget,
  formValuesToTerms,
  parseYuanToFen,
  sumYuanInputs,
  termsIssuePath,
  termsToFormValues,
} from './terms-helpers';

const shape = changeRequestInputSchema.shape;
const tshape = termsSchema.shape;
const grid = (n: number) => ({ display: 'grid', gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))`, gap: '0 16px' });
const yuanRule = {
  validator: async (_: unknown, v: string) => {
    if (parseYuanToFen(v ?? '') === null) throw new Error('请输入金额（元），最多两位小数，如 60000 或 60000.50');
  },
};

function BudgetTotal({ budget, fundingFen }: { budget: Record<string, string> | undefined; fundingFen: number }) {
  const total = sumYuanInputs(EXPENSE_CATEGORIES.map((c) => budget?.[c]));
  const diff = total === null ? null : total - fundingFen;
  return (
    <div aria-live="polite" style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
      <span>
        调整后合计：<strong>{total === null ? '—' : formatFen(total)}</strong>
      </span>
      <span style={{ color: 'rgba(0,0,0,0.55)' }}>资助额度：{formatFen(fundingFen)}</span>
      {total === null ? (
        <Tag color="default">有金额格式不正确</Tag>
      ) : diff === 0 ? (
        <Tag color="success">与资助额度一致</Tag>
      ) : (
        <Tag color="error">
          {(diff ?? 0) > 0 ? '多出' : '还差'} {formatFen(Math.abs(diff ?? 0))}
        </Tag>
      )}
    </div>
  );
}

export function ChangeRequestForm({
  project,
  policy,
  request,
  onClose,
}: {
  project: Project;
  policy: Policy;
  request: ChangeRequest | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeFormValues>();
  const close = useDiscardGuard(form, onClose);
  const save = useSaveChangeRequest(project.id);
  const [error, setError] = useState<string | null>(null);
  const base = project.terms;
  const kpis = policy.kpis[base.stationType] ?? [];
  const funding = policy.stationTypes[base.stationType];
  const today = shanghaiDate();
  const earliest = dayAfter(today);
  const year = String(policy.year);
  const initial = useMemo(
    () =>
      termsToFormValues(request?.proposed ?? base, kpis, {
        title: request?.title,
        reason: request?.reason,
        effectiveOn: request?.effectiveOn ?? null,
      }),
    [request, base, kpis],
  );
  const watched = Form.useWatch([], form) as ChangeFormValues | undefined;
  const preview = useMemo(() => {
    if (!watched?.budgetYuan) return [];
    return diffTerms(base, formValuesToTerms(base, { ...initial, ...watched }, kpis), policy);
  }, [watched, base, initial, kpis, policy]);

  /** Issues of the terms on their fields; returns those that have none (a total, "nothing changed"). */
  const place = (issues: FieldIssue[]) =>
    applyIssues(
      form,
      issues.map((i) => ({ ...i, path: termsIssuePath(i.path) })),
    );

  const scrollToError = () => {
    const first = form.getFieldsError().find((f) => f.errors.length);
    if (first) form.scrollToField(first.name, { block: 'center' });
  };

  async function onOk() {
    const values = await validated(form);
    if (!values) {
      scrollToError();
      return;
    }
    setError(null);
    const terms = formValuesToTerms(base, values, kpis);
    const problems = changeProblems(base, terms, policy);
    if (problems.length) {
      const rest = place(problems);
      if (rest.length) setError(rest.map((p) => p.message).join('；'));
      scrollToError();
      return;
    }
    const parsed = changeRequestInputSchema.safeParse({
      title: values.title,
      reason: values.reason,
      effectiveOn: values.effectiveOn,
      terms,
    });
    if (!parsed.success) {
      const rest = place(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
      if (rest.length) setError(rest.map((p) => p.message).join('；'));
      return;
    }
    try {
      const saved = await save.mutateAsync({ request, input: parsed.data });
      message.success(
        request
          ? `已保存工作调整申请“${saved.title}”`
          : `已新建工作调整申请“${saved.title}”：请上传纸质说明扫描件后提交`,
      );
      onClose();
    } catch (e) {
      const mapped =
        e instanceof ApiError && e.issues.length
          ? new ApiError({
              status: e.status,
              code: e.code,
              message: e.message,
              issues: e.issues.map((i) => ({ ...i, path: termsIssuePath(i.path) })),
            })
          : e;
      if (!applyApiError(form, mapped)) setError(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    }
  }

  const disabledPeriod = (d: dayjs.Dayjs) => d.format('YYYY') !== year;

  return (
    <Modal
      open
      title={request ? `修改工作调整申请 · ${request.title}` : '新建工作调整申请'}
      okText={request ? '保存' : '保存草稿'}
      cancelText="取消"
      width={960}
      confirmLoading={save.isPending}
      onOk={onOk}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="第十一条：工作内容、目标、预算、负责人或联系人、执行期等需要调整的，须提前提交书面申请（上传纸质说明扫描件），经创新服务中心同意后执行。"
        description={`以现行协议第 ${project.agreementVersion} 版为基础修改；保存后为草稿，上传纸质说明后才能提交。`}
      />
      <Form form={form} layout="vertical" initialValues={initial} requiredMark>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: '0 16px' }}>
          <Form.Item name="title" label="调整事项" required rules={[zodRule(shape.title)]}>
            <Input maxLength={100} placeholder="如：更换项目联系人、调整咨询费与活动费预算" />
          </Form.Item>
          <Form.Item
            name="effectiveOn"
            label="生效日期"
            required
            rules={[
              zodRule(shape.effectiveOn, null),
              {
                validator: async (_, v: string | null) => {
                  if (v && v <= today) throw new Error('工作调整须提前申请：生效日期应晚于今天');
                },
              },
            ]}
            extra={`应晚于今天（最早 ${earliest}）`}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < earliest} />
          </Form.Item>
        </div>
        <Form.Item name="reason" label="调整理由" required rules={[zodRule(shape.reason)]}>
          <Input.TextArea rows={3} maxLength={5000} showCount placeholder="说明调整的原因和必要性（至少 5 个字）" />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          负责人与联系人
        </Divider>
        <div style={grid(4)}>
          <Form.Item name="leaderName" label="项目负责人" required rules={[zodRule(tshape.leaderName)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="leaderPhone" label="负责人电话" required rules={[zodRule(tshape.leaderPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactName" label="联系人" required rules={[zodRule(tshape.contactName)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系人电话" required rules={[zodRule(tshape.contactPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
        </div>

        <Divider titlePlacement="start" plain>
          执行期（须在 {year} 年度内，第三条）
        </Divider>
        <div style={grid(4)}>
          <Form.Item
            name="periodStart"
            label="开始日期"
            required
            rules={[zodRule(tshape.periodStart, null)]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={disabledPeriod} />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label="结束日期"
            required
            rules={[zodRule(tshape.periodEnd, null)]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={disabledPeriod} />
          </Form.Item>
        </div>

        <Divider titlePlacement="start" plain>
          考核目标（不得低于年度目标，{policy.stationTypes[base.stationType].targetsArticle}）
        </Divider>
        <div style={grid(3)}>
          {kpis.map((k) => (
            <Form.Item
              key={k.id}
              name={['targets', k.id]}
              label={k.name}
              required
              tooltip={k.countingRule}
              extra={`年度目标 ${formatTarget(k.target, k)}`}
              rules={[{ required: true, message: `请填写“${k.name}”的目标` }]}
            >
              <InputNumber
                style={{ width: '100%' }}
                min={0}
                precision={k.measure === 'share' ? 1 : 0}
                suffix={k.measure === 'share' ? '%' : k.unit || undefined}
              />
            </Form.Item>
          ))}
        </div>

        <Divider titlePlacement="start" plain>
          经费预算（只能在科目之间调整，合计仍为资助额度，第十五条、第十六条）
        </Divider>
        <div style={grid(3)}>
          {EXPENSE_CATEGORIES.map((c) => {
            const cat = policy.expenseCategories.find((x) => x.code === c);
            return (
              <Form.Item
                key={c}
                name={['budgetYuan', c]}
                label={`${cat?.name ?? c}（${cat?.article ?? ''}${cat?.clause ?? ''}）`}
                required
                rules={[yuanRule]}
              >
                <Input inputMode="decimal" suffix="元" />
              </Form.Item>
            );
          })}
          <Form.Item name="matchingFundsYuan" label="配套经费（第十四条）" rules={[yuanRule]}>
            <Input inputMode="decimal" suffix="元" />
          </Form.Item>
        </div>
        <div style={{ marginBottom: 16 }}>
          <BudgetTotal budget={watched?.budgetYuan ?? initial.budgetYuan} fundingFen={funding.fundingFen} />
        </div>

        <Form.Item name="activityPlan" label="活动计划" rules={[zodRule(tshape.activityPlan)]}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        调整内容预览（{preview.length} 项）
      </Typography.Title>
      <DiffTable changes={preview} emptyText="尚未修改任何内容" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
