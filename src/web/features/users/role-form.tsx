// 分配角色 (sec_admin, assign:role): the role and the scope it needs.
import { Alert, Form, Modal, Select } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/permissions';
import { type RoleAssignInput, roleAssignSchema } from '../../../shared/schemas/user';
import { applyApiError, applyIssues, validated, zodIssues, zodRule } from '../../lib/form';
import { type User, useUserMutations } from './api';
import { ScopeFields } from './scope-fields';

type Values = Omit<RoleAssignInput, 'version'>;
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function RoleForm({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { assignRole } = useUserMutations();
  const role = Form.useWatch('role', form) as Role | undefined;

  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    const parsed = roleAssignSchema.safeParse({
      ...v,
      version: user.version,
      organizationId: v.organizationId || null,
      districtCode: v.districtCode || null,
    });
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    try {
      await assignRole.mutateAsync({ id: user.id, ...parsed.data });
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  }

  return (
    <Modal
      open
      title={`分配角色 · ${user.username}（${user.displayName}）`}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={assignRole.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="每个账户只有一个角色；系统管理员、安全管理员、审计管理员三员分立。修改角色后该账户需重新登录。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        // A new role needs its own scope: the old district or organisation must not linger in hidden fields.
        onValuesChange={(changed) => {
          if ('role' in changed) form.setFieldsValue({ organizationId: undefined, districtCode: undefined });
        }}
        initialValues={{
          role: user.role as Role,
          organizationId: user.organizationId,
          districtCode: user.districtCode,
        }}
      >
        <Form.Item name="role" label="角色" required rules={[zodRule(roleAssignSchema.shape.role, undefined)]}>
          <Select options={roleOptions} />
        </Form.Item>
        <ScopeFields role={role} orgLabel={user.organizationName ?? undefined} />
      </Form>
    </Modal>
  );
}
