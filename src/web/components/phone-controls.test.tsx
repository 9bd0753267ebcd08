// The browser's own controls that stand in for antd's on a phone (decision 028), and the search box of every list.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screenWidth } from '../lib/test-screen';
import { ChoiceSelect } from './choice-select';
import { DateRangeFilter } from './date-range-filter';
import { SearchBox } from './search-box';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SearchBox', () => {
  it('searches the trimmed text on Enter and on 搜索, and an emptied box ends the search', () => {
    const onSearch = vi.fn();
    render(<SearchBox label="搜索活动" placeholder="活动名称或地点" onSearch={onSearch} />);
    const box = screen.getByRole('searchbox', { name: '搜索活动' });
    fireEvent.change(box, { target: { value: '  对接会 ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSearch).toHaveBeenLastCalledWith('对接会');
    fireEvent.change(box, { target: { value: '路演' } });
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    expect(onSearch).toHaveBeenLastCalledWith('路演');
    fireEvent.change(box, { target: { value: '' } });
    expect(onSearch).toHaveBeenLastCalledWith(undefined);
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSearch).toHaveBeenLastCalledWith(undefined);
    expect(onSearch).toHaveBeenCalledTimes(4);
  });

  it('shows the search the address holds', () => {
    render(<SearchBox label="搜索问题" defaultValue="佐证" onSearch={() => {}} />);
    expect((screen.getByRole('searchbox', { name: '搜索问题' }) as HTMLInputElement).value).toBe('佐证');
  });
});

describe('ChoiceSelect on a phone', () => {
  it('is the browser’s select: it shows the value and answers the option’s own value, a number stays a number', () => {
    screenWidth(390);
    const onChange = vi.fn();
    render(
      <ChoiceSelect
        label="项目年度"
        width={140}
        value={2025}
        onChange={onChange}
        options={[
          { value: 2026, label: '2026 年度' },
          { value: 2025, label: '2025 年度' },
        ]}
      />,
    );
    const select = screen.getByRole('combobox', { name: '项目年度' }) as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect(select.selectedOptions[0].textContent).toBe('2025 年度');
    fireEvent.change(select, { target: { value: '2026' } });
    expect(onChange).toHaveBeenCalledWith(2026);
  });

  it('asks for a choice while none is made, and offers the prompt only then', () => {
    screenWidth(390);
    render(
      <ChoiceSelect label="选择工作站点" width={220} value={undefined} onChange={() => {}} options={[]} loading />,
    );
    const select = screen.getByRole('combobox', { name: '选择工作站点' });
    expect(within(select).getByRole('option', { name: '正在加载…' })).toBeTruthy();
  });
});

describe('DateRangeFilter on a phone', () => {
  it('is two date inputs; each side may stay open, and an emptied side opens again', () => {
    screenWidth(390);
    const onChange = vi.fn();
    const { rerender } = render(<DateRangeFilter value={{}} onChange={onChange} />);
    const group = screen.getByRole('group', { name: '日期范围' });
    const from = within(group).getByLabelText('开始日期') as HTMLInputElement;
    const to = within(group).getByLabelText('结束日期') as HTMLInputElement;
    expect(from.type).toBe('date');
    fireEvent.change(from, { target: { value: '2025-04-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-04-01' });
    rerender(<DateRangeFilter value={{ from: '2025-04-01' }} onChange={onChange} />);
    // The end cannot be before the start, nor the start after the end.
    expect(to.min).toBe('2025-04-01');
    fireEvent.change(to, { target: { value: '2025-06-30' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-04-01', to: '2025-06-30' });
    rerender(<DateRangeFilter value={{ from: '2025-04-01', to: '2025-06-30' }} onChange={onChange} />);
    expect(from.max).toBe('2025-06-30');
    fireEvent.change(from, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: undefined, to: '2025-06-30' });
  });
});
