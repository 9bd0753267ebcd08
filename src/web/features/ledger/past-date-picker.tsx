// The PC's date of something that happened (see PastDatePicker in form-bits.tsx), a module of its own so that a phone
// never loads antd's DatePicker.
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

export default function AntPastDatePicker({ today, ...props }: DatePickerProps & { today: string }) {
  return <DatePicker style={{ width: '100%' }} {...props} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />;
}
