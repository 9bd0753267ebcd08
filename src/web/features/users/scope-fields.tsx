// The scope an account's role needs (roleNeeds): a district account its district, a host account its organisation.
import { Form, Input, Select } from 'antd';
import { policy2025 } from '../../../domain/policy/policy-2025';
import { type Role, roleNeeds } from '../../../shared/permissions';
import { userCreateSchema } from '../../../shared/schemas/user';
import { useCan } from '../../app/session-context';
import { districtOptions, useDistricts } from '../../lib/districts';
import { zodRule } from '../../lib/form';
import { HostOrgSelect } from '../organizations/org-select';

// Without read:district (the security administrator) the built-in district list serves: codes never change.
const STATIC_DISTRICTS = policy2025.districts.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));

export function ScopeFields({ role, orgLabel }: { role: Role | undefined; orgLabel?: string }) {
  const can = useCan();
  const needs = role ? roleNeeds(role) : null;
  const districts = useDistricts(undefined, needs === 'district' && can('read:district'));
  if (needs === 'district') {
    return (
      <Form.Item
        name="districtCode"
        label="所属区"
        required
        rules={[
          { required: true, message: '区科协账户须选择所属区' },
          zodRule(userCreateSchema.shape.districtCode, null),
        ]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择所属区"
          options={can('read:district') ? districtOptions(districts.data) : STATIC_DISTRICTS}
          loading={districts.isFetching}
        />
      </Form.Item>
    );
  }
  if (needs === 'organization') {
    const canBrowse = can('read:organization');
    return (
      <Form.Item
        name="organizationId"
        label="所属依托单位"
        required
        rules={[{ required: true, message: '依托单位账户须选择所属单位' }]}
        extra={canBrowse ? undefined : '您无权浏览组织列表，请填写系统管理员提供的依托单位 ID'}
      >
        {canBrowse ? (
          <HostOrgSelect initialLabel={orgLabel} />
        ) : (
          <Input placeholder="依托单位 ID" maxLength={64} className="mono" />
        )}
      </Form.Item>
    );
  }
  return null;
}
