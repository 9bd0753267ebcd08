// 新建账户 (sys_admin: an account without a role, decision 018) and 编辑账户 (姓名、启用、评审专家的工作单位).
import { Alert, Form, Input, Modal, Switch } from 'antd';
import { type UserCreateInput, userCreateSchema, userUpdateSchema } from '../../../shared/schemas/user';
import { useDiscardGuard } from '../../lib/discard-guard';
import { applyApiError, applyIssues, validated, zodIssues, zodRule } from '../../lib/form';
import { type TemporaryPassword, type User, useUserMutations } from './api';

const createShape = userCreateSchema.shape;
const updateShape = userUpdateSchema.shape;

export function CreateUserForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (r: TemporaryPassword) => void;
}) {
  const [form] = Form.useForm<UserCreateInput>();
  const close = useDiscardGuard(form, onClose);
  const { create } = useUserMutations();

  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    const parsed = userCreateSchema.safeParse(v);
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    try {
      const r = await create.mutateAsync(parsed.data);
      onClose();
      onCreated(r);
    } catch (e) {
      applyApiError(form, e);
    }
  }

  return (
    <Modal
      open
      title="新建账户"
      onOk={onOk}
      onCancel={close}
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="新账户为“待分配角色”：持有人用临时密码首次登录并设置自己的密码后，由安全管理员分配角色和数据范围（三员分立）。"
      />
      <Form<UserCreateInput> form={form} layout="vertical">
        <Form.Item name="username" label="用户名" required rules={[zodRule(createShape.username)]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" required rules={[zodRule(createShape.displayName)]}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
      <p style={{ color: 'rgba(0,0,0,0.55)', margin: 0 }}>创建后系统生成一次性临时密码，首次登录时须修改。</p>
    </Modal>
  );
}

/** A reviewer's employer: reviews of that organisation's applications are refused automatically (第十条). */
function EmployerFields() {
  return (
    <>
      <Form.Item
        name="employerName"
        label="工作单位"
        rules={[zodRule(updateShape.employerName)]}
        extra="评审专家不能评审本单位的申报书，系统据此自动回避（第十条）"
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="employerUscc" label="工作单位统一社会信用代码" rules={[zodRule(updateShape.employerUscc)]}>
        <Input maxLength={18} />
      </Form.Item>
    </>
  );
}

interface EditValues {
  displayName: string;
  isActive: boolean;
  employerName?: string | null;
  employerUscc?: string | null;
}

export function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const close = useDiscardGuard(form, onClose);
  const { update } = useUserMutations();

  async function onOk() {
    const v = await validated(form);
    if (!v) return;
    try {
      await update.mutateAsync({ id: user.id, version: user.version, ...v });
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  }

  return (
    <Modal
      open
      title={`编辑账户 · ${user.username}`}
      onOk={onOk}
      onCancel={close}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{
          displayName: user.displayName,
          isActive: user.isActive,
          employerName: user.employerName,
          employerUscc: user.employerUscc,
        }}
      >
        <Form.Item name="displayName" label="姓名" required rules={[zodRule(updateShape.displayName)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="isActive" label="启用" valuePropName="checked" extra="停用后该账户的所有登录立即结束">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
        {user.role === 'reviewer' && <EmployerFields />}
      </Form>
    </Modal>
  );
}
