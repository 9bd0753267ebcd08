// 活动: the experts present are the station's registered experts (their 人次 count towards 第七条); the enterprises
// present are picked from its 服务企业名录 or typed. Evidence files are managed on the list (evidence-panel.tsx).
import type { FormRule } from 'antd';
import { Alert, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { EVENT_KINDS } from '../../../domain/ledger/codes';
import { EVENT_KIND_LABELS, EXPERT_KIND_LABELS } from '../../../shared/labels';
import { eventRecordSchema, usccField } from '../../../shared/schemas/ledger-records';
import { dateProps } from '../../components/form-fields';
import { zodRule } from '../../lib/form';
import { useRecordOptions } from '../../lib/ledger-records';
import { EnterpriseUsccsSelect, labelOptions, PastDatePicker } from './form-bits';
import { Grid, type RecordFormProps, RecordModal } from './record-modal';

const shape = eventRecordSchema.shape;

/** Each USCC checked on its own, so that the message says which one is wrong. */
const usccsRule: FormRule = {
  validator: async (_r, value: string[] | undefined) => {
    for (const v of value ?? []) {
      const r = usccField.safeParse(v);
      if (!r.success) throw new Error(`“${v}”：${r.error.issues[0]?.message}`);
    }
  },
};

export function EventForm(p: RecordFormProps<'events'>) {
  const [form] = Form.useForm();
  const experts = useRecordOptions(p.stationId, 'experts');
  const expertOptions = useMemo(() => {
    const opts = new Map<string, string>();
    for (const x of experts.data ?? []) {
      opts.set(x.id, `${x.name}（${EXPERT_KIND_LABELS[x.kind] ?? x.kind}${x.employer ? ` · ${x.employer}` : ''}）`);
    }
    // experts already on the event keep their names even beyond the first 200 of the list
    for (const x of p.record?.experts ?? []) if (!opts.has(x.id)) opts.set(x.id, x.name);
    return [...opts].map(([value, label]) => ({ value, label }));
  }, [experts.data, p.record]);

  return (
    <RecordModal
      {...p}
      kind="events"
      form={form}
      width={780}
      nameOf={(e) => e.title}
      initialValues={
        p.record
          ? {
              kind: p.record.kind,
              title: p.record.title,
              date: p.record.date,
              place: p.record.place,
              expertIds: p.record.expertIds,
              enterpriseUsccs: p.record.enterpriseUsccs,
            }
          : { kind: 'matchmaking', expertIds: [], enterpriseUsccs: [] }
      }
      carryOver={['kind', 'place']}
      toInput={(v) => ({ ...v, expertIds: v.expertIds ?? [], enterpriseUsccs: v.enterpriseUsccs ?? [] })}
    >
      <Form.Item name="title" label="活动名称" required rules={[zodRule(shape.title)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Grid columns={3}>
        <Form.Item name="kind" label="活动类型" required rules={[zodRule(shape.kind, null)]}>
          <Select options={labelOptions(EVENT_KINDS, EVENT_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="date" label="活动日期" required rules={[zodRule(shape.date, null)]} {...dateProps}>
          <PastDatePicker />
        </Form.Item>
        <Form.Item name="place" label="活动地点" rules={[zodRule(shape.place, null)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Grid>
      <Form.Item
        name="expertIds"
        label="到场专家"
        rules={[zodRule(shape.expertIds, [])]}
        extra={
          experts.data?.length === 0
            ? '本站点尚未登记专家：请先在“专家与产业特派员”中登记'
            : '只能选择本站点已登记的专家与产业特派员'
        }
      >
        <Select
          mode="multiple"
          options={expertOptions}
          loading={experts.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择到场的专家"
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item name="enterpriseUsccs" label="参与企业" rules={[zodRule(shape.enterpriseUsccs, []), usccsRule]}>
        <EnterpriseUsccsSelect stationId={p.stationId} />
      </Form.Item>
      {!p.record && (
        <Alert
          type="info"
          showIcon
          title="保存后，可在活动列表中展开该活动，上传活动方案、照片、会议纪要等佐证材料（第十三条）"
        />
      )}
    </RecordModal>
  );
}
