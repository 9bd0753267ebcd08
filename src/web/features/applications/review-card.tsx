// One review assignment (第十条): first the 利益冲突声明 (a declared conflict recuses for good), then the scores by the
// call's rubric (each criterion 0..its weight, integers) and a comment. Submitted and recused ones are read-only.
// A score outside its criterion's range is an error on the field, never corrected silently: an antd InputNumber with
// `min`/`max` turns 35 into 30 on blur, and the reviewer would submit a mark they did not give.
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Tag } from 'antd';
import { Link } from 'react-router';
import { criterionScoreSchema } from '../../../domain/lifecycle/review';
import { scoreSchema } from '../../../shared/schemas/application';
import { ApiError } from '../../lib/api';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { formatInstant } from '../../lib/format';
import { type Assignment, useDeclare, useSubmitScores } from './api';
import { scoreTotal } from './application-helpers';

const STATUS_COLOR: Record<string, string> = { assigned: 'processing', recused: 'default', submitted: 'success' };

function Declaration({ a }: { a: Assignment }) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ hasConflict: boolean; note?: string }>();
  const declare = useDeclare();
  const hasConflict = Form.useWatch('hasConflict', form);

  const send = async () => {
    const v = await validated(form);
    if (!v) return;
    const go = async () => {
      try {
        const r = await declare.mutateAsync({
          id: a.id,
          version: a.version,
          hasConflict: v.hasConflict,
          note: v.note ?? '',
        });
        message.success(r.status === 'recused' ? '已声明利益冲突，您已回避该申报书的评审' : '已声明无利益冲突，请评分');
      } catch (e) {
        if (!applyApiError(form, e)) message.error(e instanceof ApiError ? e.message : '声明失败，请稍后重试');
      }
    };
    if (!v.hasConflict) return go();
    modal.confirm({
      title: '声明存在利益冲突',
      content: '声明后您将回避该申报书的评审，不能撤销，也不能再评分（第十条）。确定声明？',
      okText: '确定回避',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: go,
    });
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="评分前请先声明是否存在利益冲突（第十条）"
        description="如您与申报单位存在任职、合作、亲属等关系，请声明存在利益冲突：声明后即永久回避该申报书，不能再评分，您的意见也不计入评审结果。"
      />
      <Form.Item
        name="hasConflict"
        label="利益冲突声明"
        rules={[{ required: true, message: '请声明是否存在利益冲突' }]}
      >
        <Radio.Group
          options={[
            { value: false, label: '本人与申报单位不存在利益冲突' },
            { value: true, label: '存在利益冲突，申请回避' },
          ]}
        />
      </Form.Item>
      {hasConflict && (
        <Form.Item
          name="note"
          label="利益冲突情况说明"
          rules={[
            { required: true, whitespace: true, message: '请说明利益冲突的情况' },
            { min: 2, message: '请说明利益冲突的情况' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      )}
      <Button type="primary" onClick={send} loading={declare.isPending}>
        提交声明
      </Button>
    </Form>
  );
}

type Criterion = Assignment['rubric'][number];

/** Scores the form holds that the rule refuses (typed, but out of range or not whole). */
function refusedScores(rubric: Criterion[], scores: Record<string, number | null> | undefined): string[] {
  return rubric
    .filter((c) => {
      const v = scores?.[c.id];
      return v !== undefined && v !== null && !criterionScoreSchema(c).safeParse(v).success;
    })
    .map((c) => c.name);
}

function CriterionField({ c }: { c: Criterion }) {
  return (
    <Form.Item
      name={['scores', c.id]}
      label={`${c.name}（满分 ${c.weight}）`}
      // The server's rule (checkScores → criterionScoreSchema, 第十条), so the field says what the route would say.
      rules={[zodRule(criterionScoreSchema(c), null)]}
      extra={c.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span> : undefined}
    >
      <InputNumber step={1} inputMode="numeric" style={{ width: '100%', maxWidth: 240 }} suffix="分" />
    </Form.Item>
  );
}

function Scoring({ a }: { a: Assignment }) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ scores: Record<string, number | null>; comment: string }>();
  const submit = useSubmitScores();
  const scores = Form.useWatch('scores', form);
  const { total, complete, max } = scoreTotal(a.rubric, scores);
  const refused = refusedScores(a.rubric, scores);

  const send = async () => {
    const v = await validated(form);
    if (!v) {
      // On a phone the first wrong field may be a screen away from the button.
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    modal.confirm({
      title: '提交评分',
      content: `总分 ${total} 分（满分 ${max} 分）。提交后不能修改，确定提交？`,
      okText: '提交',
      cancelText: '取消',
      onOk: async () => {
        try {
          await submit.mutateAsync({
            id: a.id,
            version: a.version,
            scores: v.scores as Record<string, number>,
            comment: v.comment.trim(),
          });
          message.success(`已提交评分：${a.stationName} ${total} 分`);
        } catch (e) {
          if (!applyApiError(form, e)) message.error(e instanceof ApiError ? e.message : '提交失败，请稍后重试');
        }
      },
    });
  };

  return (
    <Form form={form} layout="vertical">
      <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.65)' }}>
        请对照申报书逐项打分：每项为 0 至该项满分的整数，合计满分 {max} 分（第十条）。
      </p>
      {a.rubric.map((c) => (
        <CriterionField key={c.id} c={c} />
      ))}
      <div role="status" style={{ marginBottom: 12, fontSize: 15 }}>
        总分 <strong style={{ fontSize: 20, color: complete ? '#1677ff' : undefined }}>{total}</strong> / {max} 分
        {refused.length > 0 ? (
          <span style={{ color: '#cf1322', marginLeft: 8 }}>（{refused.join('、')}的得分超出范围，未计入）</span>
        ) : (
          !complete && <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 8 }}>（尚有评分项未打分）</span>
        )}
      </div>
      <Form.Item name="comment" label="评审意见" rules={[zodRule(scoreSchema.shape.comment)]}>
        <Input.TextArea
          rows={4}
          maxLength={5000}
          showCount
          placeholder="对申报单位基础条件、工作方案、预算的意见和建议，至少 5 个字"
        />
      </Form.Item>
      <Button type="primary" onClick={send} loading={submit.isPending}>
        提交评分
      </Button>
    </Form>
  );
}

