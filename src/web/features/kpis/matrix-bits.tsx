// The parts of the 考核看板 around its matrix: the station-type tabs (in the address), the year and district selects,
// and the legend of the pace colours.
import { Select, Space } from 'antd';
import type { KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { STATION_TYPES, type StationType } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { districtOptions, useDistricts } from '../../lib/districts';
import type { ProgramYearSummary } from '../../lib/program-years';
import type { MatrixFilters } from './api';
import { PACE_LEGEND, PACE_STATUS } from './format';

const muted = { color: 'rgba(0,0,0,0.55)' };
/** three full labels with their counts overflow a 390 px screen into a "more" menu that hides a tab */
const SHORT_TYPE_LABELS: Record<StationType, string> = { district_a: 'A类', district_b: 'B类', iur: '产学研' };

/**
 * The station type of the matrix, `?type=` in the address: each type is assessed on its own KPIs (第七条, 第八条),
 * so one tab per type shows only its columns. Without one in the address, the first type that has stations.
 * Choosing a tab pushes a history entry, so Back returns to the previous tab.
 */
export function useTypeParam(counts: Partial<Record<StationType, number>> | undefined) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('type');
  const fromAddress = STATION_TYPES.find((t) => t === raw);
  const type = fromAddress ?? STATION_TYPES.find((t) => (counts?.[t] ?? 0) > 0) ?? STATION_TYPES[0];
  const setType = (t: StationType) =>
    setParams((p) => {
      p.set('type', t);
      return p;
    });
  return { type, setType };
}

/** The element the type tabs control: the matrix (or the phone's cards) of the chosen type. */
export const TYPE_PANEL_ID = 'kpi-matrix-type-panel';
export const typeTabId = (t: StationType) => `kpi-matrix-type-${t}`;

/**
 * The station types as a tab bar (role tablist). antd's Tabs, with its overflow menu and the Card it shares a chunk
 * with, is 13 kB on the wire of a page that only needs this line (issue 16). As antd's did, the arrow keys (and Home,
 * End) move the focus and Enter or Space chooses: each choice is a history entry, so passing a tab adds none.
 */
export function TypeTabs({
  type,
  setType,
  counts,
  phone,
}: {
  type: StationType;
  setType: (t: StationType) => void;
  /** undefined until the matrix is loaded */
  counts: Partial<Record<StationType, number>> | undefined;
  phone: boolean;
}) {
  // A type the reader has no station of (a district account and the 产学研 stations) is no tab, unless it is chosen.
  const shown = counts ? STATION_TYPES.filter((t) => (counts[t] ?? 0) > 0 || t === type) : STATION_TYPES;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (!(e.key in to) || !tabs.length) return;
    e.preventDefault();
    tabs[(to[e.key] + tabs.length) % tabs.length].focus();
  };
  return (
    <div role="tablist" aria-label="站点类型" className="tab-bar" onKeyDown={onKeyDown}>
      {shown.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={typeTabId(t)}
          aria-controls={TYPE_PANEL_ID}
          aria-selected={t === type}
          tabIndex={t === type ? 0 : -1}
          onClick={() => t !== type && setType(t)}
        >
          {`${phone ? SHORT_TYPE_LABELS[t] : STATION_TYPE_LABELS[t]} ${counts?.[t] ?? '…'} 个`}
        </button>
      ))}
    </div>
  );
}

/** The year and (for an account that sees every district) district selects; the type is the tabs. */
export function MatrixFilterBar({
  filters,
  set,
  years,
  showDistricts,
}: {
  filters: MatrixFilters;
  set: (patch: Partial<MatrixFilters>) => void;
  years: ProgramYearSummary[] | undefined;
  showDistricts: boolean;
}) {
  const districts = useDistricts(filters.year, showDistricts && filters.year !== undefined);
  return (
    <div className="filter-bar">
      <Select
        aria-label="项目年度"
        style={{ width: 130 }}
        loading={!years}
        value={filters.year}
        onChange={(year) => set({ year })}
        options={(years ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` }))}
      />
      {showDistricts && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="所在区"
          placeholder="全部区"
          style={{ width: 180 }}
          value={filters.districtCode}
          onChange={(districtCode) => set({ districtCode })}
          options={districtOptions(districts.data)}
        />
      )}
    </div>
  );
}

export function PaceLegend() {
  return (
    <Space wrap size={[16, 4]} style={{ ...muted, fontSize: 12, margin: '4px 0 8px' }} aria-label="图例">
      <span>单元格为“实际/目标”，颜色按进度状态：</span>
      {PACE_LEGEND.map((p) => (
        <span key={p} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span
            style={{
              width: 14,
              height: 14,
              background: PACE_STATUS[p].cell.background,
              borderLeft: `3px solid ${PACE_STATUS[p].bar}`,
            }}
          />
          {PACE_STATUS[p].label}
        </span>
      ))}
      <span>
        <b style={{ color: 'rgba(0,0,0,0.88)' }}>▼ 加粗</b> 落后于项目期进度
      </span>
      <span>点击单元格查看明细</span>
    </Space>
  );
}
