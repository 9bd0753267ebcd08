// 新建 / 编辑依托单位 in a modal; rules and messages from the shared organization schema (uscc: GB 32100).
import { Form, Input, Modal, Select, Switch } from 'antd';
import { HOST_KIND_LABELS } from '../../../shared/labels';
import { HOST_KIND_CODES, organizationInputSchema } from '../../../shared/schemas/organization';
import { useDiscardGuard } from '../../lib/discard-guard';
import { districtOptions, useDistricts } from '../../lib/districts';
import { applyApiError, applyIssues, emptyToNull, validated, zodIssues, zodRule } from '../../lib/form';
import type { Organization } from '../../lib/organizations';
import { type OrganizationSave, useSaveOrganization } from './api';

const shape = organizationInputSchema.shape;
const hostKindOptions = HOST_KIND_CODES.map((c) => ({ value: c, label: HOST_KIND_LABELS[c] }));

export function OrganizationForm({ org, onClose }: { org: Organization | null; onClose: () => void }) {
  const [form] = Form.useForm<OrganizationSave>();
  const close = useDiscardGuard(form, onClose);
  const save = useSaveOrganization();
  const districts = useDistricts();

  async function onOk() {
    const raw = await validated(form);
    if (!raw) return;
    const values = emptyToNull(raw);
    const parsed = organizationInputSchema.safeParse(values);
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    try {
      await save.mutateAsync(
        org
          ? { id: org.id, version: org.version, values: { ...parsed.data, isActive: Boolean(values.isActive) } }
          : { values: parsed.data },
      );
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  }

  return (
    <Modal
      open
      title={org ? `编辑依托单位 · ${org.name}` : '新建依托单位'}
      onOk={onOk}
      onCancel={close}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<OrganizationSave>
        form={form}
        layout="vertical"
        initialValues={
          org
            ? {
                name: org.name,
                hostKind: (org.hostKind ?? undefined) as OrganizationSave['hostKind'],
                uscc: org.uscc ?? '',
                districtCode: org.districtCode,
                contactName: org.contactName,
                contactPhone: org.contactPhone,
                address: org.address,
                isActive: org.isActive,
              }
            : {}
        }
      >
        <Form.Item name="name" label="单位名称" required rules={[zodRule(shape.name)]}>
          <Input maxLength={100} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 16px' }}>
          <Form.Item name="hostKind" label="单位类型" required rules={[zodRule(shape.hostKind, undefined)]}>
            <Select options={hostKindOptions} placeholder="请选择（第六条）" />
          </Form.Item>
          <Form.Item
            name="uscc"
            label="统一社会信用代码"
            required
            rules={[zodRule(shape.uscc, '')]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input maxLength={18} placeholder="18 位，按 GB 32100 校验" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name="districtCode" label="所在区" rules={[zodRule(shape.districtCode, null)]}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={districtOptions(districts.data)}
              loading={districts.isPending}
              placeholder="请选择"
            />
          </Form.Item>
          <Form.Item name="contactName" label="联系人" rules={[zodRule(shape.contactName, null)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话" rules={[zodRule(shape.contactPhone, null)]}>
            <Input maxLength={30} />
          </Form.Item>
          {org && (
            <Form.Item name="isActive" label="启用" valuePropName="checked">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          )}
        </div>
        <Form.Item name="address" label="地址" rules={[zodRule(shape.address, null)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
