// The host's editable 申报书 (draft or returned, 第十条): 基本信息, 负责人与联系人, 资源条件, 工作目标, 活动计划与进度安排,
// 预算. 保存 sends the whole form with its version; the server's field issues land on the fields.
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, type FormInstance, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { type Policy, STATION_TYPES, type StationType } from '../../../domain/policy/types';
import type { FieldIssue } from '../../../shared/errors';
import { applicationFormSchema, PUBLIC_INSTITUTION_CLASSES } from '../../../shared/schemas/application';
import { YesNo } from '../../components/yes-no';
import { ApiError } from '../../lib/api';
import { useDistricts } from '../../lib/districts';
import { applyIssues, validated, zodRule } from '../../lib/form';
import { formatInstant } from '../../lib/format';
import { type ApplicationDetail, useSaveApplication } from './api';
import {
  defaultTargets,
  type FormValues,
  fieldPathOf,
  fromFormValues,
  PUBLIC_INSTITUTION_CLASS_LABELS,
  toFormValues,
} from './application-helpers';
import { BudgetFields, ScheduleFields, TargetFields } from './form-sections';

const shape = applicationFormSchema.shape;
const two = { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: 16 } as const;

/** Server issues onto the form's fields; returns the ones without a field. */
export function placeIssues(form: FormInstance<FormValues>, issues: FieldIssue[]): FieldIssue[] {
  return applyIssues(
    form,
    issues.map((i) => ({ ...i, path: fieldPathOf(i.path) })),
  );
}

/** Saves the form as it is; the server's answer (new version, fresh gaps) or null when it did not save. */
export function useSaver(app: ApplicationDetail, form: FormInstance<FormValues>, policy: Policy) {
  const { message } = App.useApp();
  const save = useSaveApplication();
  const saveNow = async (): Promise<ApplicationDetail | null> => {
    const v = await validated(form);
    if (!v) {
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { block: 'center' });
      message.error('有填写格式不正确的内容，请按标红的提示修改后再保存');
      return null;
    }
    const kpis = v.stationType ? policy.kpis[v.stationType] : [];
    try {
      return await save.mutateAsync({
        id: app.id,
        version: app.version,
        form: fromFormValues(v, kpis, app.hostKind),
      });
    } catch (e) {
      if (e instanceof ApiError) {
        const rest = placeIssues(form, e.issues);
        message.error([e.message, ...rest.map((i) => i.message)].join('；'));
      }
      return null;
    }
  };
  return { saveNow, saving: save.isPending };
}

function Section({
  id,
  title,
  extra,
  children,
}: {
  id: string;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} size="small" title={title} extra={extra} className="card-gap" style={{ scrollMarginTop: 72 }}>
      {children}
    </Card>
  );
}

