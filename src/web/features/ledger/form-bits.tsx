// Small form pieces of the record forms: enum options, enterprise pickers, the date picker of past days.
import { AutoComplete, type DatePickerProps, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { INDUSTRIES } from '../../../domain/ledger/codes';
import { INDUSTRY_LABELS } from '../../../shared/labels';
import { useIsPhone } from '../../components/use-phone';
import { shanghaiDate } from '../../lib/format';
import { useRecordOptions } from '../../lib/ledger-records';

/** Options of an enum from its labels (shared/labels.ts), in the codes' order. */
export function labelOptions(codes: readonly string[], labels: Record<string, string>) {
  return codes.map((c) => ({ value: c, label: labels[c] ?? c }));
}

/** 行业 (issue #15): optional; matching compares the industries of a demand and of what may serve it. */
export function IndustrySelect(props: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  return (
    <Select
      id={props.id}
      allowClear
      placeholder="请选择行业（可不填）"
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={labelOptions(INDUSTRIES, INDUSTRY_LABELS)}
    />
  );
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
      // Enter takes the highlighted (first) match of the 名录, not the half-typed name.
      defaultActiveFirstOption
      placeholder="输入名称检索服务企业名录，或直接输入 18 位代码"
      allowClear
    />
  );
}

/** The option that adds a typed code: an explicit choice, never what Enter picks (see `EnterpriseUsccsSelect`). */
export const NEW_ENTERPRISE_PREFIX = '新增企业：';

/**
 * The options while `search` is typed: the matching enterprises of the 名录 first, then — only when the text is no
 * listed code — one option that adds the text itself as a code, labelled 新增企业：<text>.
 */
export function enterpriseSearchOptions(options: Array<{ value: string; label: string }>, search: string) {
  const q = search.trim();
  const matches = (q ? options.filter((o) => o.label.toLowerCase().includes(q.toLowerCase())) : options).slice(0, 50);
  const code = q.toUpperCase();
  if (!q || options.some((o) => o.value === code)) return { matches, options: matches };
  return { matches, options: [...matches, { value: code, label: `${NEW_ENTERPRISE_PREFIX}${code}` }] };
}

/**
 * Several USCCs, picked from the station's enterprises. Enter picks the highlighted match (the first one unless the
 * arrows moved); a code outside the 名录 is added only by choosing “新增企业：<code>” — Enter with no match does
 * nothing, so a half-typed name never becomes a tag.
 */
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
  const all = useEnterpriseOptions(stationId);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => enterpriseSearchOptions(all, search), [all, search]);
  return (
    <div
      // Capture runs before the select's own key handling: with no match in the 名录, Enter must not add the text.
      onKeyDownCapture={(e) => {
        if (e.key === 'Enter' && search.trim() && shown.matches.length === 0) {
          e.preventDefault();
          e.stopPropagation();
        }
      }}
    >
      <Select
        id={id}
        mode="multiple"
        value={value ?? []}
        onChange={(v: string[]) => onChange?.(v.map((x) => x.trim().toUpperCase()).filter(Boolean))}
        options={shown.options}
        showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch, autoClearSearchValue: true }}
        onSelect={() => setSearch('')}
        notFoundContent={all.length ? '名录中没有匹配的企业' : '本站点的服务企业名录为空'}
        placeholder="输入名称或代码检索服务企业名录；名录外的企业选择“新增企业：代码”"
        maxTagCount="responsive"
      />
    </div>
  );
}

const AntPastDatePicker = lazy(() => import('./past-date-picker'));

/**
 * A date of something that happened: the days after `today` (Beijing) cannot be picked. On a phone the browser's own
 * date input, whose calendar or wheel the phone draws: antd's DatePicker is 28 kB on the wire that a host recording an
 * event at the event would wait for (issue 16). Both take and give the form's dayjs value (`dateProps`).
 */
export function PastDatePicker({ today = shanghaiDate(), ...props }: DatePickerProps & { today?: string }) {
  const phone = useIsPhone();
  const { status } = Form.Item.useStatus();
  if (!phone) {
    return (
      <Suspense fallback={<input className="native-date" disabled aria-hidden />}>
        <AntPastDatePicker today={today} {...props} />
      </Suspense>
    );
  }
  const value = props.value && !Array.isArray(props.value) ? dayjs(props.value as dayjs.Dayjs) : null;
  return (
    <input
      type="date"
      id={props.id}
      className={status === 'error' ? 'native-date native-date-error' : 'native-date'}
      aria-invalid={status === 'error' || undefined}
      disabled={props.disabled === true}
      max={today}
      value={value?.isValid() ? value.format('YYYY-MM-DD') : ''}
      onChange={(e) => {
        const v = e.target.value ? dayjs(e.target.value) : null;
        (props.onChange as ((d: dayjs.Dayjs | null, s: string) => void) | undefined)?.(v, e.target.value);
      }}
    />
  );
}
