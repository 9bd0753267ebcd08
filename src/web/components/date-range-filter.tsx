// A list's date filter: from and to, either open. On a PC antd's RangePicker (its calendar is what office users
// know); on a phone the browser's own date inputs, whose wheel or calendar the phone draws itself. The RangePicker
// is 28 kB on the wire that a host recording events on a phone would otherwise wait for (issue 16), so it loads
// only on a PC.
import { lazy, Suspense } from 'react';
import { useIsPhone } from './use-phone';

export interface DateRange {
  /** YYYY-MM-DD, or undefined for open */
  from?: string;
  to?: string;
}

const RangePicker = lazy(() => import('./date-range-picker'));

export function DateRangeFilter({
  value,
  onChange,
  label = '日期范围',
}: {
  value: DateRange;
  onChange: (range: DateRange) => void;
  label?: string;
}) {
  const phone = useIsPhone();
  if (!phone) {
    return (
      <Suspense fallback={<span className="date-range-placeholder" />}>
        <RangePicker value={value} onChange={onChange} label={label} />
      </Suspense>
    );
  }
  // An emptied input answers ''; the filter then is open on that side.
  return (
    // A group, not a fieldset: a fieldset's legend would take a line of a phone's width.
    <div role="group" aria-label={label} className="date-range-native">
      <input
        type="date"
        aria-label="开始日期"
        value={value.from ?? ''}
        max={value.to}
        onChange={(e) => onChange({ ...value, from: e.target.value || undefined })}
      />
      <span aria-hidden>至</span>
      <input
        type="date"
        aria-label="结束日期"
        value={value.to ?? ''}
        min={value.from}
        onChange={(e) => onChange({ ...value, to: e.target.value || undefined })}
      />
    </div>
  );
}
