import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ROLE_LABELS, ROLES } from '../../../shared/permissions';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { useCan, useMe } from '../../lib/session-context';
import { type TemporaryPassword, type User, type UserFilters, useUserMutations, useUsers } from './api';
import { userColumns } from './columns';
import { PasswordResetsCard, RequestResetForm } from './password-resets';
import { TempPasswordModal } from './temp-password-modal';

// Forms load on demand.
const RoleForm = lazy(() => import('./role-form').then((m) => ({ default: m.RoleForm })));
const CreateUserForm = lazy(() => import('./user-form').then((m) => ({ default: m.CreateUserForm })));
const EditUserForm = lazy(() => import('./user-form').then((m) => ({ default: m.EditUserForm })));

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'role'; user: User }
  | { kind: 'request-reset'; user: User }
  | null;

export default function UsersPage() {
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<UserFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [temp, setTemp] = useState<TemporaryPassword | null>(null);
  const list = useUsers(filters, paging);
  const m = useUserMutations();
  const canWrite = can('write:user');

  const setFilter = (patch: UserFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const columns = userColumns({
    onEdit: canWrite ? (user) => setDialog({ kind: 'edit', user }) : undefined,
    onResetPassword: canWrite ? (u) => m.resetPassword.mutate(u, { onSuccess: setTemp }) : undefined,
    onRequestReset: canWrite ? (user) => setDialog({ kind: 'request-reset', user }) : undefined,
    onUnlock: canWrite
      ? (u) => m.unlock.mutate(u, { onSuccess: () => message.success(`已解除 ${u.username} 的锁定`) })
      : undefined,
    onAssignRole: can('assign:role') ? (user) => setDialog({ kind: 'role', user }) : undefined,
    meId: me.id,
  });

  return (
    <>
      <PageHeader
        title="账户"
        subtitle={
          canWrite
            ? '系统管理员新建账户（待分配角色）、停用账户、解除锁定；业务账户的密码重置须经安全管理员确认'
            : '安全管理员为已设置本人密码的账户分配角色与数据范围，并确认密码重置申请（三员分立）'
        }
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              新建账户
            </Button>
          )
        }
      />
      <PasswordResetsCard onIssued={setTemp} />
      <div className="filter-bar">
        <Input.Search
          allowClear
          aria-label="搜索账户"
          placeholder="用户名或姓名"
          style={{ width: 260 }}
          enterButton="搜索"
          onSearch={(q) => setFilter({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          aria-label="角色"
          placeholder="角色"
          style={{ width: 160 }}
          value={filters.role}
          onChange={(role) => setFilter({ role })}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
      </div>
      <DataTable<User>
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText="没有符合条件的账户"
        scroll={{ x: 1100 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <Suspense fallback={null}>
        {dialog?.kind === 'create' && <CreateUserForm onClose={() => setDialog(null)} onCreated={setTemp} />}
        {dialog?.kind === 'edit' && <EditUserForm user={dialog.user} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'role' && <RoleForm user={dialog.user} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'request-reset' && (
          <RequestResetForm
            user={dialog.user}
            onClose={() => setDialog(null)}
            onRequested={() => message.success('已提交申请，待安全管理员确认')}
          />
        )}
      </Suspense>
      {temp && <TempPasswordModal result={temp} onClose={() => setTemp(null)} />}
    </>
  );
}
