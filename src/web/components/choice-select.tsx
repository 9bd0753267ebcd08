// A single choice from a short list (a year, one of the host's stations). On a phone the browser's own select, whose
// wheel the phone draws; on a PC antd's Select, like the other filters. antd's Select (and its virtual list) is 20 kB
// on the wire, loaded here only on a PC (issue 16).
import { lazy, Suspense } from 'react';
import { useIsPhone } from './use-phone';

const AntSelect = lazy(() => import('./ant-select'));

export interface ChoiceSelectProps<V extends string | number> {
  label: string;
  value: V | undefined;
  options: Array<{ value: V; label: string }>;
  onChange: (value: V) => void;
  loading?: boolean;
  width: number;
  size?: 'small' | 'middle';
}

export function ChoiceSelect<V extends string | number>(props: ChoiceSelectProps<V>) {
  const phone = useIsPhone();
  const { label, value, options, onChange, loading, width, size } = props;
  if (!phone) {
    // No stand-in with the select's role while antd's loads: a test or a screen reader finds the one real control.
    return (
      <Suspense fallback={<span style={{ display: 'inline-block', width }} />}>
        <AntSelect
          aria-label={label}
          size={size}
          style={{ width }}
          loading={loading}
          value={value}
          onChange={(v) => onChange(v as V)}
          options={options}
        />
      </Suspense>
    );
  }
  return (
    <select
      className={size === 'small' ? 'native-select native-select-small' : 'native-select'}
      aria-label={label}
      aria-busy={loading || undefined}
      style={{ width, maxWidth: '100%' }}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => {
        const chosen = options.find((o) => String(o.value) === e.target.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {value === undefined && (
        <option value="" disabled>
          {loading ? '正在加载…' : '请选择'}
        </option>
      )}
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
