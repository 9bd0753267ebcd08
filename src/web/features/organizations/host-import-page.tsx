// 依托单位批量导入 (issue #10 §3): download the template, upload the filled file, see every problem at once in the
// preview, correct and upload again, then confirm “将导入 N 个依托单位”. Nothing is written until the confirmation.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Segmented, Space, Spin, Steps, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { HOST_IMPORT_COLUMNS } from '../../../shared/schemas/host-import';
import { Breadcrumb } from '../../components/breadcrumb';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { HOST_TEMPLATE_PATH, type HostImportOutcome, sendHostFile, useAfterHostImport } from './host-import-api';
import { hostPreviewColumns, PREVIEW_SCROLL_X, type PreviewRow, previewRows } from './host-import-columns';

type Show = 'all' | 'error' | 'create' | 'skip';
const MAX_MB = 50;
const required = HOST_IMPORT_COLUMNS.filter((c) => c.required).map((c) => `“${c.header}”`);

export default function HostImportPage() {
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const afterImport = useAfterHostImport();
  const [file, setFile] = useState<File | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState<{ action: 'check' | 'import'; percent: number } | null>(null);
  const [check, setCheck] = useState<HostImportOutcome | null>(null);
  const [final, setFinal] = useState<HostImportOutcome | null>(null);
  const [show, setShow] = useState<Show>('all');

  async function send(f: File, dryRun: boolean): Promise<HostImportOutcome> {
    setBusy({ action: dryRun ? 'check' : 'import', percent: 0 });
    try {
      return await sendHostFile(f, { dryRun, onProgress: (percent) => setBusy((b) => b && { ...b, percent }) });
    } finally {
      setBusy(null);
    }
  }

  function reset() {
    setFile(null);
    setCheck(null);
    setFinal(null);
    setShow('all');
    setPickError(null);
  }

  async function onPick(f: File) {
    reset();
    if (!f.name.toLowerCase().endsWith('.xlsx')) return setPickError(`“${f.name}”不是 Excel（.xlsx）文件`);
    if (f.size === 0) return setPickError(`“${f.name}”是空文件`);
    if (f.size > MAX_MB * 1024 * 1024) return setPickError(`“${f.name}”过大：最大 ${MAX_MB} MB`);
    setFile(f);
    setCheck(await send(f, true));
  }

  const report = final?.report ?? check?.report ?? null;
  const rows = useMemo(() => (report ? previewRows(report) : []), [report]);
  const shown = show === 'all' ? rows : rows.filter((r: PreviewRow) => r.status === show);
  const ready = Boolean(check?.report?.ok && check.report.toCreate > 0);
  const done = Boolean(final?.report?.created);
  const step = done ? 3 : ready ? 2 : file ? 1 : 0;

  function onConfirm() {
    if (!file || !check?.report) return;
    const { toCreate, toSkip } = check.report;
    modal.confirm({
      title: `将导入 ${toCreate} 个依托单位`,
      content: `${toSkip ? `另有 ${toSkip} 个已登记的单位将跳过。` : ''}导入后可在“组织”列表中查看和修改；每个单位的创建都记入操作日志。`,
      okText: '确认导入',
      cancelText: '取消',
      onOk: async () => {
        const outcome = await send(file, false);
        setFinal(outcome);
        if (outcome.report) afterImport();
      },
    });
  }

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/organizations">组织</Link> }, { title: '依托单位批量导入' }]}
      />
      <PageHeader title="依托单位批量导入" subtitle="第六条：按模板填写依托单位，上传后先预览，确认后一次导入" />
      <Card size="small" title="下载导入模板" className="card-gap">
        <p style={{ marginTop: 0 }}>
          每行一个依托单位；{required.join('、')}
          必填，单位类型和所在区从下拉列表中选择。已登记的单位（信用代码和名称都相同）会跳过，不会重复创建。
        </p>
        <ExportButton path={HOST_TEMPLATE_PATH} label="下载导入模板" />
      </Card>
      <Card size="small" title="上传并导入">
        <Steps
          size="small"
          current={step}
          style={{ maxWidth: 760, marginBottom: 16 }}
          items={[{ title: '选择文件' }, { title: '预览' }, { title: '确认导入' }, { title: '完成' }]}
        />
        {!done && (
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            disabled={busy !== null}
            beforeUpload={(f) => {
              void onPick(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{file ? file.name : '点击选择或将填好的模板拖到此处'}</p>
            <p className="ant-upload-hint">仅 Excel（.xlsx）；选择后先预览，不会写入</p>
          </Upload.Dragger>
        )}
        {pickError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={pickError} />}
        {busy && (
          <div style={{ marginTop: 12 }} aria-live="polite">
            <Progress percent={busy.percent} status="active" aria-label="上传进度" />
            {busy.percent === 100 && (
              <Spin size="small" description={busy.action === 'check' ? '正在校验…' : '正在导入，请勿关闭页面…'} />
            )}
          </div>
        )}
        <Outcome check={check} final={final} />
        {ready && !done && (
          <Button type="primary" style={{ marginTop: 12 }} loading={busy?.action === 'import'} onClick={onConfirm}>
            导入 {check?.report?.toCreate} 个依托单位
          </Button>
        )}
        {done && (
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" onClick={() => navigate('/organizations')}>
              查看组织列表
            </Button>
            <Button onClick={reset}>继续导入</Button>
          </Space>
        )}
        {report && rows.length > 0 && (
          <>
            <div style={{ margin: '16px 0 8px' }}>
              <Segmented<Show>
                value={show}
                onChange={setShow}
                options={[
                  { value: 'all', label: `全部 ${rows.length}` },
                  { value: 'error', label: `有误 ${report.errorRows}` },
                  { value: 'create', label: `${done ? '已导入' : '将导入'} ${report.toCreate}` },
                  { value: 'skip', label: `跳过 ${report.toSkip}` },
                ]}
              />
            </div>
            <DataTable<PreviewRow>
              rowKey="row"
              size="small"
              aria-label="导入预览"
              columns={hostPreviewColumns({ done })}
              dataSource={shown}
              localPaging={shown.length > 20}
              emptyText="没有这类行"
              scroll={{ x: PREVIEW_SCROLL_X }}
            />
          </>
        )}
      </Card>
    </>
  );
}

/** The verdict above the table: the file refused as a whole, the problems to correct, or what will happen. */
function Outcome({ check, final }: { check: HostImportOutcome | null; final: HostImportOutcome | null }) {
  const o = final ?? check;
  if (!o) return null;
  const style = { marginTop: 12 };
  if (o.error) {
    return (
      <Alert
        type="error"
        showIcon
        style={style}
        title={o.error.message}
        description={final ? '未导入任何依托单位。' : undefined}
      />
    );
  }
  const r = o.report!;
  if (final)
    return (
      <Result
        status="success"
        title={`已导入 ${r.created} 个依托单位`}
        subTitle={r.toSkip ? `${r.toSkip} 个已登记的单位已跳过` : undefined}
      />
    );
  if (!r.ok) {
    const first = r.problems.slice(0, 8).map((p) => `第 ${p.row} 行“${p.column}”：${p.message}`);
    return (
      <Alert
        type="error"
        showIcon
        style={style}
        title={`有 ${r.problems.length} 处问题（${r.errorRows} 行），改正后重新上传；有问题时不会导入任何单位`}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {first.map((t) => (
              <li key={t}>{t}</li>
            ))}
            {r.problems.length > first.length && <li>其余 {r.problems.length - first.length} 处见下表</li>}
          </ul>
        }
      />
    );
  }
  if (!r.toCreate)
    return <Alert type="info" showIcon style={style} title={`文件中的 ${r.total} 个单位均已登记，无需导入`} />;
  return (
    <Alert
      type="success"
      showIcon
      style={style}
      title={`预览通过：将导入 ${r.toCreate} 个依托单位${r.toSkip ? `，${r.toSkip} 个已登记的单位将跳过` : ''}`}
    />
  );
}
