import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistorySource, RecordHistoryEntry, RecordHistoryPage } from '../lib/record-history';
import { screenWidth } from '../lib/test-screen';
import { RecordHistory, RecordHistoryView } from './record-history';

const EDIT: RecordHistoryEntry = {
  id: 'e2',
  at: '2025-06-15T02:00:00.000Z',
  actorName: '王主任',
  actorRoleLabel: '中心管理员',
  action: 'update',
  actionLabel: '修改',
  summary: '修改工作站点“海淀区工作站点”',
  changes: [
    { field: 'leader_name', fieldLabel: '项目负责人', before: '刘洋', after: '王建国' },
    { field: 'leader_phone', fieldLabel: '负责人电话', before: '139****3701', after: '139****5678' },
    { field: 'note', fieldLabel: '备注', before: null, after: '已换负责人' },
  ],
};

const CREATE: RecordHistoryEntry = {
  id: 'e1',
  at: '2025-04-01T01:00:00.000Z',
  actorName: '系统',
  actorRoleLabel: null,
  action: 'create',
  actionLabel: '新建',
  summary: '新建工作站点“海淀区工作站点”',
  changes: Array.from({ length: 8 }, (_, i) => ({ field: `f${i}`, fieldLabel: `字段${i + 1}`, after: `值${i + 1}` })),
};

const page = (items: RecordHistoryEntry[], over: Partial<RecordHistoryPage> = {}): RecordHistoryPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 10,
  ...over,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RecordHistoryView', () => {
  it('shows who, when, what, and each field as 旧值 → 新值, the masked number as the server sent it', () => {
    screenWidth(1366);
    render(<RecordHistoryView data={page([EDIT, CREATE])} />);
    const edit = screen.getByRole('article', { name: /王主任修改/ });
    expect(within(edit).getByText('中心管理员')).toBeTruthy();
    expect(within(edit).getByText('2025-06-15 10:00:00')).toBeTruthy();
    expect(within(edit).getByText('修改工作站点“海淀区工作站点”')).toBeTruthy();
    const lines = within(within(edit).getByRole('list', { name: '修改的字段' })).getAllByRole('listitem');
    expect(lines.map((l) => l.textContent)).toEqual([
      '项目负责人：刘洋 → 王建国',
      '负责人电话：139****3701 → 139****5678',
      '备注：（空） → 已换负责人',
    ]);
    expect(screen.queryByText(/13912345678/)).toBeNull();
  });

  it('shows a creation’s values without arrows, the first few until 展开', () => {
    screenWidth(1366);
    render(<RecordHistoryView data={page([CREATE])} />);
    const created = screen.getByRole('article', { name: /系统新建/ });
    const list = () => within(within(created).getByRole('list', { name: '修改的字段' })).getAllByRole('listitem');
    expect(list()).toHaveLength(6);
    expect(list()[0].textContent).toBe('字段1：值1');
    fireEvent.click(within(created).getByRole('button', { name: '展开全部 8 项' }));
    expect(list()).toHaveLength(8);
    fireEvent.click(within(created).getByRole('button', { name: '收起' }));
    expect(list()).toHaveLength(6);
  });

  it('says 暂无变更记录 when the record has none, and the error when it cannot load', () => {
    const { rerender } = render(<RecordHistoryView data={page([])} />);
    expect(screen.getByText('暂无变更记录')).toBeTruthy();
    rerender(<RecordHistoryView data={undefined} error={new Error('工作站点不存在或您无权查看')} />);
    expect(screen.getByText('无法加载变更记录')).toBeTruthy();
    expect(screen.getByText('工作站点不存在或您无权查看')).toBeTruthy();
  });

  it('pages: the total, and the page asked for', () => {
    screenWidth(1366);
    const onPage = vi.fn();
    render(<RecordHistoryView data={page([EDIT], { total: 25, pageSize: 10 })} onPageChange={onPage} />);
    expect(screen.getByText('共 25 条')).toBeTruthy();
    fireEvent.click(screen.getByTitle('3'));
    expect(onPage).toHaveBeenCalledWith(3);
  });
});

describe('RecordHistory', () => {
  it('fetches the page it shows from its source, and the next one when asked', async () => {
    screenWidth(390);
    const fetch = vi.fn((p: { page: number; pageSize: number }) =>
      Promise.resolve(page(p.page === 1 ? [EDIT] : [CREATE], { total: 2, page: p.page, pageSize: 1 })),
    );
    const source: HistorySource = { key: ['test', 'history'], fetch };
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <ConfigProvider locale={zhCN}>
          <RecordHistory source={source} pageSize={1} />
        </ConfigProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('article', { name: /王主任修改/ })).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith({ page: 1, pageSize: 1 });
    // On a phone the paging is the simple one: the next-page button.
    fireEvent.click(screen.getByTitle('下一页'));
    await waitFor(() => expect(screen.getByRole('article', { name: /系统新建/ })).toBeTruthy());
    expect(fetch).toHaveBeenLastCalledWith({ page: 2, pageSize: 1 });
  });
});
