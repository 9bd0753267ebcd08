// The modal every record form shares: zod check with the route's own schema, save with the version, field errors
// from the server on their fields, and a stale-version (409) notice that keeps the user's typing.
import { Alert, App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  RECORD_KIND_LABELS,
  RECORD_SCHEMAS,
  type RecordDto,
  type RecordKind,
  type RecordListItem,
} from '../../../shared/schemas/ledger-records';
import { ApiError } from '../../lib/api';
import { applyApiError, applyIssues, validated, zodIssues } from '../../lib/form';
import { useSaveRecord } from './api';

export interface RecordFormProps<K extends RecordKind> {
  stationId: string;
  /** as its list shows it; a report's form loads the whole report first */
  record: RecordListItem<K> | RecordDto<K> | null;
  onClose: () => void;
}

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
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const save = useSaveRecord(stationId, kind);
  const [stale, setStale] = useState(false);
  const label = RECORD_KIND_LABELS[kind];

  async function onOk() {
    const values = await validated(form);
    if (!values) return;
    const parsed = RECORD_SCHEMAS[kind].safeParse(toInput(values));
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    try {
      // The schema's output goes as the body (the server parses it again); for a generic kind TypeScript cannot relate
      // that output to the body's input type.
      const data = parsed.data as never;
      const saved = await save.mutateAsync(
        record ? { id: record.id, version: record.version, record: data } : { record: data },
      );
      message.success(`已保存${label}“${nameOf(saved)}”`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(true);
      else applyApiError(form, e, 'record.');
    }
  }

  return (
    <Modal
      open
      title={record ? `编辑${label} · ${nameOf(record)}` : `新增${label}`}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ disabled: stale }}
      confirmLoading={save.isPending}
      width={width}
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
      <Form form={form} layout="vertical" initialValues={initialValues} scrollToFirstError>
        {children}
      </Form>
    </Modal>
  );
}

/** Two columns of fields. */
export function Grid({ children, columns = 2 }: { children: ReactNode; columns?: number }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: '0 16px' }}>
      {children}
    </div>
  );
}