export function ApplicationEditor({
  app,
  form,
  policy,
  dirty,
  onDirty,
  saving,
  onSave,
}: {
  app: ApplicationDetail;
  form: FormInstance<FormValues>;
  policy: Policy;
  dirty: boolean;
  onDirty: (dirty: boolean) => void;
  saving: boolean;
  onSave: () => void;
}) {
  const type = Form.useWatch('stationType', form) ?? app.form.stationType;
  const districts = useDistricts(app.programYear);
  const kpis = type ? policy.kpis[type] : [];
  const districtOptions = (districts.data ?? [])
    .filter((d) => d.stationType === type)
    .map((d) => ({ value: d.code, label: `${d.name}（${d.stationTypeLabel}）` }));

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(app.form, type ? policy.kpis[type] : [])}
      onValuesChange={() => onDirty(true)}
      scrollToFirstError={{ block: 'center' }}
    >
      <Section id="sec-basic" title="基本信息">
        <div style={two}>
          <Form.Item name="stationName" label="站点名称" rules={[zodRule(shape.stationName)]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="stationType" label="站点类型" extra="区工作站点的类型须与所在区的类别一致（第三条）">
            <Select
              options={STATION_TYPES.map((t) => ({ value: t, label: policy.stationTypes[t].name }))}
              onChange={(t: StationType) => {
                const d = districts.data?.find((x) => x.code === form.getFieldValue('districtCode'));
                if (t === 'iur' || (d && d.stationType !== t)) form.setFieldValue('districtCode', null);
                // the new type's KPIs start at the year's targets (第七条, 第八条)
                const current = form.getFieldValue('targets') as FormValues['targets'];
                form.setFieldValue('targets', { ...current, ...defaultTargets(policy.kpis[t], current) });
              }}
            />
          </Form.Item>
          {type !== 'iur' && (
            <Form.Item name="districtCode" label="所在区" extra="每区只设一个区工作站点（第六条）">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={districts.isPending}
                options={districtOptions}
                placeholder={type ? '选择所在区' : '请先选择站点类型'}
              />
            </Form.Item>
          )}
          {app.hostKind === 'public_institution' && (
            <Form.Item
              name="publicInstitutionClass"
              label="事业单位类别"
              extra="公益一类事业单位不能作为依托单位（第六条）"
            >
              <Select
                allowClear
                options={PUBLIC_INSTITUTION_CLASSES.map((c) => ({
                  value: c,
                  label: PUBLIC_INSTITUTION_CLASS_LABELS[c],
                }))}
              />
            </Form.Item>
          )}
          {app.hostKind === 'university_association' && (
            <Form.Item
              name="hasOwnAssociation"
              label="是否设有本单位科协"
              extra="高校、科研院所须设有本单位科协（第六条）"
            >
              <YesNo />
            </Form.Item>
          )}
        </div>
      </Section>
      <Section id="sec-people" title="负责人与联系人">
        <div style={two}>
          <Form.Item name="leaderName" label="负责人姓名" rules={[zodRule(shape.leaderName)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="leaderTitle" label="负责人职务" rules={[zodRule(shape.leaderTitle)]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="leaderPhone" label="负责人电话" rules={[zodRule(shape.leaderPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactName" label="联系人姓名" rules={[zodRule(shape.contactName)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系人电话" rules={[zodRule(shape.contactPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactEmail" label="联系人邮箱" rules={[zodRule(shape.contactEmail)]}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
      </Section>
      <Section id="sec-resources" title="资源条件">
        <Form.Item
          name="resources"
          label="依托单位的资源条件"
          rules={[zodRule(shape.resources)]}
          extra="场地、人员、专家资源、服务企业的基础等，至少 20 字"
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Section>
      <Section
        id="sec-targets"
        title="工作目标"
        extra={type ? `${policy.stationTypes[type].targetsArticle}：不能低于年度目标` : undefined}
      >
        <TargetFields kpis={kpis} />
      </Section>
      <Section id="sec-plan" title="活动计划与进度安排">
        <Form.Item
          name="activityPlan"
          label="活动计划"
          rules={[zodRule(shape.activityPlan)]}
          extra="全年活动的安排、服务企业的方式和预期成果，至少 50 字"
        >
          <Input.TextArea rows={6} maxLength={20000} showCount />
        </Form.Item>
        <div style={{ fontWeight: 500, marginBottom: 8 }}>进度安排</div>
        <ScheduleFields year={app.programYear} />
      </Section>
      <Section id="sec-budget" title="预算（元）" extra="按五类经费填写，没有的填 0（第十五条、第十六条）">
        <BudgetFields form={form} policy={policy} type={type} />
      </Section>
      <div className="sticky-save-bar" style={saveBar}>
        <span style={{ color: dirty ? '#d46b08' : 'rgba(0,0,0,0.45)' }}>
          {dirty ? '有未保存的修改' : `已保存 ${formatInstant(app.updatedAt).slice(0, 16)}`}
        </span>
        <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={saving} onClick={onSave}>
          保存
        </Button>
      </div>
    </Form>
  );
}

const saveBar = {
  position: 'sticky',
  bottom: 0,
  zIndex: 5,
  display: 'flex',
  justifyContent: 'flex-end',
  alignItems: 'center',
  gap: 12,
  padding: '10px 16px',
  margin: '0 -4px 16px',
  background: 'rgba(255,255,255,0.96)',
  borderTop: '1px solid #f0f0f0',
  boxShadow: '0 -2px 8px rgba(0,0,0,0.04)',
} as const;
