// 台账导入导出: download the template or the station's ledger; import an Excel or JSON ledger — a dry run first (the
// validation report and the plan per sheet), then the import itself, all or nothing. Import merges by natural keys
// (issue #13): nothing already attached is detached. Replace, which also deletes what the file no longer lists, is a
// separate choice with its own preview of exactly what it deletes and its own confirmation.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Radio, Space, Spin, Steps, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RECORD_KINDS } from '../../../shared/record-kinds';
import { Breadcrumb } from '../../components/breadcrumb';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { StationTabs } from '../../components/station-tabs';
import { checkFile } from '../../lib/files';
import { typeColor, useStation } from '../../lib/stations';
import {
  type ImportOutcome,
  importLedgerJson,
  importLedgerXlsx,
  ledgerJsonPath,
  ledgerXlsxPath,
  stationTemplatePath,
  templatePath,
  useInvalidateLedger,
  useLedgerTotals,
} from './api';
import { describePlan, ImportOutcomeView, type Picked } from './import-report';
import { parseLedgerJson } from './ledger-helpers';

export default function LedgerImportPage() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const station = useStation(id);
  const existing = useLedgerTotals(id);
  const invalidate = useInvalidateLedger(id);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState<{ action: 'check' | 'import'; percent: number } | null>(null);
  const [check, setCheck] = useState<ImportOutcome | null>(null);
  const [final, setFinal] = useState<ImportOutcome | null>(null);
  const [replace, setReplace] = useState(false);

  if (station.isPending) return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (station.isError) {
    return (
      <Result
        status="404"
        title={<h2 className="result-title">工作站点不存在或您无权查看</h2>}
        extra={<Button onClick={() => navigate('/stations')}>返回工作站点列表</Button>}
      />
    );
  }
  const s = station.data;
  const total = RECORD_KINDS.reduce((n, k) => n + existing.totals[k], 0);

  async function send(
    p: Picked,
    { dryRun, asReplace }: { dryRun: boolean; asReplace: boolean },
  ): Promise<ImportOutcome> {
    setBusy({ action: dryRun ? 'check' : 'import', percent: 0 });
    const opts = {
      replace: asReplace,
      dryRun,
      // The import writes the plan the user saw, or nothing (409 when the ledger changed since the preview).
      expectedVersion: dryRun ? undefined : (check?.report?.ledgerVersion ?? undefined),
      onProgress: (percent: number) => setBusy((b) => b && { ...b, percent }),
    };
    try {
      return p.source === 'xlsx'
        ? await importLedgerXlsx(s.id, p.file, opts)
        : await importLedgerJson(s.id, p.ledger, opts);
    } finally {
      setBusy(null);
    }
  }

  async function onPick(file: File) {
    setPicked(null);
    setCheck(null);
    setFinal(null);
    setPickError(null);
    const problem = checkFile(file, ['.xlsx', '.json']);
    if (problem) return setPickError(problem);
    let p: Picked = { file, source: 'xlsx' };
    if (file.name.toLowerCase().endsWith('.json')) {
      const parsed = parseLedgerJson(await file.text());
      if (!parsed.ok) return setPickError(`“${file.name}”${parsed.message}`);
      p = { file, source: 'json', ledger: parsed.value };
    }
    setPicked(p);
    setCheck(await send(p, { dryRun: true, asReplace: replace }));
  }

  /** Switching between merge and replace previews again: the two plans differ. */
  async function onMode(next: boolean) {
    setReplace(next);
    setFinal(null);
    if (picked) setCheck(await send(picked, { dryRun: true, asReplace: next }));
  }

  async function doImport() {
    if (!picked) return;
    const outcome = await send(picked, { dryRun: false, asReplace: replace });
    setFinal(outcome);
    if (outcome.report?.ok && !outcome.error) invalidate();
  }

  function onConfirm() {
    const plan = check?.report?.plan ?? [];
    const losses = check?.report?.losses;
    if (!replace) {
      return void modal.confirm({
        title: '确认合并导入？',
        content: `${describePlan(plan, false)}。文件中没有的现有记录保留不动，已上传的佐证文件和凭证不受影响。`,
        okText: '确认导入',
        cancelText: '取消',
        onOk: doImport,
      });
    }
    modal.confirm({
      title: '替换现有台账？',
      width: 600,
      content: (
        <>
          <p>
            {describePlan(plan, true)}。将删除导入文件中没有的 {losses?.records ?? 0} 条记录，连同已上传的佐证文件{' '}
            {losses?.files ?? 0} 个、支出凭证 {losses?.vouchers ?? 0} 张，此操作不可撤销（原台账会留档备查）。
          </p>
          <p style={{ marginBottom: 0 }}>
            文件中有的记录按编号等自然键原地更新，其文件和凭证保留。如只想补录或更正，请改用“合并导入”。
          </p>
        </>
      ),
      okText: '删除并替换',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: doImport,
    });
  }

  const checkedOk = Boolean(check?.report?.ok && !check.error);
  const done = Boolean(final?.report?.ok && !final.error);
  const step = done ? 3 : checkedOk ? 2 : picked ? 1 : 0;
  const source = picked?.source ?? 'xlsx';

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">工作站点</Link> },
          { title: <Link to={`/stations/${s.id}`}>{s.name}</Link> },
          { title: '台账导入导出' },
        ]}
      />
      <PageHeader
        title={s.name}
        subtitle={
          <>
            <Tag color={typeColor[s.type]}>{s.typeLabel}</Tag> {s.programYear} 年度
          </>
        }
      />
      <StationTabs stationId={s.id} />
      <Card size="small" title="下载模板与现有台账" className="card-gap">
        <p style={{ marginTop: 0 }}>
          导入模板每类记录一个工作表，代码列带下拉选项；按模板填写后在下方导入。导出的台账可直接修改后重新导入。
        </p>
        <Space wrap>
          <ExportButton path={stationTemplatePath(s.id)} label="下载本站点导入模板" />
          <ExportButton path={templatePath(s.programYear)} label={`${s.programYear} 年度空白模板`} />
          <ExportButton path={ledgerXlsxPath(s.id)} label="导出现有台账（Excel）" />
          <ExportButton path={ledgerJsonPath(s.id)} label="导出现有台账（JSON）" />
        </Space>
      </Card>
      <Card size="small" title="导入台账">
        <Steps
          size="small"
          current={step}
          style={{ maxWidth: 760, marginBottom: 16 }}
          items={[{ title: '选择文件' }, { title: '校验' }, { title: '确认导入' }, { title: '完成' }]}
        />
        {!done && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              existing.pending
                ? '正在统计该站点现有的台账记录…'
                : total > 0
                  ? `该站点现有台账记录 ${total} 条。默认“合并导入”：按企业信用代码、记录编号（A3、D12、X7 等）匹配，新增新记录、更新有改动的记录，文件中没有的记录保留；已上传的文件和凭证不受影响`
                  : '该站点尚无台账记录，校验通过后可直接导入'
            }
          />
        )}
        <Upload.Dragger
          accept=".xlsx,.json"
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
          <p className="ant-upload-text">{picked ? picked.file.name : '点击选择或将台账文件拖到此处'}</p>
          <p className="ant-upload-hint">
            Excel（.xlsx，按导入模板）或 JSON（qianqi-ledger/1）；选择后先校验，不会写入
          </p>
        </Upload.Dragger>
        {pickError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={pickError} />}
        {busy && (
          <div style={{ marginTop: 12 }} aria-live="polite">
            <Progress percent={busy.percent} status="active" aria-label="上传进度" />
            {busy.percent === 100 && (
              <Spin
                size="small"
                description={busy.action === 'check' ? '服务器正在校验台账…' : '正在写入台账，请勿关闭页面…'}
              />
            )}
          </div>
        )}
        {check && !final && (
          <ImportOutcomeView outcome={check} source={source} dryRun replace={replace} picked={picked} />
        )}
        {final && <ImportOutcomeView outcome={final} source={source} replace={replace} picked={picked} />}
        {final?.error?.status === 409 && (
          <Button style={{ marginTop: 12 }} onClick={() => picked && void onPick(picked.file)}>
            重新校验
          </Button>
        )}
        {picked && !done && (
          <div style={{ marginTop: 16, display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
            <Radio.Group
              aria-label="导入方式"
              value={replace ? 'replace' : 'merge'}
              disabled={busy !== null}
              onChange={(e) => void onMode(e.target.value === 'replace')}
              options={[
                { value: 'merge', label: '合并导入（推荐）' },
                { value: 'replace', label: '替换现有台账（删除文件中没有的记录）' },
              ]}
            />
            {checkedOk && (
              <Button
                type="primary"
                danger={replace}
                loading={busy?.action === 'import'}
                disabled={busy !== null}
                onClick={onConfirm}
              >
                {replace ? '替换导入…' : '确认导入'}
              </Button>
            )}
          </div>
        )}
        {done && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => navigate(`/stations/${s.id}/ledger/enterprises`)}>
              查看台账记录
            </Button>
            <Button onClick={() => navigate(`/stations/${s.id}/kpis`)}>查看考核指标</Button>
          </Space>
        )}
      </Card>
    </>
  );
}
