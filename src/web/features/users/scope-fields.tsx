// The scope an account's role needs (roleNeeds): a district account its district, a host account its organisation.
import { Form, Select } from 'antd';
import { type Role, roleNeeds } from '../../../shared/permissions';
import { userCreateSchema } from '../../../shared/schemas/user';
import { useCan } from '../../app/session-context';
import { districtOptions, useDistricts } from '../../lib/districts';
import { zodRule } from '../../lib/form';
import { HostOrgSelect } from '../organizations/org-select';
import { useRoleScopeOptions } from './api';

export function ScopeFields({ role, orgLabel }: { role: Role | undefined; orgLabel?: string }) {
  const can = useCan();
  const needs = role ? roleNeeds(role) : null;
  const districts = useDistricts(undefined, needs === 'district' && can('read:district'));
  // The security administrator has no read:district / read:organization: it gets names and ids only.
  const options = useRoleScopeOptions(!!needs && can('assign:role') && !can('read:organization'));
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
          options={
            can('read:district')
              ? districtOptions(districts.data)
              : (options.data?.districts ?? []).map((d) => ({ value: d.code, label: d.name }))
          }
          loading={districts.isFetching || options.isFetching}
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
      >
        {canBrowse ? (
          <HostOrgSelect initialLabel={orgLabel} />
        ) : (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择依托单位"
            options={(options.data?.hosts ?? []).map((h) => ({ value: h.id, label: h.name }))}
            loading={options.isFetching}
          />
        )}
      </Form.Item>
    );
  }
  return null;
}
