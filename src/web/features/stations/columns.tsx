import { Button, Popconfirm, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { type Station, typeColor } from '../../lib/stations';

export function stationColumns(opts: {
  districtName: (code: string | null) => string;
  onEdit?: (s: Station) => void;
  onDelete?: (s: Station) => void;
}): TableColumnsType<Station> {
  const cols: TableColumnsType<Station> = [
    { title: '年度', dataIndex: 'programYear', key: 'year', width: 72, sorter: true },
    {
      title: '站点名称',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      ellipsis: true,
      render: (name: string, s) => <Link to={`/stations/${s.id}`}>{name}</Link>,
    },
    {
      title: '站点类型',
      dataIndex: 'typeLabel',
      width: 150,
      render: (v: string, s) => <Tag color={typeColor[s.type]}>{v}</Tag>,
    },
    {
      title: '所在区',
      dataIndex: 'districtCode',
      key: 'district',
      width: 92,
      sorter: true,
      render: (c: string | null) => opts.districtName(c),
    },
    { title: '依托单位', dataIndex: 'hostName', key: 'host', ellipsis: true, sorter: true },
    {
      title: '执行期',
      key: 'periodEnd',
      width: 206,
      sorter: true,
      render: (_, s) => `${s.periodStart} 至 ${s.periodEnd}`,
    },
    { title: '项目负责人', dataIndex: 'leaderName', width: 96 },
  ];
  const { onEdit, onDelete } = opts;
  if (onEdit && onDelete) {
    cols.push({
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(s)} aria-label={`编辑 ${s.name}`}>
            编辑
          </Button>
          {s.deleteRefusal ? (
            // Refused by the server anyway: say why instead of offering it (issue 14).
            <Tooltip title={s.deleteRefusal}>
              <Button type="link" size="small" disabled aria-label={`删除 ${s.name}（${s.deleteRefusal}）`}>
                删除
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title="删除工作站点"
              description={`确定删除“${s.name}”？删除后不可恢复。`}
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => onDelete(s)}
            >
              <Button type="link" size="small" danger aria-label={`删除 ${s.name}`}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }
  return cols;
}
