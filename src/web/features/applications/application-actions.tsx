// The machine's actions for this role now (the server's `actions`), each with its article: 提交（第十条）, 撤回, 退回 and
// 推荐 (第六条, with a reason or opinion), 组织评审, 批准立项 and 不予立项 (第十条). The server decides again every time; a
// refusal (409) comes back with its reason and article and is shown centrally.
import { App, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import type { ApplicationAction } from '../../../domain/lifecycle/machines';
import type { FieldIssue } from '../../../shared/errors';
import { ApiError } from '../../lib/api';
import { trimmedMinRule, validated } from '../../lib/form';
import { type ApplicationDetail, type TransitionAction, useApplicationAction, useApprove } from './api';
import { actionTitle } from './application-helpers';

type ReasonKind = 'return' | 'recommend' | 'reject';

const REASON: Record<ReasonKind, { title: string; label: string; placeholder: string; ok: string; danger: boolean }> = {
  return: {
    title: '退回申报书',
    label: '退回原因',
    placeholder: '请说明需要修改或补充的内容，依托单位修改后可再次提交',
    ok: '退回',
    danger: true,
  },
  recommend: {
    title: '推荐申报书',
    label: '推荐意见',
    placeholder: '区科协对该依托单位和申报方案的推荐意见',
    ok: '推荐',
    danger: false,
  },
  reject: {
    title: '不予立项',
    label: '不予立项的理由',
    placeholder: '请说明理由，将告知依托单位',
    ok: '不予立项',
    danger: true,
  },
};

/** 退回/推荐/不予立项: a required text (at least 2 characters), then the action. */
export function ReasonModal({
  kind,
  subject,
  busy,
  onOk,
  onClose,
}: {
  kind: ReasonKind;
  subject: string;
  busy: boolean;
  onOk: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const meta = REASON[kind];
  return (
    <Modal
      open
      title={`${meta.title} · ${subject}`}
      okText={meta.ok}
      okButtonProps={{ danger: meta.danger }}
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const v = await validated(form);
        if (!v) return;
        try {
          await onOk(v.text.trim());
          onClose();
        } catch {
          // shown centrally (409 with its article)
        }
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={meta.label} rules={[trimmedMinRule(meta.label)]}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder={meta.placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ApplicationActions({
  app,
  beforeSubmit,
  onIssues,
}: {
  app: ApplicationDetail;
  /** the host's unsaved form is saved first; null stops the submission */
  beforeSubmit?: () => Promise<ApplicationDetail | null>;
  onIssues?: (issues: FieldIssue[]) => void;
}) {
  const { message, modal } = App.useApp();
  const act = useApplicationAction();
  const approve = useApprove();
  const [reason, setReason] = useState<ReasonKind | null>(null);
  const name = app.stationName || '（未命名）';
  const title = (a: ApplicationAction) => actionTitle(a, app.status, app.actionLabels);

  const run = async (
    action: TransitionAction,
    extra: { reason?: string; opinion?: string } = {},
    version = app.version,
  ) => {
    const d = await act.mutateAsync({ id: app.id, action, version, ...extra });
    message.success(`已${app.actionLabels[action] ?? action}“${d.stationName || name}”`);
    return d;
  };

  const submit = () =>
    modal.confirm({
      title: '提交申报书',
      content: app.recommendedByDistrict
        ? `提交后由区科协审核推荐（第六条），不能再修改；${app.deadline} 前可撤回。确定提交？`
        : `提交后由创新服务中心组织评审（第十条），不能再修改；${app.deadline} 前可撤回。确定提交？`,
      okText: '提交',
      cancelText: '取消',
      onOk: async () => {
        const fresh = beforeSubmit ? await beforeSubmit() : app;
        if (!fresh) return;
        try {
          await run('submit', {}, fresh.version);
        } catch (e) {
          if (e instanceof ApiError && e.issues.length) onIssues?.(e.issues);
        }
      },
    });

  const startReview = () =>
    modal.confirm({
      title: title('start_review'),
      content: `本通知要求每份申报书不少于 ${app.minReviewers} 位评审专家（回避的不计）。开始评审后专家即可声明利益冲突并评分。确定组织评审？`,
      okText: '组织评审',
      cancelText: '取消',
      onOk: () => run('start_review').catch(() => {}),
    });

  const approveOne = () =>
    modal.confirm({
      title: title('approve'),
      content: `批准“${name}”立项：将在名额内设立工作站点、生成项目和合作协议第 1 版（第十条）。确定批准？`,
      okText: '批准立项',
      cancelText: '取消',
      onOk: () =>
        approve.mutateAsync([{ id: app.id, version: app.version }]).then(
          () => message.success(`已批准“${name}”立项`),
          () => {},
        ),
    });

  const buttons = app.actions.map((a) => {
    switch (a) {
      case 'submit':
        return (
          <Button key={a} type="primary" onClick={submit} loading={act.isPending}>
            {title(a)}
          </Button>
        );
      case 'withdraw':
        return (
          <Popconfirm
            key={a}
            title="撤回申报书"
            description={`撤回后该申报书作废，不能恢复；申报期内（${app.deadline} 前）可重新新建。确定撤回？`}
            okText="撤回"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => run('withdraw').catch(() => {})}
          >
            <Button danger>{title(a)}</Button>
          </Popconfirm>
        );
      case 'recommend':
        return (
          <Button key={a} type="primary" onClick={() => setReason('recommend')}>
            {title(a)}
          </Button>
        );
      case 'return':
      case 'reject':
        return (
          <Button key={a} danger onClick={() => setReason(a)}>
            {title(a)}
          </Button>
        );
      case 'start_review':
        return (
          <Button key={a} type="primary" onClick={startReview}>
            {title(a)}
          </Button>
        );
      case 'approve':
        return (
          <Button key={a} type="primary" onClick={approveOne} loading={approve.isPending}>
            {title(a)}
          </Button>
        );
      default:
        return null;
    }
  });

  return (
    <>
      {buttons}
      {reason && (
        <ReasonModal
          kind={reason}
          subject={name}
          busy={act.isPending}
          onClose={() => setReason(null)}
          onOk={(text) => run(reason, reason === 'recommend' ? { opinion: text } : { reason: text })}
        />
      )}
    </>
  );
}
