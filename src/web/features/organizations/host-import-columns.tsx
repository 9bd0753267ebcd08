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

interface CellSpec {
  field: HostImportField;
  title: string;
  width: number | undefined;
  /** what the cell shows of the row */
  value: (r: PreviewRow) => ReactNode;
}

function cell({ field, title, width, value }: CellSpec) {
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
    cell({ field: 'name', title: '单位名称', width: 180, value: (r) => r.name }),
    cell({
      field: 'uscc',
      title: '统一社会信用代码',
      width: 176,
      value: (r) => r.uscc && <span className="mono">{r.uscc}</span>,
    }),
    cell({ field: 'hostKind', title: '单位类型', width: 110, value: (r) => r.hostKindLabel }),
    cell({ field: 'district', title: '所在区', width: 80, value: (r) => r.districtName }),
    cell({ field: 'contactName', title: '联系人', width: 80, value: (r) => r.contactName }),
    cell({ field: 'contactPhone', title: '联系电话', width: 120, value: (r) => r.contactPhone }),
    cell({ field: 'address', title: '地址', width: undefined, value: (r) => r.address }),
  ];
}

/** Wide enough for the columns above: fits a 1366 px screen, scrolls on a phone. */
export const PREVIEW_SCROLL_X = 1040;
