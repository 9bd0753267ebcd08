// The PC's date filter (see date-range-filter.tsx), a module of its own so that a phone never loads it.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { DateRange } from './date-range-filter';

export default function DateRangePicker({
  value,
  onChange,
  label,
}: {
  value: DateRange;
  onChange: (range: DateRange) => void;
  label: string;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      allowEmpty={[true, true]}
      value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
      onChange={(r) => onChange({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
    />
  );
}
