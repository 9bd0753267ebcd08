// 专家与产业特派员. The ID card and bank account are write-only: the form shows the masked stored value as a hint and
// an empty field keeps it (PIPL; the full number is only shown through the audited reveal in reveal-modal.tsx).
import { Form, Input, Select } from 'antd';
import { EXPERT_KINDS } from '../../../domain/ledger/codes';
import { EXPERT_GRADES } from '../../../domain/policy/types';
import { EXPERT_GRADE_LABELS, EXPERT_KIND_LABELS } from '../../../shared/labels';
import { expertRecordSchema } from '../../../shared/schemas/ledger-records';
import { YesNo } from '../../components/yes-no';
import { emptyToNull, zodRule } from '../../lib/form';
import { IndustrySelect, labelOptions } from './form-bits';
import { Grid, type RecordFormProps, RecordModal } from './record-modal';

const shape = expertRecordSchema.shape;

export function ExpertForm(p: RecordFormProps<'experts'>) {
  const [form] = Form.useForm();
  const r = p.record;
  const { idCardMasked: _i, bankAccountMasked: _b, ...stored } = r ?? ({} as NonNullable<typeof r>);
  const keepHint = (masked: string | null | undefined) =>
    masked ? `已登记 ${masked}；留空则保持不变，填写则替换` : undefined;

  return (
    <RecordModal
      {...p}
      kind="experts"
      form={form}
      width={780}
      nameOf={(x) => x.name}
      initialValues={r ? { ...stored } : { kind: 'expert', hostStaff: false, fiscallySupported: false }}
      toInput={(v) => emptyToNull(v)}
    >
      <Grid columns={3}>
        <Form.Item name="name" label="姓名" required rules={[zodRule(shape.name)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="kind" label="类别" required rules={[zodRule(shape.kind, null)]}>
          <Select options={labelOptions(EXPERT_KINDS, EXPERT_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="phone" label="电话" rules={[zodRule(shape.phone, null)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="employer" label="工作单位" rules={[zodRule(shape.employer, null)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label="职称" rules={[zodRule(shape.title, null)]}>
          <Input maxLength={50} placeholder="如：教授、高级工程师" />
        </Form.Item>
        <Form.Item name="grade" label="职称等级（咨询费标准）" rules={[zodRule(shape.grade, null)]}>
          <Select allowClear options={labelOptions(EXPERT_GRADES, EXPERT_GRADE_LABELS)} />
        </Form.Item>
      </Grid>
      <Grid>
        <Form.Item
          name="expertise"
          label="专业领域与研究方向"
          rules={[zodRule(shape.expertise, null)]}
          extra="平台据此为企业需求推荐专家"
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="industry" label="行业" rules={[zodRule(shape.industry, null)]}>
          <IndustrySelect />
        </Form.Item>
      </Grid>
      <Grid>
        <Form.Item
          name="hostStaff"
          label="是否依托单位工作人员"
          required
          extra="依托单位工作人员不得领取咨询费（第十六条）"
        >
          <YesNo />
        </Form.Item>
        <Form.Item name="fiscallySupported" label="是否财政供养人员" required extra="财政供养人员不得领取劳务费">
          <YesNo />
        </Form.Item>
      </Grid>
      <Grid columns={3}>
        <Form.Item
          name="idCard"
          label="身份证号"
          rules={[zodRule(shape.idCard, null)]}
          extra={keepHint(r?.idCardMasked)}
          normalize={(v: string) => v?.toUpperCase()}
        >
          <Input maxLength={18} autoComplete="off" placeholder={r?.idCardMasked ? '留空则不修改' : undefined} />
        </Form.Item>
        <Form.Item
          name="bankAccount"
          label="银行账号"
          rules={[zodRule(shape.bankAccount, null)]}
          extra={keepHint(r?.bankAccountMasked)}
        >
          <Input maxLength={30} autoComplete="off" placeholder={r?.bankAccountMasked ? '留空则不修改' : undefined} />
        </Form.Item>
        <Form.Item name="bankName" label="开户行" rules={[zodRule(shape.bankName, null)]}>
          <Input maxLength={100} />
        </Form.Item>
      </Grid>
    </RecordModal>
  );
}
