// The validation report of a ledger import: where each problem is (sheet/row/column for Excel, the record for JSON)
// and what it is; and the counts of what was (or will be) imported.
import { Alert, type TableColumnsType } from 'antd';
import type {
  ImportLossDto as ImportLoss,
  ImportProblemDto as ImportProblem,
  ImportReportDto as ImportReport,
  ImportSheetPlanDto as ImportSheetPlan,
} from '../../../shared/schemas/ledger';
import { DataTable } from '../../components/data-table';
import type { ImportOutcome } from './api';
import { describeCounts, describeLedgerPath, ledgerArrayCounts } from './ledger-helpers';

export interface Picked {
  file: File;
  source: 'xlsx' | 'json';
  /** the parsed JSON ledger */
  ledger?: unknown;
}

type Row = ImportProblem & { key: number };

export function ProblemTable({
  problems,
  source,
  label,
}: {
  problems: ImportProblem[];
  source: 'xlsx' | 'json';
  label: string;
}) {
  const rows: Row[] = problems.map((p, key) => ({ ...p, key }));
  const where = (p: ImportProblem) => describeLedgerPath(p.path);
  const columns: TableColumnsType<Row> =
    source === 'xlsx'
      ? [
          { title: '工作表', dataIndex: 'sheet', width: 150, render: (v, p) => v ?? where(p) },
          { title: '行', dataIndex: 'row', width: 70, align: 'right', render: (v) => v ?? '—' },
          { title: '列', dataIndex: 'column', width: 150, render: (v) => v ?? '—' },
          { title: '问题', dataIndex: 'message' },
        ]
      : [
          { title: '位置', key: 'where', width: 240, render: (_, p) => where(p) },
          {
            title: 'JSON 路径',
            dataIndex: 'path',
            width: 220,
            render: (v: string) => <span className="mono">{v || '—'}</span>,
          },
          { title: '问题', dataIndex: 'message' },
        ];
  return (
    <DataTable<Row>
      rowKey="key"
      size="small"
      aria-label={label}
      columns={columns}
      dataSource={rows}
      localPaging={rows.length > 20}
      scroll={{ x: 760 }}
    />
  );
}

type PlanRow = ImportSheetPlan & { rowKey: string };

/** Per sheet what the import does (a preview) or did: 新增 / 更新 / 未变, and 删除 in replace mode. */
export function PlanTable({ plan, replace }: { plan: ImportSheetPlan[]; replace: boolean }) {
  const n = (v: number, tone?: string) => (v ? <span style={{ color: tone, fontWeight: 600 }}>{v}</span> : '0');
  const columns: TableColumnsType<PlanRow> = [
    { title: '工作表', dataIndex: 'label', width: 120 },
    { title: '新增', dataIndex: 'added', align: 'right', render: (v: number) => n(v, '#389e0d') },
    { title: '更新', dataIndex: 'updated', align: 'right', render: (v: number) => n(v, '#d46b08') },
    { title: '未变', dataIndex: 'unchanged', align: 'right' },
    ...(replace
      ? [{ title: '删除', dataIndex: 'deleted', align: 'right' as const, render: (v: number) => n(v, '#cf1322') }]
      : []),
  ];
  return (
    <DataTable<PlanRow>
      rowKey="rowKey"
      size="small"
      aria-label="导入预览"
      columns={columns}
      dataSource={plan.map((p) => ({ ...p, rowKey: p.key }))}
    />
  );
}

export const planTotals = (plan: ImportSheetPlan[]) =>
  plan.reduce(
    (s, p) => ({
      added: s.added + p.added,
      updated: s.updated + p.updated,
      unchanged: s.unchanged + p.unchanged,
      deleted: s.deleted + p.deleted,
    }),
    { added: 0, updated: 0, unchanged: 0, deleted: 0 },
  );

/** 新增 3 条，更新 1 条，未变 120 条（，删除 2 条） */
export function describePlan(plan: ImportSheetPlan[], replace: boolean): string {
  const s = planTotals(plan);
  return `新增 ${s.added} 条，更新 ${s.updated} 条，未变 ${s.unchanged} 条${replace ? `，删除 ${s.deleted} 条` : ''}`;
}

type LossRow = ImportLoss & { rowKey: number };

/** What a replace deletes: each record, with the uploaded files and vouchers that go with it. */
export function LossesTable({ losses }: { losses: NonNullable<ImportReport['losses']> }) {
  const columns: TableColumnsType<LossRow> = [
    { title: '工作表', dataIndex: 'sheet', width: 100 },
    { title: '将删除的记录', dataIndex: 'name' },
    { title: '佐证文件', dataIndex: 'files', width: 90, align: 'right' },
    { title: '支出凭证', dataIndex: 'vouchers', width: 90, align: 'right' },
  ];
  return (
    <DataTable<LossRow>
      rowKey="rowKey"
      size="small"
      aria-label="替换将删除的记录"
      columns={columns}
      dataSource={losses.items.map((l, rowKey) => ({ ...l, rowKey }))}
      localPaging={losses.items.length > 10}
    />
  );
}

/** What a dry run or an import answered: its message, the problems by location, the warnings, the plan. */
export function ImportOutcomeView({
  outcome,
  source,
  dryRun = false,
  replace = false,
  picked,
}: {
  outcome: ImportOutcome;
  source: 'xlsx' | 'json';
  dryRun?: boolean;
  replace?: boolean;
  picked: Picked | null;
}) {
  const { report, error } = outcome;
  const warnings = report?.warnings ?? [];
  return (
    <div style={{ marginTop: 16 }}>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={report?.errors.length ? '以下问题逐条列出所在位置；全部改正后重新选择文件校验。' : undefined}
        />
      ) : dryRun ? (
        <Alert
          type="success"
          showIcon
          title={`校验通过。导入预览（${replace ? '替换现有台账' : '合并导入'}）：${describePlan(report?.plan ?? [], replace)}；确认后才写入`}
          description={
            picked?.source === 'json' ? `文件中有：${describeCounts(ledgerArrayCounts(picked.ledger))}` : undefined
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title={`导入完成（${replace ? '替换现有台账' : '合并导入'}）：${describePlan(report?.plan ?? [], replace)}`}
          description="已上传的佐证文件、支出凭证和报告扫描件仍挂在原记录上。"
        />
      )}
      {report?.ok && !error && report.plan && (
        <div style={{ marginTop: 12 }}>
          <PlanTable plan={report.plan} replace={replace} />
        </div>
      )}
      {report?.ok && !error && replace && report.losses && report.losses.records > 0 && (
        <div style={{ marginTop: 12 }}>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={`替换将删除 ${report.losses.records} 条导入文件中没有的记录，连同佐证文件 ${report.losses.files} 个、支出凭证 ${report.losses.vouchers} 张`}
          />
          <LossesTable losses={report.losses} />
        </div>
      )}
      {report && report.errors.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <ProblemTable problems={report.errors} source={source} label="校验问题" />
        </div>
      )}
      {warnings.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title={`${warnings.length} 条提示：请逐条核对（不影响导入；日期在项目期外的记录不计入考核，第七条、第八条）`}
          />
          <ProblemTable problems={warnings} source={source} label="导入提示" />
        </div>
      )}
    </div>
  );
}
