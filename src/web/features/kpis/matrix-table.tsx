import type { TableColumnType } from 'antd';
import { type CSSProperties, type Key, type ReactNode, useMemo, useState } from 'react';

/**
 * The 考核看板's station × KPI matrix on a PC: a plain table whose header stays on top and whose leading columns stay
 * at the left while it scrolls, with sorting by a column's header. antd's Table brought its filter dropdown, tree,
 * selection, pagination and the Select of the pagination, about 80 kB on the wire, to a table that uses none of them
 * (issue 16, decision 029). The columns are antd's column type, so the phone's card list (ResponsiveTable) reads the
 * same definitions; of them this table draws title, width, fixed: 'left', align, render, onCell and sorter.
 */
export type MatrixTableColumn<T> = TableColumnType<T>;

type Direction = 'ascend' | 'descend';
interface Sort {
  column: number;
  direction: Direction;
}

const ARIA_SORT: Record<Direction, 'ascending' | 'descending'> = { ascend: 'ascending', descend: 'descending' };

function compareOf<T>(c: MatrixTableColumn<T>): ((a: T, b: T) => number) | undefined {
  if (typeof c.sorter === 'function') return c.sorter as (a: T, b: T) => number;
  if (c.sorter && typeof c.sorter === 'object' && typeof c.sorter.compare === 'function') {
    return c.sorter.compare as (a: T, b: T) => number;
  }
  return undefined;
}

/** A header's clicks go through the column's directions, then back to the rows' own order (as antd's do). */
export function nextSort<T>(columns: MatrixTableColumn<T>[], current: Sort | null, column: number): Sort | null {
  const directions = (columns[column].sortDirections ?? ['ascend', 'descend']).filter(
    (d): d is Direction => d === 'ascend' || d === 'descend',
  );
  if (current?.column !== column) return { column, direction: directions[0] };
  const at = directions.indexOf(current.direction);
  return at + 1 < directions.length ? { column, direction: directions[at + 1] } : null;
}

/** Rows in the order the sort asks; a stable sort, so equal rows keep the order they came in (worst first). */
export function sortRows<T>(rows: T[], columns: MatrixTableColumn<T>[], sort: Sort | null): T[] {
  const compare = sort ? compareOf(columns[sort.column]) : undefined;
  if (!sort || !compare) return rows;
  const sign = sort.direction === 'ascend' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b));
}

function cellValue<T>(row: T, c: MatrixTableColumn<T>): unknown {
  return typeof c.dataIndex === 'string' ? (row as Record<string, unknown>)[c.dataIndex] : undefined;
}

/** Each left-fixed column's offset from the table's left edge: the widths of the fixed columns before it. */
function stickyOffsets<T>(columns: MatrixTableColumn<T>[]): Array<number | undefined> {
  let left = 0;
  return columns.map((c) => {
    if (c.fixed !== 'left' && c.fixed !== true) return undefined;
    const at = left;
    left += Number(c.width ?? 0);
    return at;
  });
}

export interface MatrixTableProps<T> {
  'aria-label': string;
  columns: MatrixTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => Key;
  loading?: boolean;
  empty: ReactNode;
}

export function MatrixTable<T>({ 'aria-label': label, columns, rows, rowKey, loading, empty }: MatrixTableProps<T>) {
  // The page keys this table by its station type: another tab's columns start unsorted.
  const [sort, setSort] = useState<Sort | null>(null);
  const shown = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const offsets = stickyOffsets(columns);
  const lastFixed = offsets.reduce<number>((last, o, i) => (o === undefined ? last : i), -1);
  const width = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);

  const place = (i: number, own?: CSSProperties): CSSProperties => ({
    ...own,
    ...(offsets[i] !== undefined ? { left: offsets[i] } : {}),
    ...(columns[i].align ? { textAlign: columns[i].align } : {}),
  });
  const classOf = (i: number) =>
    offsets[i] === undefined ? undefined : i === lastFixed ? 'matrix-fixed matrix-fixed-last' : 'matrix-fixed';

  return (
    <div className="matrix-scroll">
      <table className="matrix-table" aria-label={label} aria-busy={loading || undefined} style={{ width }}>
        <colgroup>
          {columns.map((c, i) => (
            <col key={String(c.key ?? c.dataIndex ?? i)} style={{ width: Number(c.width ?? 0) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c, i) => {
              const sortable = compareOf(c) !== undefined;
              const direction = sort?.column === i ? sort.direction : undefined;
              const title = c.title as ReactNode;
              return (
                <th
                  key={String(c.key ?? c.dataIndex ?? i)}
                  scope="col"
                  className={classOf(i)}
                  style={place(i)}
                  aria-sort={direction ? ARIA_SORT[direction] : undefined}
                >
                  {sortable ? (
                    <button
                      type="button"
                      className="matrix-sort"
                      data-direction={direction}
                      onClick={() => setSort((s) => nextSort(columns, s, i))}
                    >
                      <span>{title}</span>
                      <span className="matrix-sort-mark" aria-hidden="true" />
                    </button>
                  ) : (
                    title
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="matrix-empty">
                {empty}
              </td>
            </tr>
          ) : (
            shown.map((row, r) => (
              <tr key={rowKey(row)}>
                {columns.map((c, i) => {
                  const cell = (c.onCell?.(row, r) ?? {}) as { style?: CSSProperties; title?: string };
                  const value = cellValue(row, c);
                  return (
                    <td
                      key={String(c.key ?? c.dataIndex ?? i)}
                      className={classOf(i)}
                      style={place(i, cell.style)}
                      title={cell.title}
                    >
                      {(c.render ? c.render(value, row, r) : value) as ReactNode}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
