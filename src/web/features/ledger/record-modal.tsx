// The modal every record form shares: zod check with the route's own schema, the dates checked as the server checks
// them (record-dates.ts: none after today; outside the project period only after the user confirms that the record
// will not count), save with the version, field errors from the server on their fields, a stale-version (409) notice
// that keeps the user's typing, and — for a batch of records typed after the fact — 保存并继续新增.
import { Alert, App, Button, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type DatedSection,
  datedSection,
  defaultRecordDate,
  futureDateProblems,
  outsidePeriod,
  RECORD_DATE_FIELDS,
} from '../../../domain/ledger/record-dates';
import {
  RECORD_KIND_LABELS,
  RECORD_SCHEMAS,
  type RecordDto,
  type RecordKind,
  type RecordListItem,
} from '../../../shared/schemas/ledger-records';
import { useIsPhone } from '../../components/use-phone';
import { ApiError } from '../../lib/api';
import { useDiscardGuard } from '../../lib/discard-guard';
import { applyApiError, applyIssues, validated, zodIssues } from '../../lib/form';
import { shanghaiDate } from '../../lib/format';
import { useStation } from '../../lib/stations';
import { useSaveRecord } from './api';

export interface RecordFormProps<K extends RecordKind> {
  stationId: string;
  /** as its list shows it; a report's form loads the whole report first */
  record: RecordListItem<K> | RecordDto<K> | null;
  onClose: () => void;
}

/** The project period of the station (null while it loads) and today in Beijing. */
function useRecordDates(stationId: string) {
  const station = useStation(stationId);
  const s = station.data;
  return {
    today: shanghaiDate(),
    period: s ? { start: s.periodStart, end: s.periodEnd } : null,
  };
}

/**
 * What a new record starts with: the form's own values, and its date inside the period when the kind is counted by
 * date (today while the period runs, its last day once it has ended).
 */
export function newRecordValues(opts: {
  section: DatedSection | null;
  today: string;
  period: { start: string; end: string } | null;
  values: Record<string, unknown>;
}): Record<string, unknown> {
  const own = opts.section ? RECORD_DATE_FIELDS[opts.section][0] : undefined;
  if (!own?.counts) return opts.values;
  const date = opts.period ? defaultRecordDate({ today: opts.today, period: opts.period }) : opts.today;
  return { [own.field]: date, ...opts.values };
}

type SaveMode = 'close' | 'continue';

