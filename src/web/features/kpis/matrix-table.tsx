import type { TableColumnType } from 'antd';
import { type CSSProperties, type Key, type ReactNode, useMemo, useState } from 'react';

/**
 * The 考核看板's station × KPI matrix on a PC: a plain table whose header stays on top and whose leading columns stay
 * at the left while it scrolls, with sorting by a column's header. antd's Table brought its filter dropdown, tree,
 * selection, pagination and the Select of the pagination, about 80 kB on the wire, to a table that uses none of them
 * (issue 16, decision 029). The columns are antd's column type, so the phone's card list (ResponsiveTable) reads the
 * same definitions; of them this table draws key or dataIndex, title (a node), width, fixed: 'left', align, render,
 * onCell (its style and title), sorter (a function) and sortDirections.
 */
export type MatrixTableColumn<T> = TableColumnType<T>;

type Direction = 'ascend' | 'descend';
interface Sort {
  /** the column's key (or dataIndex): a sort survives new rows, and a column that is gone sorts nothing */
  column: string;
  direction: Direction;
}

const ARIA_SORT: Record<Direction, 'ascending' | 'descending'> = { ascend: 'ascending', descend: 'descending' };
const HINT: Record<Direction, string> = { ascend: '点击升序', descend: '点击降序' };

export function columnKey<T>(c: MatrixTableColumn<T>, index: number): string {
  return String(c.key ?? c.dataIndex ?? index);
}

function compareOf<T>(c: MatrixTableColumn<T> | undefined): ((a: T, b: T) => number) | undefined {
  return typeof c?.sorter === 'function' ? (c.sorter as (a: T, b: T) => number) : undefined;
}

function directionsOf<T>(c: MatrixTableColumn<T>): Direction[] {
  const own = (c.sortDirections ?? []).filter((d): d is Direction => d === 'ascend' || d === 'descend');
  return own.length ? own : ['ascend', 'descend'];
}

/** A header's clicks go through the column's directions, then back to the rows' own order (as antd's do). */
export function nextSort<T>(column: MatrixTableColumn<T>, key: string, current: Sort | null): Sort | null {
  const directions = directionsOf(column);
  if (current?.column !== key) return { column: key, direction: directions[0] };
  const at = directions.indexOf(current.direction);
  return at + 1 < directions.length ? { column: key, direction: directions[at + 1] } : null;
}

/** Rows in the order the sort asks; a stable sort, so equal rows keep the order they came in (worst first). */
export function sortRows<T>(rows: T[], columns: MatrixTableColumn<T>[], sort: Sort | null): T[] {
  const compare = compareOf(columns.find((c, i) => columnKey(c, i) === sort?.column));
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
  /** shown below the header, in the box's width (not the table's) */
  empty: ReactNode;
}

export function MatrixTable<T>({ 'aria-label': label, columns, rows, rowKey, loading, empty }: MatrixTableProps<T>) {
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

  const header = (c: MatrixTableColumn<T>, i: number) => {
    const key = columnKey(c, i);
    const title = c.title as ReactNode;
    const direction = sort?.column === key ? sort.direction : undefined;
    const next = nextSort(c, key, sort);
    return (
      <th
        key={key}
        scope="col"
        className={classOf(i)}
        style={place(i)}
        aria-sort={direction ? ARIA_SORT[direction] : undefined}
      >
        {compareOf(c) ? (
          <button
            type="button"
            className="matrix-sort"
            data-direction={direction}
            title={next ? HINT[next.direction] : '取消排序'}
            onClick={() => setSort(next)}
          >
            <span>{title}</span>
            <span className="matrix-sort-mark" aria-hidden="true" />
          </button>
        ) : (
          title
        )}
      </th>
    );
  };

  return (
    <>
      <div className="matrix-scroll">
        <table className="matrix-table" aria-label={label} aria-busy={loading || undefined} style={{ width }}>
          <colgroup>
            {columns.map((c, i) => (
              <col key={columnKey(c, i)} style={{ width: Number(c.width ?? 0) }} />
            ))}
          </colgroup>
          <thead>
            <tr>{columns.map(header)}</tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={rowKey(row)}>
                {columns.map((c, i) => {
                  const cell = (c.onCell?.(row, r) ?? {}) as { style?: CSSProperties; title?: string };
                  const value = cellValue(row, c);
                  return (
                    <td key={columnKey(c, i)} className={classOf(i)} style={place(i, cell.style)} title={cell.title}>
                      {(c.render ? c.render(value, row, r) : value) as ReactNode}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <div className="matrix-empty">{empty}</div>}
    </>
  );
}
