// Forms of the six simple record kinds; demands, experts, events and reports have their own files and chunks.
// `RecordForm` of record-form.tsx picks one.
import { Form, Input, Select } from 'antd';
import { CONTACT_MODES, PRESS_CHANNELS, SRDI_LEVELS } from '../../../domain/ledger/codes';
import { CONTACT_MODE_LABELS, PRESS_CHANNEL_LABELS, SRDI_LABELS } from '../../../shared/labels';
import {
  achievementRecordSchema,
  contactRecordSchema,
  cooperationRecordSchema,
  enterpriseRecordSchema,
  outcomeRecordSchema,
  pressReleaseRecordSchema,
  type RecordKind,
} from '../../../shared/schemas/ledger-records';
import { dateProps } from '../../components/form-fields';
import { YesNo } from '../../components/yes-no';
import { districtOptions, useDistricts } from '../../lib/districts';
import { zodRule } from '../../lib/form';
import type { RecordItems } from './api';
import {
  EnterpriseUsccInput,
  IndustrySelect,
  labelOptions,
  PastDatePicker,
  usccNormalize,
  usccRequired,
} from './form-bits';
import { Grid, type RecordFormProps, RecordModal } from './record-modal';

function EnterpriseForm(p: RecordFormProps<'enterprises'>) {
  const [form] = Form.useForm();
  const districts = useDistricts();
  const shape = enterpriseRecordSchema.shape;
  const r = p.record;
  return (
    <RecordModal
      {...p}
      kind="enterprises"
      form={form}
      nameOf={(e) => e.name}
      initialValues={r ? { ...r } : { hasAssociation: false, keyServed: false, srdi: 'none' }}
      // an emptied 行业 is sent as null, so that it clears the registry's rather than keeping it
      toInput={(v) => ({ ...v, industry: v.industry ?? null })}
    >
      <Grid>
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          required
          validateFirst
          rules={[usccRequired, zodRule(shape.uscc)]}
          normalize={usccNormalize}
          extra="同一企业在全市只登记一次：修改名称、所在区等信息会保留修改前的记录"
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="name" label="企业名称" required rules={[zodRule(shape.name)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="districtCode"
          label="注册所在区"
          required
          validateFirst
          rules={[{ required: true, message: '请选择企业注册所在区' }, zodRule(shape.districtCode)]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={districtOptions(districts.data)} />
        </Form.Item>
        <Form.Item name="srdi" label="专精特新" required rules={[zodRule(shape.srdi, null)]}>
          <Select options={labelOptions(SRDI_LEVELS, SRDI_LABELS)} />
        </Form.Item>
        <Form.Item name="hasAssociation" label="是否建有企业科协" required>
          <YesNo />
        </Form.Item>
        <Form.Item name="keyServed" label="是否重点服务企业" required>
          <YesNo />
        </Form.Item>
        <Form.Item name="industry" label="行业" rules={[zodRule(shape.industry, null)]}>
          <IndustrySelect />
        </Form.Item>
      </Grid>
    </RecordModal>
  );
}

function ContactForm(p: RecordFormProps<'contacts'>) {
  const [form] = Form.useForm();
  const shape = contactRecordSchema.shape;
  return (
    <RecordModal
      {...p}
      kind="contacts"
      form={form}
      nameOf={(c) => `${c.enterpriseName ?? c.uscc}（${c.date}）`}
      initialValues={p.record ? { ...p.record } : { mode: 'visit' }}
      carryOver={['mode', 'people']}
    >
      <Form.Item
        name="uscc"
        label="企业（统一社会信用代码）"
        required
        validateFirst
        rules={[usccRequired, zodRule(shape.uscc)]}
      >
        <EnterpriseUsccInput stationId={p.stationId} />
      </Form.Item>
      <Grid>
        <Form.Item name="date" label="联系日期" required rules={[zodRule(shape.date, null)]} {...dateProps}>
          <PastDatePicker />
        </Form.Item>
        <Form.Item name="mode" label="联系方式" required rules={[zodRule(shape.mode, null)]}>
          <Select options={labelOptions(CONTACT_MODES, CONTACT_MODE_LABELS)} />
        </Form.Item>
      </Grid>
      <Form.Item name="people" label="参与人员" rules={[zodRule(shape.people, null)]}>
        <Input maxLength={200} placeholder="如：张三（产业特派员）、李四" />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[zodRule(shape.note, null)]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </RecordModal>
  );
}

function PressReleaseForm(p: RecordFormProps<'press-releases'>) {
  const [form] = Form.useForm();
  const shape = pressReleaseRecordSchema.shape;
  return (
    <RecordModal
      {...p}
      kind="press-releases"
      form={form}
      nameOf={(r) => r.title}
      initialValues={p.record ? { ...p.record } : { channel: 'association_website' }}
    >
      <Form.Item name="title" label="标题" required rules={[zodRule(shape.title)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Grid>
        <Form.Item name="date" label="发布日期" required rules={[zodRule(shape.date, null)]} {...dateProps}>
          <PastDatePicker />
        </Form.Item>
        <Form.Item name="channel" label="发布渠道" required rules={[zodRule(shape.channel, null)]}>
          <Select options={labelOptions(PRESS_CHANNELS, PRESS_CHANNEL_LABELS)} />
        </Form.Item>
      </Grid>
      <Form.Item name="url" label="链接" rules={[zodRule(shape.url, null)]}>
        <Input maxLength={500} placeholder="https://" />
      </Form.Item>
    </RecordModal>
  );
}

function CooperationForm(p: RecordFormProps<'cooperations'>) {
  const [form] = Form.useForm();
  const shape = cooperationRecordSchema.shape;
  return (
    <RecordModal
      {...p}
      kind="cooperations"
      form={form}
      nameOf={(r) => r.title}
      initialValues={p.record ? { ...p.record } : { parties: [], content: '' }}
      toInput={(v) => ({ ...v, content: v.content ?? '' })}
    >
      <Form.Item name="title" label="合作名称" required rules={[zodRule(shape.title)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="date" label="合作日期" required rules={[zodRule(shape.date, null)]} {...dateProps}>
        <PastDatePicker style={{ width: 240 }} />
      </Form.Item>
      <Form.Item
        name="parties"
        label="合作方"
        required
        rules={[zodRule(shape.parties, [])]}
        extra="输入一个合作方后按回车，可填写多个"
      >
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', '，', ',']} />
      </Form.Item>
      <Form.Item
        name="content"
        label="合作内容"
        rules={[zodRule(shape.content, '')]}
        extra="第七条要求写明具体合作内容；内容为空的合作不计入考核"
      >
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
    </RecordModal>
  );
}

function OutcomeForm(p: RecordFormProps<'outcomes'>) {
  const [form] = Form.useForm();
  const shape = outcomeRecordSchema.shape;
  return (
    <RecordModal
      {...p}
      kind="outcomes"
      form={form}
      nameOf={(r) => r.title}
      initialValues={p.record ? { ...p.record } : { goldenBridge: false }}
      toInput={(v) => ({ ...v, uscc: v.uscc || null })}
    >
      <Form.Item name="title" label="成果名称" required rules={[zodRule(shape.title)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Grid>
        <Form.Item name="date" label="落地日期" required rules={[zodRule(shape.date, null)]} {...dateProps}>
          <PastDatePicker />
        </Form.Item>
        <Form.Item name="goldenBridge" label="是否金桥工程候选" required>
          <YesNo />
        </Form.Item>
      </Grid>
      <Form.Item name="uscc" label="落地企业（统一社会信用代码，可不填）" rules={[zodRule(shape.uscc, null)]}>
        <EnterpriseUsccInput stationId={p.stationId} />
      </Form.Item>
    </RecordModal>
  );
}

function AchievementForm(p: RecordFormProps<'achievements'>) {
  const [form] = Form.useForm();
  const shape = achievementRecordSchema.shape;
  return (
    <RecordModal
      {...p}
      kind="achievements"
      form={form}
      nameOf={(r) => r.title}
      initialValues={p.record ? { ...p.record } : { promoted: false }}
    >
      <Form.Item name="title" label="成果名称" required rules={[zodRule(shape.title)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Grid>
        <Form.Item name="university" label="高校" required rules={[zodRule(shape.university)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="collectedOn"
          label="征集日期"
          required
          rules={[zodRule(shape.collectedOn, null)]}
          {...dateProps}
        >
          <PastDatePicker />
        </Form.Item>
      </Grid>
      <Form.Item
        name="summary"
        label="成果简介"
        rules={[zodRule(shape.summary, null)]}
        extra="成果是什么、主要指标、成熟度和适用场景：平台据此向企业需求推荐成果"
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Grid>
        <Form.Item name="industry" label="行业" rules={[zodRule(shape.industry, null)]}>
          <IndustrySelect />
        </Form.Item>
        <Form.Item name="promoted" label="是否已推广" required>
          <YesNo />
        </Form.Item>
      </Grid>
    </RecordModal>
  );
}

/** The form of a simple kind, for a new record (null) or an existing one; null for the four with their own files. */
export function RecordForm<K extends RecordKind>({
  kind,
  ...p
}: {
  kind: K;
  stationId: string;
  record: RecordItems[K] | null;
  onClose: () => void;
}) {
  // biome-ignore lint/suspicious/noExplicitAny: the kind was matched just above each form
  const props = p as any;
  switch (kind) {
    case 'enterprises':
      return <EnterpriseForm {...props} />;
    case 'contacts':
      return <ContactForm {...props} />;
    case 'press-releases':
      return <PressReleaseForm {...props} />;
    case 'cooperations':
      return <CooperationForm {...props} />;
    case 'outcomes':
      return <OutcomeForm {...props} />;
    case 'achievements':
      return <AchievementForm {...props} />;
    default:
      return null;
  }
}
