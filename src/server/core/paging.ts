import { type SelectQueryBuilder, sql } from 'kysely';
import type { Page } from '../../shared/api/endpoint';

// The shapes are the contract's (src/shared/api/endpoint.ts); paging them in SQL is the server's.
export { pageQuery } from '../../shared/api/common';
export type { Page } from '../../shared/api/endpoint';

/** Pages in SQL: one count and one LIMIT/OFFSET query over the same filtered builder. */
export async function paginate<DB, TB extends keyof DB, O, T>(
  qb: SelectQueryBuilder<DB, TB, O>,
  opts: {
    page: number;
    pageSize: number;
    map: (row: O) => T;
    orderBy: (qb: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>;
  },
): Promise<Page<T>> {
  const countRow = (await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()) as { n: number | string } | undefined;
  const rows = await opts
    .orderBy(qb)
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { items: rows.map(opts.map), total: Number(countRow?.n ?? 0), page: opts.page, pageSize: opts.pageSize };
}

/** `lower(col) like lower(?)` — the portable case-insensitive search (no ILIKE). */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** Case-insensitive contains on a column, same SQL on SQLite and PostgreSQL. */
export function containsCi(column: string, q: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${likePattern(q)} escape '\\'`;
}

/**
 * The user's sort (`key` or `-key`, already checked against the list's keys by its query schema) first, then the
 * list's own order, so that rows with equal values keep a stable order across pages.
 */
export function sortedBy<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  { sort, columns }: { sort: string | undefined; columns: Record<string, string> },
): SelectQueryBuilder<DB, TB, O> {
  if (!sort) return qb;
  const desc = sort.startsWith('-');
  const column = columns[desc ? sort.slice(1) : sort];
  return column ? qb.orderBy(sql.ref(column), desc ? 'desc' : 'asc') : qb;
}
