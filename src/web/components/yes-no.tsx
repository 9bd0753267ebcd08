import { Radio } from 'antd';

/** 是/否 as a radio pair. Apart from dateProps (form-fields.tsx), so that a form with dates only loads no Radio. */
export function YesNo({ value, onChange, id }: { value?: boolean; onChange?: (v: boolean) => void; id?: string }) {
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      options={[
        { value: true, label: '是' },
        { value: false, label: '否' },
      ]}
    />
  );
}
