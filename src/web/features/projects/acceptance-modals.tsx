// 退回 (Center) and 验收结论 (Center administrator) of the year-end materials (第十三条).
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { ACCEPTANCE_DECISIONS, acceptanceDecisionSchema } from '../../../shared/schemas/project';
import { ApiError } from '../../lib/api';
import { trimmedMinRule, validated } from '../../lib/form';
import {
  type AcceptanceDecision,
  type AcceptanceSheet,
  type Project,
  useDecideAcceptance,
  useReturnReports,
} from './api';

const DECISION_LABELS: Record<AcceptanceDecision, string> = {
  accept: '通过',
  accept_after_rectification: '整改后通过',
  fail_acceptance: '不通过',
};
const COMMENT_LABELS: Record<AcceptanceDecision, string> = {
  accept: '验收意见（可选）',
  accept_after_rectification: '整改要求',
  fail_acceptance: '不通过的理由',
};

export function ReturnModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const ret = useReturnReports(project.id);
  const [error, setError] = useState<string | null>(null);

  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    setError(null);
    try {
      await ret.mutateAsync({ version: project.version, reason: v.reason.trim() });
      message.success(`已退回“${project.stationName}”的验收材料`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '退回失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title={`退回验收材料 · ${project.stationName}`}
      okText="退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={ret.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="退回后依托单位修改报告并重新提交（第十三条）；依托单位将看到退回原因。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="退回原因" required rules={[trimmedMinRule('退回原因')]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：总结报告缺少企业服务成效的具体数据" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AcceptanceModal({
  project,
  sheet,
  onClose,
}: {
  project: Project;
  sheet: AcceptanceSheet | undefined;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: AcceptanceDecision; comment: string }>();
  const decide = useDecideAcceptance(project.id);
  const [error, setError] = useState<string | null>(null);
  const decision = Form.useWatch('decision', form);
  const needsComment = decision === 'accept_after_rectification' || decision === 'fail_acceptance';

  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    setError(null);
    const parsed = acceptanceDecisionSchema.safeParse({ version: project.version, ...v, comment: v.comment ?? '' });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '输入有误');
      return;
    }
    try {
      await decide.mutateAsync(parsed.data);
      message.success(`已登记验收结论：${DECISION_LABELS[parsed.data.decision]}`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登记失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title={`验收结论 · ${project.stationName}`}
      okText="登记结论"
      cancelText="取消"
      confirmLoading={decide.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {sheet && (
        <Alert
          type={sheet.metCount === sheet.kpis.length && sheet.findings.length === 0 ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={`考核指标达标 ${sheet.metCount} / ${sheet.kpis.length} 项；报告 ${
            sheet.reports.filter((r) => r.present).length
          } / ${sheet.reports.length} 份；合规提示 ${sheet.findings.length} 条`}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="decision"
          label="验收结论（第十三条）"
          required
          rules={[{ required: true, message: '请选择验收结论' }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={ACCEPTANCE_DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={decision ? COMMENT_LABELS[decision] : '意见'}
          required={needsComment}
          dependencies={['decision']}
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                const d = form.getFieldValue('decision') as AcceptanceDecision | undefined;
                if (d && d !== 'accept' && (v ?? '').trim().length < 2)
                  throw new Error(
                    d === 'fail_acceptance' ? '请填写不通过的理由（至少 2 个字）' : '请填写整改要求（至少 2 个字）',
                  );
              },
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
