// The preview table of a host import: each cell shows the value read and, highlighted in it, the problem of that
// cell, so a wrong row is found where it is.
import { type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type {
  HostImportField,
  HostImportProblem,
  HostImportReport,
  HostImportRow,
} from '../../../shared/schemas/host-import';

export type PreviewRow = HostImportRow & { problems: HostImportProblem[] };

export function previewRows(report: HostImportReport): PreviewRow[] {
  const byRow = new Map<number, HostImportProblem[]>();
  for (const p of report.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  return report.rows.map((r) => ({ ...r, problems: byRow.get(r.row) ?? [] }));
}

const ERROR_BG = '#fff1f0';

const STATUS: Record<HostImportRow['status'], { color: string; label: string }> = {
  create: { color: 'green', label: '将导入' },
  skip: { color: 'default', label: '已登记，跳过' },
  error: { color: 'red', label: '有误' },
};

function cell(field: HostImportField, title: string, width: number | undefined, value: (r: PreviewRow) => ReactNode) {
  return {
    title,
    key: field,
    width,
    onCell: (r: PreviewRow) => ({
      style: r.problems.some((p) => p.field === field) ? { background: ERROR_BG } : undefined,
    }),
    render: (_: unknown, r: PreviewRow) => {
      const mine = r.problems.filter((p) => p.field === field);
      return (
        <>
          <div style={{ wordBreak: 'break-all' }}>{value(r) || (mine.length ? '（空）' : '—')}</div>
          {mine.map((p) => (
            <Typography.Text key={p.message} type="danger" style={{ display: 'block', fontSize: 12 }}>
              {p.message}
            </Typography.Text>
          ))}
        </>
      );
    },
  };
}

export function hostPreviewColumns(opts: { done: boolean }): TableColumnsType<PreviewRow> {
  return [
    { title: '行', dataIndex: 'row', width: 48, align: 'right', fixed: 'left' },
    {
      title: '结果',
      key: 'status',
      width: 92,
      render: (_, r) => (
        <Tag color={STATUS[r.status].color} style={{ marginInlineEnd: 0 }}>
          {opts.done && r.status === 'create' ? '已导入' : STATUS[r.status].label}
        </Tag>
      ),
    },
    cell('name', '单位名称', 180, (r) => r.name),
    cell('uscc', '统一社会信用代码', 176, (r) => r.uscc && <span className="mono">{r.uscc}</span>),
    cell('hostKind', '单位类型', 110, (r) => r.hostKindLabel),
    cell('district', '所在区', 80, (r) => r.districtName),
    cell('contactName', '联系人', 80, (r) => r.contactName),
    cell('contactPhone', '联系电话', 120, (r) => r.contactPhone),
    cell('address', '地址', undefined, (r) => r.address),
  ];
}

/** Wide enough for the columns above: fits a 1366 px screen, scrolls on a phone. */
export const PREVIEW_SCROLL_X = 1040;
