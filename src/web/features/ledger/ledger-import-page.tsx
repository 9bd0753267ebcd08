// 台账导入导出: download the template or the station's ledger; import an Excel or JSON ledger — a dry run first (the
// validation report), then the import itself, all or nothing, replacing the existing records only when asked to.
import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Progress,
  Result,
  Space,
  Spin,
  Steps,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RECORD_KIND_LABELS, RECORD_KINDS } from '../../../shared/schemas/ledger-records';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
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
import { ImportOutcomeView, type Picked } from './import-report';
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

  async function send(p: Picked, dryRun: boolean): Promise<ImportOutcome> {
    setBusy({ action: dryRun ? 'check' : 'import', percent: 0 });
    const opts = { replace, dryRun, onProgress: (percent: number) => setBusy((b) => b && { ...b, percent }) };
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
    setCheck(await send(p, true));
  }

  async function doImport() {
    if (!picked) return;
    const outcome = await send(picked, false);
    setFinal(outcome);
    if (outcome.report?.ok && !outcome.error) invalidate();
  }

  function onConfirm() {
    if (!replace || total === 0) return void doImport();
    modal.confirm({
      title: '替换现有台账？',
      width: 560,
      content: (
        <>
          <p>
            将先删除该站点现有的全部 {total} 条台账记录（
            {RECORD_KINDS.filter((k) => existing.totals[k] > 0)
              .map((k) => `${RECORD_KIND_LABELS[k]} ${existing.totals[k]} 条`)
              .join('，')}
            ），再写入“{picked?.file.name}”中的记录。此操作不可撤销。
          </p>
          <p style={{ marginBottom: 0 }}>
            台账交换格式不包含以下信息，替换后将不再保留：需求的匹配、对接、解决步骤，联系走访的参与人员，专家的职称、电话、身份证号和银行账号，活动地点，已上传的佐证文件和
            Word 报告原文件。建议先“导出现有台账”备份。
          </p>
        </>
      ),
      okText: '删除现有记录并导入',
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
            type={total > 0 ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              existing.pending
                ? '正在统计该站点现有的台账记录…'
                : total > 0
                  ? `该站点现有台账记录 ${total} 条：导入时须勾选“替换现有台账”，现有记录将被删除后再写入导入文件中的记录`
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
        {check && !final && <ImportOutcomeView outcome={check} source={source} dryRun picked={picked} />}
        {final && <ImportOutcomeView outcome={final} source={source} picked={picked} />}
        {checkedOk && !done && (
          <div style={{ marginTop: 16, display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
            <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
              替换现有台账（删除该站点现有的全部台账记录后导入）
            </Checkbox>
            <Button
              type="primary"
              loading={busy?.action === 'import'}
              disabled={total > 0 && !replace}
              onClick={onConfirm}
            >
              确认导入
            </Button>
            {total > 0 && !replace && (
              <span style={{ color: '#d46b08' }}>该站点已有台账记录：请勾选“替换现有台账”后导入</span>
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
