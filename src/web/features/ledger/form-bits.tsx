// Small form pieces of the record forms: enum options, enterprise pickers.
import { AutoComplete, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useRecordOptions } from '../../lib/ledger-records';

/** Options of an enum from its labels (shared/labels.ts), in the codes' order. */
export function labelOptions(codes: readonly string[], labels: Record<string, string>) {
  return codes.map((c) => ({ value: c, label: labels[c] ?? c }));
}

const upper = (v: string | undefined) => v?.toUpperCase();
/** before the USCC check, so that an empty field asks for the code rather than complaining about its length */
export const usccRequired = { required: true, message: '请输入或选择企业的统一社会信用代码' };
/** normalize for USCC inputs: the check is on upper case, so show it that way */
export const usccNormalize = upper;

function useEnterpriseOptions(stationId: string) {
  const list = useRecordOptions(stationId, 'enterprises');
  return useMemo(
    () =>
      (list.data ?? []).map((e) => ({
        value: e.uscc,
        label: `${e.name}（${e.uscc}）`,
      })),
    [list.data],
  );
}

/**
 * A USCC typed or picked from the station's 服务企业名录: a record about an enterprise outside the list is allowed,
 * but does not count towards the district KPIs (its district cannot be confirmed).
 */
export function EnterpriseUsccInput({
  stationId,
  value,
  onChange,
  id,
}: {
  stationId: string;
  value?: string | null;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const options = useEnterpriseOptions(stationId);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (q ? options.filter((o) => o.label.toLowerCase().includes(q)) : options).slice(0, 50);
  }, [options, search]);
  return (
    <AutoComplete
      id={id}
      value={value ?? ''}
      options={shown}
      onSearch={setSearch}
      onChange={(v) => onChange?.(String(v ?? '').toUpperCase())}
      placeholder="输入名称检索服务企业名录，或直接输入 18 位代码"
      allowClear
    />
  );
}

/** Several USCCs: picked from the station's enterprises, or typed (Enter after each). */
export function EnterpriseUsccsSelect({
  stationId,
  value,
  onChange,
  id,
}: {
  stationId: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  const options = useEnterpriseOptions(stationId);
  return (
    <Select
      id={id}
      mode="tags"
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v.map((s) => s.trim().toUpperCase()).filter(Boolean))}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      tokenSeparators={[',', '，', ' ', '\n']}
      placeholder="从服务企业名录选择，或输入代码后按回车"
      maxTagCount="responsive"
    />
  );
}
