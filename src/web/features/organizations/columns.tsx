import { Button, type TableColumnsType, Tag } from 'antd';
import type { Organization } from '../../lib/organizations';

export function organizationColumns(opts: {
  districtName: (code: string | null) => string;
  onEdit?: (o: Organization) => void;
}): TableColumnsType<Organization> {
  // A sortable column's key is its sort key on the server (ORGANIZATION_SORT_KEYS).
  const cols: TableColumnsType<Organization> = [
    { title: '单位名称', dataIndex: 'name', key: 'name', sorter: true, ellipsis: true },
    { title: '组织类别', dataIndex: 'kindLabel', key: 'kind', sorter: true, width: 150 },
    {
      title: '单位类型',
      dataIndex: 'hostKindLabel',
      key: 'hostKind',
      sorter: true,
      width: 150,
      ellipsis: true,
      render: (v) => v ?? '—',
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 180, render: (v) => v ?? '—' },
    {
      title: '所在区',
      dataIndex: 'districtCode',
      key: 'district',
      sorter: true,
      width: 100,
      render: (v: string | null) => opts.districtName(v),
    },
    { title: '联系人', dataIndex: 'contactName', width: 90, render: (v) => v ?? '—' },
    { title: '联系电话', dataIndex: 'contactPhone', width: 130, ellipsis: true, render: (v) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'isActive',
      key: 'status',
      sorter: true,
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
    },
  ];
  const onEdit = opts.onEdit;
  if (onEdit) {
    cols.push({
      title: '操作',
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_, o) =>
        o.kind === 'host' ? (
          <Button type="link" size="small" onClick={() => onEdit(o)} aria-label={`编辑 ${o.name}`}>
            编辑
          </Button>
        ) : null,
    });
  }
  return cols;
}
