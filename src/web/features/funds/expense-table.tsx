// 支出台账 (issue #5): the station's expenses, paged by the server, filtered by category, source, a keyword and
// "with warnings"; the host books (记一笔支出), edits and deletes, every change going through the compliance checks.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FUND_SOURCE_LABELS } from '../../../shared/labels';
import { ResponsiveTable } from '../../components/responsive-table';
import { type ExpenseFilters, useDeleteExpense, useExpenses } from './api';
import { expenseColumns } from './expense-columns';
import { ExpenseDetail } from './expense-detail';
import { ExpenseDrawer, type ExpenseFormContext } from './expense-form';

export function ExpenseLedgerCard({
  ctx,
  canWrite,
  counts,
}: {
  ctx: ExpenseFormContext;
  canWrite: boolean;
  counts: { total: number; withWarnings: number };
}) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<ExpenseFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  // 待补事项 links here with ?withoutVoucher=true: the address narrows the list until 清除.
  const [params, setParams] = useSearchParams();
  const withoutVoucher = params.get('withoutVoucher') === 'true';
  const list = useExpenses(ctx.stationId, { ...filters, withoutVoucher }, page);
  const remove = useDeleteExpense(ctx.stationId);
  const categories = ctx.policy?.expenseCategories ?? [];
  const categoryName = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  const filter = (f: Partial<ExpenseFilters>) => {
    setFilters((x) => ({ ...x, ...f }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const filtered = Boolean(filters.category || filters.source || filters.q || filters.withWarnings || withoutVoucher);
  const clearWithoutVoucher = () => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete('withoutVoucher');
      return next;
    });
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <Card
      size="small"
      title="支出台账（第十六条、第十七条）"
      className="card-gap"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
            记一笔支出
          </Button>
        )
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
        <Select
          allowClear
          aria-label="按科目筛选"
          placeholder="全部科目"
          style={{ width: 150 }}
          value={filters.category}
          onChange={(category?: ExpenseFilters['category']) => filter({ category })}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
        <Select
          allowClear
          aria-label="按经费来源筛选"
          placeholder="全部来源"
          style={{ width: 150 }}
          value={filters.source}
          onChange={(source?: ExpenseFilters['source']) => filter({ source })}
          options={Object.entries(FUND_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          allowClear
          aria-label="搜索支出"
          placeholder="收款人、用途或编号"
          style={{ width: 260 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
        />
        <Checkbox checked={!!filters.withWarnings} onChange={(e) => filter({ withWarnings: e.target.checked })}>
          仅看有提示
        </Checkbox>
        {withoutVoucher && (
          <Tag color="orange" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            仅显示：没有上传凭证的支出（第十二条）
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={clearWithoutVoucher}>
              清除
            </Button>
          </Tag>
        )}
        <Space style={{ marginLeft: 'auto', color: 'rgba(0,0,0,0.45)' }}>
          共 {counts.total} 笔支出
          {counts.withWarnings > 0 && <span style={{ color: '#d46b08' }}>，其中 {counts.withWarnings} 笔有提示</span>}
        </Space>
      </div>
      <ResponsiveTable
        size="small"
        aria-label="支出台账"
        titleColumn="itemName"
        actionsColumn="op"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        emptyText={filtered ? '没有符合条件的支出' : canWrite ? '尚未记账：点击“记一笔支出”登记第一笔支出' : '尚未记账'}
        columns={expenseColumns({
          categoryName,
          canWrite,
          onView: (e) => setViewing(e.id),
          onEdit: (e) => setEditing({ id: e.id }),
          onDelete: (e) =>
            remove.mutateAsync(e).then(
              () => message.success(`已删除支出 ${e.ref}`),
              () => {},
            ),
        })}
        paging={{
          page: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      {editing && <ExpenseDrawer ctx={ctx} expenseId={editing.id} onClose={() => setEditing(null)} />}
      {viewing && (
        <ExpenseDetail
          stationId={ctx.stationId}
          expenseId={viewing}
          categoryName={categoryName}
          onClose={() => setViewing(null)}
        />
      )}
    </Card>
  );
}
