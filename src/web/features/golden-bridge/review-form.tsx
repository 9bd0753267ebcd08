// 审核金桥工程候选成果 (第九条): the outcome's details, then a decision the reviewer must choose (nothing is
// pre-selected, so that a candidate is never recommended by an unread click) and, for 不推荐, the reason.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance, Input, Modal, Radio } from 'antd';
import type { z } from 'zod';
import { goldenBridgeApi } from '../../../shared/api/golden-bridge';
import { type GoldenBridgeCandidateDto, goldenBridgeReviewSchema } from '../../../shared/schemas/golden-bridge';
import { useIsPhone } from '../../components/use-phone';
import { call } from '../../lib/api';
import { applyApiError, applyIssues, zodIssues } from '../../lib/form';
import { CandidateDetails } from './candidate-details';

export interface DecisionValues {
  recommend?: boolean;
  comment?: string;
}

/** The comment box: labelled as the reason, and required, once 不推荐 is chosen (第九条). */
export function CommentField({ recommend }: { recommend: boolean | undefined }) {
  const reason = recommend === false;
  return (
    <Form.Item
      name="comment"
      label={reason ? '不推荐理由' : '审核意见'}
      required={reason}
      extra={reason ? '理由将随审核结论反馈给工作站点（第九条）' : '选填'}
    >
      <Input.TextArea
        rows={3}
        maxLength={1000}
        showCount
        placeholder={reason ? '请说明不推荐的理由' : '审核意见（选填）'}
      />
    </Form.Item>
  );
}

/** The route's own schema, checked before sending: its messages go on the form's fields, as the server's would. */
export function parseWith<S extends z.ZodType>(form: FormInstance, schema: S, input: unknown): z.output<S> | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  applyIssues(form, zodIssues(parsed.error));
  return null;
}

export function ReviewModal({ c, onClose }: { c: GoldenBridgeCandidateDto; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const phone = useIsPhone();
  const [form] = Form.useForm<DecisionValues>();
  const recommend = Form.useWatch('recommend', form);
  const review = useMutation({
    mutationFn: (body: z.output<typeof goldenBridgeReviewSchema>) =>
      call(goldenBridgeApi.review, { params: { outcomeId: c.outcomeId }, body }),
  });

  async function submit() {
    const v = form.getFieldsValue();
    const body = parseWith(form, goldenBridgeReviewSchema, {
      ...v,
      comment: v.comment ?? '',
      version: c.reviewVersion,
    });
    if (!body) return;
    try {
      const r = await review.mutateAsync(body);
      message.success(`已审核“${r.title}”：${r.statusLabel}`);
      qc.invalidateQueries({ queryKey: ['golden-bridge'] });
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  }

  return (
    <Modal
      open
      title="审核金桥工程候选成果（第九条）"
      okText="提交审核"
      cancelText="取消"
      okButtonProps={{ disabled: recommend === undefined }}
      confirmLoading={review.isPending}
      onOk={submit}
      onCancel={onClose}
      width={phone ? '100%' : 760}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <CandidateDetails c={c} />
      <Form<DecisionValues> form={form} layout="vertical">
        <Form.Item name="recommend" label="审核结论" required>
          <Radio.Group
            aria-label="审核结论"
            onChange={() => form.setFields([{ name: 'comment', errors: [] }])}
            options={[
              { value: true, label: '推荐' },
              { value: false, label: '不推荐' },
            ]}
          />
        </Form.Item>
        <CommentField recommend={recommend} />
      </Form>
    </Modal>
  );
}
