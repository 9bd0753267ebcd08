// Form pieces of many pages: dates kept as YYYY-MM-DD text, and 是/否 as a radio pair.
import { Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A DatePicker bound to a `YYYY-MM-DD` string field. */
export const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

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
