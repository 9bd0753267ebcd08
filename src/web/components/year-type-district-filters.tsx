// The program year, station type and district selects of the year-wide pages (考核看板, 经费执行): the same labels,
// options and widths everywhere, so that a user (and a test) finds them the same way.
import { Select } from 'antd';
import { STATION_TYPES, type StationType } from '../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../shared/labels';
import { districtOptions, useDistricts } from '../lib/districts';
import { useProgramYears } from '../lib/program-years';

export interface YearTypeDistrict {
  year?: number;
  type?: StationType;
  districtCode?: string;
}

export function YearTypeDistrictFilters({
  filters,
  set,
  showDistricts,
}: {
  filters: YearTypeDistrict;
  set: (patch: Partial<YearTypeDistrict>) => void;
  /** only for an account that sees every district (a district filter would mean nothing to the others) */
  showDistricts: boolean;
}) {
  const years = useProgramYears();
  const districts = useDistricts(filters.year, showDistricts && filters.year !== undefined);
  return (
    <>
      <Select
        aria-label="项目年度"
        style={{ width: 130 }}
        loading={years.isPending}
        value={filters.year}
        onChange={(year) => set({ year })}
        options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` }))}
      />
      <Select
        allowClear
        aria-label="站点类型"
        placeholder="全部站点类型"
        style={{ width: 180 }}
        value={filters.type}
        onChange={(type) => set({ type })}
        options={STATION_TYPES.map((value) => ({ value, label: STATION_TYPE_LABELS[value] }))}
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
    </>
  );
}

/** The program year of a list that may also show every year (0 stands for 全部年度 in the select). */
export function YearOrAllSelect({
  value,
  onChange,
  years,
}: {
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  years: { year: number }[] | undefined;
}) {
  return (
    <Select
      aria-label="项目年度"
      style={{ width: 130 }}
      value={value ?? 0}
      onChange={(y) => onChange(y || undefined)}
      options={[
        { value: 0, label: '全部年度' },
        ...(years ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` })),
      ]}
    />
  );
}
