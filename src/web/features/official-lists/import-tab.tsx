// 导入名单: say which list it is (kind, name, effective date), upload the Excel file, read the preview — bad rows,
// flags before → after, KPIs per station (第七条) — and confirm. Nothing is written before 确认导入, and the import is
// refused if the registry changed since the preview (then preview again).
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Progress, Select, Space, Spin, Steps, Upload } from 'antd';
import { useState } from 'react';
import type { OfficialListKind } from '../../../domain/official-lists/official-lists';
import { ExportButton } from '../../components/export-button';
import { dateProps } from '../../components/form-fields';
import { Result } from '../../components/result';
import { type ImportForm, type ImportOutcome, sendList, TEMPLATE_PATH, useAfterImport } from './api';
import { KIND_OPTIONS } from './format';
import { PreviewReport } from './preview-report';

const MAX_MB = 50;

interface FormValues {
  kind?: OfficialListKind;
  name?: string;
  effectiveOn?: string | null;
}

export function ImportTab({ onOpenList }: { onOpenList: (id: string) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const afterImport = useAfterImport();
  const [file, setFile] = useState<File | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState<{ action: 'check' | 'import'; percent: number } | null>(null);
  /** the preview, and the form it was made for */
  const [check, setCheck] = useState<(ImportOutcome & { form: ImportForm }) | null>(null);
  const [final, setFinal] = useState<ImportOutcome | null>(null);

  async function send(f: File, values: ImportForm, token?: string): Promise<ImportOutcome> {
    setBusy({ action: token ? 'import' : 'check', percent: 0 });
    try {
      return await sendList({
        file: f,
        form: values,
        token,
        onProgress: (percent) => setBusy((b) => b && { ...b, percent }),
      });
    } finally {
      setBusy(null);
    }
  }

  async function preview(f: File | null = file) {
    setFinal(null);
    setCheck(null);
    if (!f) return setPickError('请选择名单文件（.xlsx）');
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const v = { kind: values.kind!, name: values.name!.trim(), effectiveOn: values.effectiveOn! };
    setCheck({ ...(await send(f, v)), form: v });
  }

  function onPick(f: File) {
    setPickError(null);
    setFile(null);
    setCheck(null);
    setFinal(null);
    if (!f.name.toLowerCase().endsWith('.xlsx')) return setPickError(`“${f.name}”不是 Excel（.xlsx）文件`);
    if (f.size === 0) return setPickError(`“${f.name}”是空文件`);
    if (f.size > MAX_MB * 1024 * 1024) return setPickError(`“${f.name}”过大：最大 ${MAX_MB} MB`);
    setFile(f);
    void preview(f);
  }

  function reset() {
    form.resetFields();
    setFile(null);
    setCheck(null);
    setFinal(null);
    setPickError(null);
  }

  const report = check?.report ?? null;
  const ready = Boolean(report?.ok);
  const imported = final?.report ?? null;
  const step = imported ? 3 : ready ? 2 : file ? 1 : 0;

  function onConfirm() {
    if (!file || !check?.report) return;
    const r = check.report;
    const c = r.counts;
    modal.confirm({
      title: `导入“${r.name}”`,
      content: (
        <>
          <p style={{ marginTop: 0 }}>
            {r.kindLabel}，{r.effectiveOn} 起生效，共 {c.entries} 家企业：将更新 {c.changed} 家企业的标识，
            {c.stationsKpiChanged} 个站点的考核指标随之变化（第七条）。
          </p>
          <p style={{ marginBottom: 0 }}>
            名单只增加标识，不取消任何企业的标识；导入记入操作日志，每家企业的标识变更记入其变更历史。
          </p>
        </>
      ),
      okText: '确认导入',
      cancelText: '取消',
      onOk: async () => {
        const outcome = await send(file, check.form, r.token);
        setFinal(outcome);
        if (outcome.report) afterImport();
      },
    });
  }

  return (
    <>
      <Card size="small" title="下载导入模板" className="card-gap">
        <p style={{ marginTop: 0 }}>
          模板有“统一社会信用代码”“企业名称”两列；也可直接上传主管部门发布的名单，只要有一行列标题含这两列（前面可有标题行，“序号”等其他列会被忽略）。
        </p>
        <ExportButton path={TEMPLATE_PATH} label="下载导入模板" />
      </Card>
      <Card size="small" title="导入官方名单">
        <Steps
          size="small"
          current={step}
          style={{ maxWidth: 760, marginBottom: 16 }}
          items={[{ title: '名单信息与文件' }, { title: '预览' }, { title: '确认导入' }, { title: '完成' }]}
        />
        {!imported && (
          <>
            <Form<FormValues>
              form={form}
              layout="vertical"
              style={{ maxWidth: 560 }}
              disabled={busy !== null}
              onValuesChange={() => {
                // The preview was made for the form as it was: what is confirmed must be what was shown.
                setCheck(null);
              }}
            >
              <Form.Item name="kind" label="名单类型" rules={[{ required: true, message: '请选择名单类型' }]}>
                <Select placeholder="市级专精特新、国家级“小巨人”或企业科协" options={KIND_OPTIONS} />
              </Form.Item>
              <Form.Item
                name="name"
                label="名单名称"
                rules={[
                  { required: true, whitespace: true, message: '请填写名单名称' },
                  { min: 2, message: '名单名称至少 2 个字' },
                  { max: 100, message: '名单名称最多 100 字' },
                ]}
              >
                <Input placeholder="如：2025年度北京市专精特新中小企业名单（第一批）" maxLength={100} />
              </Form.Item>
              <Form.Item
                name="effectiveOn"
                label="生效日期"
                rules={[{ required: true, message: '请选择生效日期' }]}
                {...dateProps}
              >
                <DatePicker style={{ width: '100%' }} placeholder="名单公布或认定的日期" />
              </Form.Item>
            </Form>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              disabled={busy !== null}
              beforeUpload={(f) => {
                onPick(f);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">{file ? file.name : '点击选择或将名单文件拖到此处'}</p>
              <p className="ant-upload-hint">仅 Excel（.xlsx）；选择后先预览，不会写入</p>
            </Upload.Dragger>
            {file && !check && !busy && (
              <Button style={{ marginTop: 12 }} onClick={() => void preview()}>
                预览
              </Button>
            )}
          </>
        )}
        {pickError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={pickError} />}
        {busy && (
          <div style={{ marginTop: 12 }} aria-live="polite">
            <Progress percent={busy.percent} status="active" aria-label="上传进度" />
            {busy.percent === 100 && (
              <Spin size="small" description={busy.action === 'check' ? '正在预览…' : '正在导入，请勿关闭页面…'} />
            )}
          </div>
        )}
        <Verdict check={check} final={final} onPreviewAgain={() => void preview()} />
        {ready && !imported && (
          <Button type="primary" style={{ marginTop: 12 }} loading={busy?.action === 'import'} onClick={onConfirm}>
            确认导入
          </Button>
        )}
        {imported && (
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" onClick={() => imported.listId && onOpenList(imported.listId)}>
              查看名单中的企业
            </Button>
            <Button onClick={reset}>继续导入</Button>
          </Space>
        )}
        {(imported ?? report) && <PreviewReport report={(imported ?? report)!} />}
      </Card>
    </>
  );
}

/** Above the preview: the file or the import refused, the rows to correct, or what will happen. */
function Verdict({
  check,
  final,
  onPreviewAgain,
}: {
  check: ImportOutcome | null;
  final: ImportOutcome | null;
  onPreviewAgain: () => void;
}) {
  const o = final ?? check;
  if (!o) return null;
  const style = { marginTop: 12 };
  if (o.error) {
    const stale = final && o.error.status === 409;
    return (
      <Alert
        type="error"
        showIcon
        style={style}
        title={o.error.message}
        description={final ? '未导入任何内容。' : undefined}
        action={
          stale ? (
            <Button size="small" onClick={onPreviewAgain}>
              重新预览
            </Button>
          ) : undefined
        }
      />
    );
  }
  const r = o.report!;
  const c = r.counts;
  if (final) {
    return (
      <Result
        status="success"
        title={`已导入“${r.name}”`}
        subTitle={`更新 ${c.changed} 家企业的标识，${c.stationsKpiChanged} 个站点的考核指标已随之更新（第七条）`}
      />
    );
  }
  if (!r.ok) {
    const first = r.errors.slice(0, 6).map((p) => `第 ${p.row} 行：${p.message}`);
    return (
      <Alert
        type="error"
        showIcon
        style={style}
        title={`有 ${c.errors} 处问题，改正后重新上传；有问题时不导入名单中的任何企业`}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {first.map((t) => (
              <li key={t}>{t}</li>
            ))}
            {c.errors > first.length && <li>其余 {c.errors - first.length} 处见下方“有误的行”</li>}
          </ul>
        }
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      style={style}
      title={`预览通过：${c.entries} 家企业，将更新 ${c.changed} 家企业的标识，${c.stationsKpiChanged} 个站点的考核指标变化${c.warnings ? `；${c.warnings} 条提示请核对` : ''}`}
    />
  );
}
