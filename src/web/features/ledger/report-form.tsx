// 报告: typed (with a live 字数 as Word counts it, the measure of 第七条/第八条 “不少于 2000 字”) or uploaded as .docx, whose
// text the server extracts and counts.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Modal, Progress, Select, Spin, Typography, Upload } from 'antd';
import { useDeferredValue, useState } from 'react';
import { REPORT_KINDS } from '../../../domain/ledger/codes';
import { wordCount } from '../../../domain/word-count';
import { REPORT_KIND_LABELS } from '../../../shared/labels';
import { reportRecordSchema } from '../../../shared/schemas/ledger-records';
import { dateProps } from '../../components/form-fields';
import { useIsPhone } from '../../components/use-phone';
import { ApiError } from '../../lib/api';
import { checkFile } from '../../lib/files';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { type ReportRecord, uploadReportDocx, useInvalidateLedger, useRecord } from './api';
import { labelOptions, PastDatePicker } from './form-bits';
import { Grid, type RecordFormProps, RecordModal } from './record-modal';

const shape = reportRecordSchema.shape;
const kindOptions = labelOptions(REPORT_KINDS, REPORT_KIND_LABELS);

function LiveCount({ text }: { text: string | undefined }) {
  const deferred = useDeferredValue(text ?? '');
  return (
    <Typography.Text type="secondary" aria-live="polite">
      当前字数：<Typography.Text strong>{wordCount(deferred).toLocaleString('zh-CN')}</Typography.Text>
      （按 Word 的字数统计规则：每个汉字、中文标点计 1 字，连续的英文或数字计 1 字）
    </Typography.Text>
  );
}

/** Editing loads the whole report first: the list carries only an excerpt of its text. */
export function ReportForm(p: RecordFormProps<'reports'>) {
  const full = useRecord(p.stationId, 'reports', p.record?.id);
  if (p.record && !full.data) {
    return (
      <Modal open title="编辑报告" footer={null} onCancel={p.onClose}>
        {full.isError ? (
          <Alert type="error" showIcon title="无法加载报告" description={full.error.message} />
        ) : (
          <Spin description="正在加载报告正文…" style={{ display: 'block', margin: '40px auto' }} />
        )}
      </Modal>
    );
  }
  return <ReportFormInner {...p} record={p.record ? (full.data ?? null) : null} />;
}

function ReportFormInner(p: Omit<RecordFormProps<'reports'>, 'record'> & { record: ReportRecord | null }) {
  const [form] = Form.useForm();
  const text = Form.useWatch('text', form) as string | undefined;
  return (
    <RecordModal
      {...p}
      kind="reports"
      form={form}
      width={880}
      nameOf={(r) => r.title}
      initialValues={
        p.record
          ? { kind: p.record.kind, title: p.record.title, submittedOn: p.record.submittedOn, text: p.record.text }
          : { kind: 'summary', text: '' }
      }
      toInput={(v) => ({ ...v, text: v.text ?? '' })}
    >
      <Grid columns={3}>
        <Form.Item name="kind" label="报告类型" required rules={[zodRule(shape.kind, null)]}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="title" label="报告标题" required rules={[zodRule(shape.title)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="submittedOn" label="提交日期" rules={[zodRule(shape.submittedOn, null)]} {...dateProps}>
          <PastDatePicker />
        </Form.Item>
      </Grid>
      <Form.Item
        name="text"
        label="报告正文"
        rules={[zodRule(shape.text, '')]}
        extra={<LiveCount text={text} />}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea rows={14} placeholder="可直接粘贴 Word 中的正文" />
      </Form.Item>
      {p.record?.attachmentId && (
        <Alert type="info" showIcon title="该报告由 Word 文件上传：修改此处正文只改变记录的正文与字数，不改变原文件" />
      )}
    </RecordModal>
  );
}

function DocxPicker({ value, onChange, id }: { value?: File; onChange?: (f: File) => void; id?: string }) {
  return (
    <Upload.Dragger
      id={id}
      accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      maxCount={1}
      showUploadList={false}
      beforeUpload={(f) => {
        onChange?.(f);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text">{value ? value.name : '点击选择或将 .docx 文件拖到此处'}</p>
      {value && <p className="ant-upload-hint">点击可重新选择</p>}
    </Upload.Dragger>
  );
}

interface DocxValues {
  kind: ReportRecord['kind'];
  title: string;
  submittedOn?: string | null;
  file?: File;
}

/** 上传 Word 报告: the .docx goes as raw bytes; the server answers with the created report and its 字数. */
export function ReportDocxModal({ stationId, onClose }: { stationId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DocxValues>();
  const invalidate = useInvalidateLedger(stationId);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const phone = useIsPhone();

  async function onOk() {
    const v = await validated(form);
    if (!v?.file) return;
    setError(null);
    setPercent(0);
    try {
      const r = await uploadReportDocx({
        stationId,
        meta: { kind: v.kind, title: v.title.trim(), submittedOn: v.submittedOn ?? undefined },
        file: v.file,
        onProgress: setPercent,
      });
      invalidate();
      message.success(
        `已上传${REPORT_KIND_LABELS[r.kind] ?? '报告'}“${r.title}”，字数 ${r.wordCount.toLocaleString('zh-CN')}`,
      );
      onClose();
    } catch (e) {
      setPercent(null);
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '上传失败，请稍后重试');
    }
  }

  return (
    <Modal
      open
      title="上传 Word 报告"
      onOk={onOk}
      onCancel={onClose}
      okText="上传"
      cancelText="取消"
      confirmLoading={percent !== null}
      width={phone ? '100%' : 640}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<DocxValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'summary' }}
        onValuesChange={(changed: Partial<DocxValues>) => {
          // the file's name is a good first title
          if (changed.file && !form.getFieldValue('title')) {
            form.setFieldsValue({ title: changed.file.name.replace(/\.docx$/i, '') });
          }
        }}
      >
        <Form.Item
          name="file"
          label="Word 文件（.docx）"
          required
          rules={[
            {
              validator: async (_r, f: File | undefined) => {
                if (!f) throw new Error('请选择要上传的 .docx 文件');
                const problem = checkFile(f, ['.docx']);
                if (problem) throw new Error(problem);
              },
            },
          ]}
          extra="只支持 .docx（Word 2007 及以上）；旧版 .doc 请在 Word 中“另存为” .docx 后上传"
        >
          <DocxPicker />
        </Form.Item>
        <Grid>
          <Form.Item name="kind" label="报告类型" required rules={[zodRule(shape.kind, null)]}>
            <Select options={kindOptions} />
          </Form.Item>
          <Form.Item name="submittedOn" label="提交日期" {...dateProps}>
            <PastDatePicker />
          </Form.Item>
        </Grid>
        <Form.Item name="title" label="报告标题" required rules={[zodRule(shape.title)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {percent !== null && (
        <Progress
          percent={percent}
          status="active"
          format={(n) => (n === 100 ? '正在提取正文…' : `${n}%`)}
          aria-label="上传进度"
        />
      )}
    </Modal>
  );
}
