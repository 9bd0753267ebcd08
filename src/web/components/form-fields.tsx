// Dates of a form kept as YYYY-MM-DD text. (是/否 is YesNo, in yes-no.tsx.)
import dayjs, { type Dayjs } from 'dayjs';

/** A DatePicker bound to a `YYYY-MM-DD` string field. */
export const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};
