// 分配角色 (sec_admin, assign:role): the role and the scope it needs. The three administrator roles are given on the
// server only (bin/qianqi create-admin); a business role only once the holder has set their own password (decision 018).
import { Alert, Form, Modal, Select } from 'antd';
import { isBusinessRole, ROLE_LABELS, ROLES, type Role, SEPARATED_ADMIN_ROLES } from '../../../shared/permissions';
import { type RoleAssignInput, roleAssignSchema } from '../../../shared/schemas/user';
import { applyApiError, applyIssues, validated, zodIssues, zodRule } from '../../lib/form';
import { formatInstant } from '../../lib/format';
import { type User, useUserMutations } from './api';
import { ScopeFields } from './scope-fields';

type Values = Omit<RoleAssignInput, 'version'>;

/** The roles the web may give this account: never one of the three administrators; a 三员 account only 待分配角色. */
function roleOptionsFor(user: User) {
  const separated = SEPARATED_ADMIN_ROLES.includes(user.role);
  return ROLES.filter((r) => (separated ? r === 'unassigned' : !SEPARATED_ADMIN_ROLES.includes(r))).map((r) => ({
    value: r,
    label: ROLE_LABELS[r],
    disabled: isBusinessRole(r) && !user.passwordSetByHolder,
  }));
}

export function RoleForm({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { assignRole } = useUserMutations();
  const role = Form.useWatch('role', form) as Role | undefined;
  const separated = SEPARATED_ADMIN_ROLES.includes(user.role);

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
        title="每个账户只有一个角色；系统管理员、安全管理员、审计管理员三员分立，只能在服务器上用 bin/qianqi create-admin 创建。修改角色后该账户需重新登录。"
      />
      {separated ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="这是三员账户：只能改为“待分配角色”以撤销其管理员角色，之后可由系统管理员停用。"
        />
      ) : user.passwordSetByHolder ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`持有人已于 ${formatInstant(user.passwordChangedAt)} 设置自己的密码。分配前请与本人核实。`}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="持有人尚未用临时密码登录并设置自己的密码，暂不能分配业务角色：临时密码由管理员发出，须本人改密后再分配。"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        // A new role needs its own scope: the old district or organisation must not linger in hidden fields.
        onValuesChange={(changed) => {
          if ('role' in changed) form.setFieldsValue({ organizationId: undefined, districtCode: undefined });
        }}
        initialValues={{
          role: separated ? undefined : user.role,
          organizationId: user.organizationId,
          districtCode: user.districtCode,
        }}
      >
        <Form.Item name="role" label="角色" required rules={[zodRule(roleAssignSchema.shape.role, undefined)]}>
          <Select options={roleOptionsFor(user)} />
        </Form.Item>
        <ScopeFields role={role} orgLabel={user.organizationName ?? undefined} />
      </Form>
    </Modal>
  );
}
