import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Button } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screenWidth } from '../lib/test-screen';
import { ResponsiveTable } from './responsive-table';

interface Row {
  id: string;
  title: string;
  date: string;
}

const ROWS: Row[] = [
  { id: 'a', title: '智能制造需求对接会', date: '2025-10-20' },
  { id: 'b', title: '专家企业行', date: '2025-11-05' },
];

function List(props: { onEdit: (r: Row) => void; onPage: (page: number) => void; expanded?: string[] }) {
  return (
    <ResponsiveTable<Row>
      aria-label="活动记录"
      titleColumn="title"
      actionsColumn="actions"
      dataSource={ROWS}
      columns={[
        { title: '日期', dataIndex: 'date' },
        { title: '活动名称', dataIndex: 'title' },
        {
          title: '操作',
          key: 'actions',
          render: (_, r) => (
            <Button type="link" onClick={() => props.onEdit(r)}>
              编辑
            </Button>
          ),
        },
      ]}
      expandable={{ expandedRowKeys: props.expanded ?? [], expandedRowRender: (r) => <p>佐证材料：{r.title}</p> }}
      paging={{ page: 1, pageSize: 20, total: 25, onChange: (page) => props.onPage(page) }}
    />
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ResponsiveTable', () => {
  it('on a phone shows each row as a card: its title, label and value lines, its buttons, and the paging', () => {
    screenWidth(390);
    const onEdit = vi.fn();
    const onPage = vi.fn();
    render(<List onEdit={onEdit} onPage={onPage} expanded={['b']} />);
    expect(screen.queryByRole('table')).toBeNull();
    const cards = within(screen.getByRole('list', { name: '活动记录' })).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('.card-list-title')?.textContent).toBe('智能制造需求对接会');
    expect(within(cards[0]).getByText('日期')).toBeTruthy();
    expect(within(cards[0]).getByText('2025-10-20')).toBeTruthy();
    // The title is the card's heading, not repeated as a line; the expanded row sits in its own card only.
    expect(within(cards[0]).queryByText('活动名称')).toBeNull();
    expect(within(cards[0]).queryByText(/佐证材料/)).toBeNull();
    expect(within(cards[1]).getByText('佐证材料：专家企业行')).toBeTruthy();

    fireEvent.click(within(cards[1]).getByRole('button', { name: /编\s*辑/ }));
    expect(onEdit).toHaveBeenCalledWith(ROWS[1]);
    const pager = screen.getByRole('navigation', { name: '分页' });
    expect(within(pager).getByText('共 25 条')).toBeTruthy();
    expect(within(pager).getByText('第 1 / 2 页')).toBeTruthy();
    expect((within(pager).getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('on a phone pages a short list itself, and the last page has no 下一页', () => {
    screenWidth(390);
    const rows = Array.from({ length: 23 }, (_, i) => ({ id: String(i), title: `活动 ${i + 1}`, date: '2025-10-20' }));
    render(
      <ResponsiveTable<Row>
        aria-label="活动记录"
        titleColumn="title"
        dataSource={rows}
        localPaging
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '活动名称', dataIndex: 'title' },
        ]}
      />,
    );
    const list = () => within(screen.getByRole('list', { name: '活动记录' })).getAllByRole('listitem');
    expect(list()).toHaveLength(20);
    const pager = screen.getByRole('navigation', { name: '分页' });
    fireEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    expect(list().map((c) => c.querySelector('.card-list-title')?.textContent)).toEqual([
      '活动 21',
      '活动 22',
      '活动 23',
    ]);
    expect(within(pager).getByText('第 2 / 2 页')).toBeTruthy();
    expect((within(pager).getByRole('button', { name: '下一页' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('on a PC is the table, with its column headers and paging', async () => {
    screenWidth(1366);
    render(<List onEdit={() => {}} onPage={() => {}} />);
    expect(screen.queryByRole('list', { name: '活动记录' })).toBeNull();
    // The table is loaded lazily (a phone never needs it); under a full run's load that can take a few seconds.
    const table = await screen.findByRole('table', undefined, { timeout: 15_000 });
    expect(within(table).getByRole('columnheader', { name: '活动名称' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: '专家企业行' })).toBeTruthy();
    expect(screen.getByText('共 25 条')).toBeTruthy();
  });
});
