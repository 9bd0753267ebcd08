// 企业需求: collected → matched → docked → resolved, or closed at any stage; each step dated (第七条). The step fields
// appear as the status reaches them; the shared schema's superRefine puts its messages on those fields.
import { Form, Input, Select, Steps } from 'antd';
import { DEMAND_STATUSES } from '../../../domain/ledger/codes';
import { DEMAND_STATUS_LABELS, MATCH_KIND_LABELS } from '../../../shared/labels';
import { demandRecordSchema } from '../../../shared/schemas/ledger-records';
import { dateProps } from '../../components/form-fields';
import { zodRule } from '../../lib/form';
import { EnterpriseUsccInput, IndustrySelect, labelOptions, PastDatePicker, usccRequired } from './form-bits';
import { Grid, type RecordFormProps, RecordModal } from './record-modal';

const shape = demandRecordSchema.shape;
const ORDER = ['collected', 'matched', 'docked', 'resolved'];
const STEP_FIELDS = ['matchedKind', 'matchedTo', 'matchedOn', 'dockedOn', 'resolvedOn', 'closedOn'];

/** How far a status has gone: 0 征集 … 3 解决; a closed demand shows every step (it may close at any stage). */
export function demandStage(status: string | undefined): number {
  if (status === 'closed') return 3;
  return Math.max(0, ORDER.indexOf(status ?? 'collected'));
}

export function DemandForm(p: RecordFormProps<'demands'>) {
  const [form] = Form.useForm();
  const status = Form.useWatch('status', form) as string | undefined;
  const closed = status === 'closed';
  const stage = demandStage(status);
  const dated = [Form.useWatch('matchedOn', form), Form.useWatch('dockedOn', form), Form.useWatch('resolvedOn', form)];
  // The steps a closed demand went through before it was closed, then 已关闭.
  const steps = closed
    ? ['征集', ...['匹配', '对接', '解决'].filter((_, i) => dated[i]), '已关闭']
    : ['征集', '匹配', '对接', '解决'];
  // On a closed demand the earlier steps are optional: only the ones it went through are dated.
  const req = (n: number) => !closed && stage >= n;

  return (
    <RecordModal
      {...p}
      kind="demands"
      form={form}
      width={780}
      nameOf={(d) => d.title}
      initialValues={p.record ? { ...p.record } : { status: 'collected' }}
      toInput={(v) => {
        // Steps beyond the status are not sent (a demand set back from 已对接 to 已匹配 loses its 对接日期).
        const keep = (n: number, x: unknown) => (closed || stage >= n ? (x ?? null) : null);
        return {
          ...v,
          matchedKind: keep(1, v.matchedKind),
          matchedTo: keep(1, v.matchedTo),
          matchedOn: keep(1, v.matchedOn),
          dockedOn: keep(2, v.dockedOn),
          resolvedOn: keep(3, v.resolvedOn),
          closedOn: closed ? (v.closedOn ?? null) : null,
        };
      }}
    >
      <Steps
        size="small"
        style={{ margin: '4px 0 20px' }}
        current={closed ? steps.length - 1 : stage}
        status={closed ? 'error' : stage === 3 ? 'finish' : 'process'}
        items={steps.map((title) => ({ title }))}
      />
      <Form.Item name="title" label="需求名称" required rules={[zodRule(shape.title)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="uscc"
        label="提出需求的企业（统一社会信用代码）"
        required
        validateFirst
        rules={[usccRequired, zodRule(shape.uscc)]}
      >
        <EnterpriseUsccInput stationId={p.stationId} />
      </Form.Item>
      <Form.Item
        name="description"
        label="需求描述"
        rules={[zodRule(shape.description, null)]}
        extra="写清企业的产品、遇到的技术问题和希望达到的指标：平台据此推荐可对接的专家和成果"
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Grid columns={3}>
        <Form.Item
          name="collectedOn"
          label="征集日期"
          required
          rules={[zodRule(shape.collectedOn, null)]}
          {...dateProps}
        >
          <PastDatePicker />
        </Form.Item>
        <Form.Item name="status" label="需求状态" required rules={[zodRule(shape.status, null)]}>
          <Select
            options={labelOptions(DEMAND_STATUSES, DEMAND_STATUS_LABELS)}
            // the step fields' requirements change with the status: drop the old messages
            onChange={() => form.setFields(STEP_FIELDS.map((name) => ({ name, errors: [] })))}
          />
        </Form.Item>
        <Form.Item name="industry" label="行业" rules={[zodRule(shape.industry, null)]}>
          <IndustrySelect />
        </Form.Item>
      </Grid>
      {(closed || stage >= 1) && (
        <Grid columns={3}>
          <Form.Item name="matchedKind" label="匹配对象类型" required={req(1)}>
            <Select allowClear options={labelOptions(Object.keys(MATCH_KIND_LABELS), MATCH_KIND_LABELS)} />
          </Form.Item>
          <Form.Item name="matchedTo" label="匹配对象" required={req(1)} rules={[zodRule(shape.matchedTo, null)]}>
            <Input maxLength={200} placeholder="专家姓名、高校或成果名称" />
          </Form.Item>
          <Form.Item name="matchedOn" label="匹配日期" required={req(1)} {...dateProps}>
            <PastDatePicker />
          </Form.Item>
        </Grid>
      )}
      {(closed || stage >= 2) && (
        <Grid columns={3}>
          <Form.Item name="dockedOn" label="对接日期" required={req(2)} {...dateProps}>
            <PastDatePicker />
          </Form.Item>
          {(closed || stage >= 3) && (
            <Form.Item name="resolvedOn" label="解决日期" required={req(3)} {...dateProps}>
              <PastDatePicker />
            </Form.Item>
          )}
          {closed && (
            <Form.Item name="closedOn" label="关闭日期" required {...dateProps}>
              <PastDatePicker />
            </Form.Item>
          )}
        </Grid>
      )}
      {closed && (
        <div className="page-subtitle" style={{ marginTop: -8, marginBottom: 12, color: 'rgba(0,0,0,0.45)' }}>
          关闭前已完成的步骤（匹配、对接、解决）可填写其日期，未进行的留空。
        </div>
      )}
      <Form.Item name="note" label="备注" rules={[zodRule(shape.note, null)]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </RecordModal>
  );
}