export function RecordModal<K extends RecordKind>({
  kind,
  stationId,
  record,
  onClose,
  form,
  initialValues,
  toInput = (v) => v,
  nameOf,
  width = 720,
  carryOver = [],
  children,
}: RecordFormProps<K> & {
  kind: K;
  // biome-ignore lint/suspicious/noExplicitAny: each form has its own value shape
  form: FormInstance<any>;
  initialValues: Record<string, unknown>;
  /** the form's values → the schema's input (nulls for empty optional fields, arrays …) */
  toInput?: (values: Record<string, unknown>) => unknown;
  /** a record's name for the title and the success message */
  nameOf: (r: RecordListItem<K> | RecordDto<K>) => string;
  width?: number;
  /** fields kept for the next record after 保存并继续新增, besides the record's date (the same visit's people …) */
  carryOver?: string[];
  children: ReactNode;
}) {
  const { message, modal } = App.useApp();
  const close = useDiscardGuard(form, onClose);
  const save = useSaveRecord(stationId, kind);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState<SaveMode | null>(null);
  const phone = useIsPhone();
  const label = RECORD_KIND_LABELS[kind];
  const section = datedSection(kind);
  const { today, period } = useRecordDates(stationId);
  // Taken once per opening: the form keeps its own values afterwards (and `resetFields` returns to these).
  const [initial] = useState(() =>
    record ? initialValues : newRecordValues({ section, today, period, values: initialValues }),
  );
  // Opened before the station had loaded: once its period is known, an untouched new date moves inside it.
  const dated = useRef(period !== null);
  useEffect(() => {
    if (dated.current || !period) return;
    dated.current = true;
    const own = section ? RECORD_DATE_FIELDS[section][0] : undefined;
    if (record || !own?.counts || form.isFieldTouched(own.field)) return;
    form.setFieldValue(own.field, defaultRecordDate({ today, period }));
  }, [period, record, section, form, today]);

  /** 第七条、第八条 count only records inside the project period: the user decides whether to keep such a one. */
  function confirmOutsidePeriod(input: Record<string, unknown>): Promise<boolean> {
    const notices = section && period ? outsidePeriod({ section, record: input, period }) : [];
    if (!notices.length) return Promise.resolve(true);
    return new Promise((resolve) => {
      modal.confirm({
        title: '该记录不计入考核指标',
        content: (
          <>
            {notices.map((n) => (
              <p key={n.path}>{n.message}</p>
            ))}
            <p>确定仍要保存吗？</p>
          </>
        ),
        okText: '仍然保存',
        cancelText: '返回修改',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  }

  async function submit(mode: SaveMode) {
    const values = await validated(form);
    if (!values) return;
    const parsed = RECORD_SCHEMAS[kind].safeParse(toInput(values));
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    const input = parsed.data as Record<string, unknown>;
    // The server refuses these too; the picker disables the days, a typed date still needs the check.
    const future = section ? futureDateProblems({ section, record: input, today }) : [];
    if (future.length) {
      applyIssues(form, future);
      return;
    }
    if (!(await confirmOutsidePeriod(input))) return;
    setSaving(mode);
    try {
      // The schema's output goes as the body (the server parses it again); for a generic kind TypeScript cannot relate
      // that output to the body's input type.
      const data = parsed.data as never;
      const saved = await save.mutateAsync(
        record ? { id: record.id, version: record.version, record: data } : { record: data },
      );
      if (mode === 'close') {
        message.success(`已保存${label}“${nameOf(saved)}”`);
        onClose();
        return;
      }
      // A fresh form for the next record of the batch, with what it likely shares with the last one.
      const dates = section ? RECORD_DATE_FIELDS[section].filter((f) => f.counts).map((f) => f.field) : [];
      const kept = Object.fromEntries([...dates, ...carryOver].map((f) => [f, values[f]]));
      form.resetFields();
      form.setFieldsValue(kept);
      message.success(`已保存${label}“${nameOf(saved)}”，请继续填写下一条`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(true);
      else applyApiError(form, e, 'record.');
    } finally {
      setSaving(null);
    }
  }

  const busy = saving !== null;
  return (
    <Modal
      open
      title={record ? `编辑${label} · ${nameOf(record)}` : `新增${label}`}
      onCancel={close}
      footer={[
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        !record && (
          <Button
            key="continue"
            disabled={stale || busy}
            loading={saving === 'continue'}
            onClick={() => submit('continue')}
          >
            保存并继续新增
          </Button>
        ),
        <Button
          key="save"
          type="primary"
          disabled={stale || saving === 'continue'}
          loading={saving === 'close'}
          onClick={() => submit('close')}
        >
          保存
        </Button>,
      ]}
      // On a phone the dialog takes the whole width, so that its buttons stay on the screen.
      width={phone ? '100%' : width}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该记录已被他人修改（或刚上传了佐证材料），本次修改未保存"
          description="列表已刷新。请先复制需要保留的内容，关闭后重新打开“编辑”，在最新内容上修改。"
        />
      )}
      {section && period && RECORD_DATE_FIELDS[section].some((f) => f.counts) && (
        <div style={{ marginBottom: 12, color: 'rgba(0,0,0,0.55)' }}>
          项目期 {period.start} 至 {period.end}：日期在项目期外的记录可以保存，但不计入考核指标（第七条、第八条）。
        </div>
      )}
      <Form form={form} layout="vertical" initialValues={initial} scrollToFirstError>
        {children}
      </Form>
    </Modal>
  );
}

/** Two columns of fields (one on a phone). */
export function Grid({ children, columns = 2 }: { children: ReactNode; columns?: number }) {
  const phone = useIsPhone();
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${phone ? 1 : columns}, minmax(0, 1fr))`,
        gap: '0 16px',
      }}
    >
      {children}
    </div>
  );
}
