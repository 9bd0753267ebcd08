import { Switch } from 'antd';

/** 仅看逾期 on the 问题清单 and 追回经费 tabs: on is `overdue=true` in the address, off removes it. */
export function OverdueSwitch({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (v: 'true' | undefined) => void;
}) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <Switch aria-label="仅看逾期" checked={value === 'true'} onChange={(on) => onChange(on ? 'true' : undefined)} />
      仅看逾期
    </span>
  );
}