function Submitted({ a }: { a: Assignment }) {
  // One column: the card sits in a half-width pane on a PC and a 390 px screen on a phone.
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ content: { overflowWrap: 'anywhere' } }}
      items={[
        ...a.rubric.map((c) => ({
          key: c.id,
          label: `${c.name}（满分 ${c.weight}）`,
          children: a.scores?.[c.id] ?? '—',
        })),
        { key: 't', label: '总分', children: <strong>{a.totalScore}</strong> },
        { key: 'c', label: '评审意见', children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.comment}</span> },
        { key: 's', label: '提交时间', children: formatInstant(a.submittedAt) },
      ]}
    />
  );
}

export function AssignmentStatusTag({ a }: { a: Assignment }) {
  return <Tag color={STATUS_COLOR[a.status]}>{a.status === 'assigned' && !a.declared ? '待声明' : a.statusLabel}</Tag>;
}

export function ReviewCard({ a }: { a: Assignment }) {
  return (
    <Card
      size="small"
      className="card-gap"
      title={
        <span>
          <Link to={`/applications/${a.applicationId}`}>{a.stationName || '（未命名申报书）'}</Link>
          <span style={{ color: 'rgba(0,0,0,0.45)', fontWeight: 400, marginLeft: 8 }}>
            {a.hostName} · {a.programYear} 年度
          </span>
        </span>
      }
      extra={<AssignmentStatusTag a={a} />}
    >
      {a.status === 'recused' ? (
        <Alert
          type="info"
          showIcon
          title="您已声明利益冲突并回避该申报书的评审（第十条）"
          description={a.conflictNote}
        />
      ) : a.status === 'submitted' ? (
        <Submitted a={a} />
      ) : a.declared ? (
        <Scoring a={a} />
      ) : (
        <Declaration a={a} />
      )}
    </Card>
  );
}
