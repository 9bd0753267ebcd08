import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../lib/session-context';

/** The sections of one station: overview, KPIs, its ledger, import/export. Each is its own route (and chunk). */
export function StationTabs({ stationId }: { stationId: string }) {
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const base = `/stations/${stationId}`;
  const items = [
    { key: base, label: '概况' },
    ...(can('read:ledger')
      ? [
          { key: `${base}/kpis`, label: '考核指标' },
          { key: `${base}/ledger/enterprises`, label: '台账记录' },
          { key: `${base}/funds`, label: '经费' },
          { key: `${base}/supervision`, label: '监督检查' },
        ]
      : []),
    ...(can('import:ledger') ? [{ key: `${base}/import`, label: '台账导入导出' }] : []),
  ];
  const active =
    items
      .map((i) => i.key)
      .filter((k) => pathname === k || (k !== base && pathname.startsWith(k.replace(/\/enterprises$/, ''))))
      .pop() ?? base;
  return (
    <Tabs
      activeKey={active}
      items={items}
      onChange={(key) => navigate(key)}
      style={{ marginBottom: 8 }}
      aria-label="站点功能"
    />
  );
}
