// Columns of the expense ledger: a fee to an individual shows its gross with the net and the withholding beneath,
// the warnings kept with an expense are orange tags whose tooltip gives the whole sentence and its article.
import { Button, Popconfirm, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { FUND_SOURCE_LABELS, PAYEE_KIND_LABELS } from '../../../shared/labels';
import { formatMoney } from '../../lib/money';
import type { Expense } from './api';
import { WARNING_TAGS } from './labels';

/** Read by screen readers (and by the row's text), not shown: the tooltip shows it on hover. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;
const muted = { color: 'rgba(0,0,0,0.45)', fontSize: 12 } as const;

function Amount({ e }: { e: Expense }) {
  if (e.netFen === null || e.taxFen === null) return <span>{formatMoney(e.amountFen)}</span>;
  const full = `税前 ${formatMoney(e.amountFen)}，代扣个税 ${formatMoney(e.taxFen)}，实发 ${formatMoney(e.netFen)}`;
  return (
    <Tooltip title={full}>
      <div>
        <div>{formatMoney(e.amountFen)}</div>
        <div style={muted}>
          实发 {formatMoney(e.netFen)} / 个税 {formatMoney(e.taxFen)}
        </div>
      </div>
    </Tooltip>
  );
}

export function expenseColumns(o: {
  categoryName: (code: string) => string;
  canWrite: boolean;
  onView: (e: Expense) => void;
  onEdit: (e: Expense) => void;
  onDelete: (e: Expense) => void;
}): TableColumnsType<Expense> {
  return [
    { title: '编号', dataIndex: 'ref', width: 56 },
    { title: '日期', dataIndex: 'date', width: 100 },
    { title: '科目', dataIndex: 'category', width: 88, render: (c: string) => o.categoryName(c) },
    { title: '事项', dataIndex: 'itemName', width: 120 },
    { title: '金额', key: 'amount', width: 184, align: 'right', render: (_, e) => <Amount e={e} /> },
    {
      title: '来源',
      dataIndex: 'source',
      width: 80,
      render: (s: keyof typeof FUND_SOURCE_LABELS) => FUND_SOURCE_LABELS[s] ?? s,
    },
    {
      title: '收款人',
      key: 'payee',
      width: 110,
      render: (_, e) => (
        <>
          <div>{e.payee.name}</div>
          <div style={muted}>{PAYEE_KIND_LABELS[e.payee.kind] ?? e.payee.kind}</div>
        </>
      ),
    },
    {
      title: '用途',
      dataIndex: 'purpose',
      render: (p: string | null) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: p }} style={{ margin: 0 }}>
          {p ?? '—'}
        </Typography.Paragraph>
      ),
    },
    {
      title: '凭证',
      dataIndex: 'voucherCount',
      width: 64,
      align: 'right',
      // Imported ledgers carry no files: such an expense waits for its voucher, added by editing it.
      render: (n: number) =>
        n > 0 ? (
          `${n} 份`
        ) : (
          <Tooltip title="导入的支出未附凭证：请点击“修改”上传发票、收据或转账记录">
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              待补
            </Tag>
          </Tooltip>
        ),
    },
    {
      title: '提示',
      key: 'warnings',
      width: 100,
      render: (_, e) =>
        e.warnings.length ? (
          <Space size={[0, 4]} wrap>
            {e.warnings.map((w) => (
              <Tooltip key={w.message} title={w.message}>
                <Tag color="orange">
                  {WARNING_TAGS[w.id] ?? w.article ?? '提示'}
                  <span style={srOnly}>：{w.message}</span>
                </Tag>
              </Tooltip>
            ))}
          </Space>
        ) : (
          <span style={muted}>—</span>
        ),
    },
    {
      title: '操作',
      key: 'op',
      width: o.canWrite ? 144 : 64,
      render: (_, e) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => o.onView(e)}>
            查看
          </Button>
          {o.canWrite && (
            <>
              <Button type="link" size="small" onClick={() => o.onEdit(e)}>
                修改
              </Button>
              <Popconfirm
                title={`删除支出 ${e.ref}？`}
                description="仅用于更正录入错误，删除会记入操作日志"
                okText="删除"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => o.onDelete(e)}
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];
}
