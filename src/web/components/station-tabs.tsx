import { Link, useLocation } from 'react-router';
import { useCan } from '../lib/session-context';

/**
 * The sections of one station: overview, KPIs, its ledger, import/export. Each is its own route (and chunk), so the
 * sections are links, marked as the current page, in the look of a tab bar. antd's Tabs (with the Card it shares a
 * chunk with, 12 kB on the wire) came to every station page a host opens on a phone only to draw this line (issue 16).
 */
export function StationTabs({ stationId }: { stationId: string }) {
  const can = useCan();
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
    <nav aria-label="站点功能" className="station-tabs">
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link to={i.key} aria-current={i.key === active ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
