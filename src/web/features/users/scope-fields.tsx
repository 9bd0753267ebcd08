// The scope an account's role needs (roleNeeds): a district account its district, a host account its organisation.
// Account administrators hold no business data (三员分立): they choose from names and ids only (read:role-scope).
import { Form, Select } from 'antd';
import { type Role, roleNeeds } from '../../../shared/permissions';
import { roleAssignSchema } from '../../../shared/schemas/user';
import { zodRule } from '../../lib/form';
import { useRoleScopeOptions } from './api';

export function ScopeFields({ role }: { role: Role | undefined; orgLabel?: string }) {
  const needs = role ? roleNeeds(role) : null;
  const options = useRoleScopeOptions(!!needs);
  if (needs === 'district') {
    return (
      <Form.Item
        name="districtCode"
        label="所属区"
        required
        rules={[
          { required: true, message: '区科协账户须选择所属区' },
          zodRule(roleAssignSchema.shape.districtCode, null),
        ]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择所属区"
          options={(options.data?.districts ?? []).map((d) => ({ value: d.code, label: d.name }))}
          loading={options.isFetching}
        />
      </Form.Item>
    );
  }
  if (needs === 'organization') {
    return (
      <Form.Item
        name="organizationId"
        label="所属依托单位"
        required
        rules={[{ required: true, message: '依托单位账户须选择所属单位' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择依托单位"
          options={(options.data?.hosts ?? []).map((h) => ({ value: h.id, label: h.name }))}
          loading={options.isFetching}
        />
      </Form.Item>
    );
  }
  return null;
}
