import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable } from './data-table';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

type Row = { id: string; name: string; host: string };
const ROWS: Row[] = [
  { id: '1', name: '海淀区工作站', host: '中关村智能制造创新学会' },
  { id: '2', name: '朝阳区工作站', host: '北京市朝阳区数字经济产业协会' },
];
const COLUMNS = [
  { title: '站点名称', dataIndex: 'name', key: 'name', sorter: true },
  { title: '依托单位', dataIndex: 'host', key: 'host', sorter: true },
];

describe('a list table', () => {
  it('hides a column chosen in 列设置 and remembers it for the next visit', async () => {
    const { unmount } = render(<DataTable<Row> settingsKey="stations" columns={COLUMNS} dataSource={ROWS} />);
    expect(screen.getByText('中关村智能制造创新学会')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /列设置/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: '依托单位' }));
    await waitFor(() => expect(screen.queryByText('中关村智能制造创新学会')).toBeNull());
    // the row's name cannot be hidden
    expect((screen.getByRole('checkbox', { name: '站点名称' }) as HTMLInputElement).disabled).toBe(true);
    unmount();
    render(<DataTable<Row> settingsKey="stations" columns={COLUMNS} dataSource={ROWS} />);
    expect(screen.queryByText('中关村智能制造创新学会')).toBeNull();
    expect(screen.getByText('海淀区工作站')).toBeTruthy();
  });

  it('asks the server for the order of a clicked column: ascending, then descending', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <DataTable<Row> columns={COLUMNS} dataSource={ROWS} sort={{ value: undefined, onChange }} />,
    );
    fireEvent.click(screen.getByText('站点名称'));
    expect(onChange).toHaveBeenLastCalledWith('name');
    rerender(<DataTable<Row> columns={COLUMNS} dataSource={ROWS} sort={{ value: 'name', onChange }} />);
    fireEvent.click(screen.getByText('站点名称'));
    expect(onChange).toHaveBeenLastCalledWith('-name');
    // the server's order is shown as it came: the table does not sort the page itself
    const cells = screen.getAllByRole('cell').map((c) => c.textContent);
    expect(cells.indexOf('海淀区工作站')).toBeLessThan(cells.indexOf('朝阳区工作站'));
  });
});
