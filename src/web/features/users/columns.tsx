import { Button, Popconfirm, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { SEPARATED_ADMIN_ROLES } from '../../../shared/permissions';
import { formatInstant } from '../../lib/format';
import type { User } from './api';

/** 三员分立: the system administrator does not manage the three administrator accounts. */
const isSeparatedAdmin = (u: User) => SEPARATED_ADMIN_ROLES.includes(u.role);

export interface UserActions {
  onEdit?: (u: User) => void;
  /** an account without a role: reset at once */
  onResetPassword?: (u: User) => void;
  /** a business account: ask the security administrator first (decision 018) */
  onRequestReset?: (u: User) => void;
  onUnlock?: (u: User) => void;
  onAssignRole?: (u: User) => void;
  /** the signed-in account: nobody changes their own role, so it gets no 分配角色 */
  meId?: string;
}

export function userColumns(a: UserActions): TableColumnsType<User> {
  const cols: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 130, fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '角色', dataIndex: 'roleLabel', width: 110 },
    {
      title: '所属单位 / 区',
      key: 'scope',
      ellipsis: true,
      render: (_, u) => [u.organizationName, u.districtCode].filter(Boolean).join(' · ') || '—',
    },
    {
      title: '状态',
      key: 'status',
      width: 180,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.isActive ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
          {u.isLocked && (
            <Tag color="red" title={u.lockedUntil ? `锁定至 ${formatInstant(u.lockedUntil)}` : undefined}>
              已锁定
            </Tag>
          )}
          {u.mustChangePassword && <Tag color="orange">须修改密码</Tag>}
          {u.role === 'unassigned' && u.passwordSetByHolder && <Tag color="blue">本人已设密码</Tag>}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => formatInstant(v) },
  ];
  const { onEdit, onResetPassword, onRequestReset, onUnlock, onAssignRole } = a;
  if (onEdit || onAssignRole) {
    cols.push({
      title: '操作',
      key: 'actions',
      width: onEdit ? 230 : 110,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          {onEdit && isSeparatedAdmin(u) && (
            <Tooltip title="系统管理员不能修改三员账户，请由运维人员使用 bin/qianqi reset-password（三员分立）">
              <Typography.Text type="secondary" style={{ padding: '0 7px' }}>
                三员账户
              </Typography.Text>
            </Tooltip>
          )}
          {onEdit && !isSeparatedAdmin(u) && (
            <Button type="link" size="small" onClick={() => onEdit(u)} aria-label={`编辑 ${u.username}`}>
              编辑
            </Button>
          )}
          {onResetPassword && u.role === 'unassigned' && (
            <Popconfirm
              title="重置密码"
              description={`为 ${u.username} 生成新的临时密码？其当前登录将全部结束。`}
              okText="重置"
              cancelText="取消"
              onConfirm={() => onResetPassword(u)}
            >
              <Button type="link" size="small" aria-label={`重置 ${u.username} 的密码`}>
                重置密码
              </Button>
            </Popconfirm>
          )}
          {onRequestReset && !isSeparatedAdmin(u) && u.role !== 'unassigned' && (
            <Button
              type="link"
              size="small"
              onClick={() => onRequestReset(u)}
              aria-label={`申请重置 ${u.username} 的密码`}
            >
              申请重置密码
            </Button>
          )}
          {onUnlock && u.isLocked && !isSeparatedAdmin(u) && (
            <Popconfirm
              title="解除锁定"
              description={`解除 ${u.username} 的登录锁定？`}
              okText="解除"
              cancelText="取消"
              onConfirm={() => onUnlock(u)}
            >
              <Button type="link" size="small" aria-label={`解除 ${u.username} 的锁定`}>
                解除锁定
              </Button>
            </Popconfirm>
          )}
          {onAssignRole && u.id !== a.meId && (
            <Button type="link" size="small" onClick={() => onAssignRole(u)} aria-label={`为 ${u.username} 分配角色`}>
              分配角色
            </Button>
          )}
        </Space>
      ),
    });
  }
  return cols;
}
