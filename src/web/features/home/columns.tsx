import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Station } from '../../lib/stations';

export function homeStationColumns(withDistrict: boolean): TableColumnsType<Station> {
  const cols: TableColumnsType<Station> = [
    {
      title: '站点名称',
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, s) => <Link to={`/stations/${s.id}`}>{name}</Link>,
    },
    { title: '依托单位', dataIndex: 'hostName', ellipsis: true },
    { title: '项目负责人', dataIndex: 'leaderName', width: 110 },
    { title: '执行期', key: 'period', width: 210, render: (_, s) => `${s.periodStart} 至 ${s.periodEnd}` },
  ];
  if (withDistrict) {
    cols.unshift({
      title: '所在区',
      dataIndex: 'districtName',
      width: 150,
      render: (v: string | null, s) => v ?? s.districtCode ?? '—',
    });
  }
  return cols;
}
