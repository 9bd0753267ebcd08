// The validation report of a ledger import: where each problem is (sheet/row/column for Excel, the record for JSON)
// and what it is; and the counts of what was (or will be) imported.
import { Alert, Descriptions, type TableColumnsType } from 'antd';
import type { ImportProblemDto as ImportProblem } from '../../../shared/schemas/ledger';
import { DataTable } from '../../components/data-table';
import type { ImportOutcome } from './api';
import { describeCounts, describeLedgerPath, LEDGER_ARRAY_LABELS, ledgerArrayCounts } from './ledger-helpers';

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

/** 服务企业 80 条 · 联系走访 89 条 …, in ledger order. */
export function CountsList({ counts }: { counts: Record<string, number> }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, md: 3, lg: 5 }}
      items={Object.keys(LEDGER_ARRAY_LABELS).map((k) => ({
        key: k,
        label: LEDGER_ARRAY_LABELS[k],
        children: `${counts[k] ?? 0} 条`,
      }))}
    />
  );
}

/** What a dry run or an import answered: its message, the problems by location, the warnings, the counts. */
export function ImportOutcomeView({
  outcome,
  source,
  dryRun = false,
  picked,
}: {
  outcome: ImportOutcome;
  source: 'xlsx' | 'json';
  dryRun?: boolean;
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
          title="校验通过：文件中的台账可以导入"
          description={
            picked?.source === 'json' ? `文件中有：${describeCounts(ledgerArrayCounts(picked.ledger))}` : undefined
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title={`导入完成：共写入 ${Object.values(report?.counts ?? {}).reduce((a, b) => a + b, 0)} 条台账记录`}
        />
      )}
      {!dryRun && report?.ok && !error && (
        <div style={{ marginTop: 12 }}>
          <CountsList counts={report.counts} />
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
            title={`${warnings.length} 条提示：以下内容${dryRun ? '导入时将' : '已'}略过，不影响其他记录`}
          />
          <ProblemTable problems={warnings} source={source} label="导入提示" />
        </div>
      )}
    </div>
  );
}
