// 批量审核 (第九条): one decision and one comment for the selected candidates, confirmed with their count and titles.
// The server saves all of them or none: a candidate someone else reviewed meanwhile refuses the whole batch.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { goldenBridgeApi } from '../../../shared/api/golden-bridge';
import { type GoldenBridgeCandidateDto, goldenBridgeBatchReviewSchema } from '../../../shared/schemas/golden-bridge';
import { useIsPhone } from '../../components/use-phone';
import { ApiError, call } from '../../lib/api';
import { applyApiError } from '../../lib/form';
import { CommentField, type DecisionValues, parseWith } from './review-form';

export interface BatchReviewProps {
  candidates: GoldenBridgeCandidateDto[];
  recommend: boolean;
  onClose: () => void;
  /** after a saved batch: the selection is done with */
  onDone: () => void;
}

export function BatchReviewModal({ candidates, recommend, onClose, onDone }: BatchReviewProps) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const phone = useIsPhone();
  const [form] = Form.useForm<DecisionValues>();
  const [stale, setStale] = useState<string | null>(null);
  const decision = recommend ? '推荐' : '不推荐';
  const save = useMutation({
    mutationFn: (body: z.output<typeof goldenBridgeBatchReviewSchema>) => call(goldenBridgeApi.reviewBatch, { body }),
  });

  async function submit() {
    const body = parseWith(form, goldenBridgeBatchReviewSchema, {
      items: candidates.map((c) => ({ id: c.outcomeId, version: c.reviewVersion })),
      recommend,
      comment: form.getFieldValue('comment') ?? '',
    });
    if (!body) return;
    try {
      const r = await save.mutateAsync(body);
      message.success(`已批量审核 ${r.count} 项候选成果：${decision}`);
      qc.invalidateQueries({ queryKey: ['golden-bridge'] });
      onDone();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) {
        setStale(e.message);
        qc.invalidateQueries({ queryKey: ['golden-bridge'] });
      } else applyApiError(form, e);
    }
  }

  return (
    <Modal
      open
      title={`批量${decision}（第九条）`}
      okText={`确认批量${decision}（${candidates.length} 项）`}
      cancelText="取消"
      okButtonProps={{ danger: !recommend, disabled: stale !== null }}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      width={phone ? '100%' : 640}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="本批次未保存"
          description={`${stale}。列表已刷新，请关闭后重新选择。`}
        />
      )}
      <p>
        将对以下 <strong>{candidates.length}</strong> 项候选成果统一作出“{decision}”结论，并使用同一审核意见：
      </p>
      <ol aria-label="所选候选成果" style={{ maxHeight: 200, overflowY: 'auto', margin: '0 0 12px', paddingLeft: 24 }}>
        {candidates.map((c) => (
          <li key={c.outcomeId}>
            {c.title}
            <Typography.Text type="secondary">
              （{c.stationName}
              {c.recommended === null ? '' : `，现为“${c.statusLabel}”`}）
            </Typography.Text>
          </li>
        ))}
      </ol>
      <Form<DecisionValues> form={form} layout="vertical">
        <CommentField recommend={recommend} />
      </Form>
    </Modal>
  );
}
