// A searchable select of host organisations (依托单位), searching on the server so it scales past one page.
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useOrganizations } from '../lib/organizations';

export function HostOrgSelect({
  value,
  onChange,
  initialLabel,
  id,
  ...rest
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** the current value's name, shown before the list is loaded */
  initialLabel?: string;
  id?: string;
  'aria-label'?: string;
}) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(t);
  }, [q]);
  const list = useOrganizations({ kind: 'host', q: debounced || undefined }, { page: 1, pageSize: 50 });
  const options = (list.data?.items ?? []).map((o) => ({
    value: o.id,
    label: o.isActive ? o.name : `${o.name}（已停用）`,
    disabled: !o.isActive,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel, disabled: false });
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder="输入单位名称或统一社会信用代码搜索"
      loading={list.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      notFoundContent={list.isFetching ? '正在搜索…' : '没有匹配的依托单位'}
      {...rest}
    />
  );
}
