import { type Expression, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
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

/** What a sort key stands for: a column (`table.column`, or a selected alias), or an expression such as a rank. */
export type SortColumn = string | Expression<unknown>;

/**
 * The user's sort (`key` or `-key`, already checked against the list's keys by its query schema) first, then the
 * list's own order, which must end with the id, so that rows with equal values keep a stable order across pages.
 */
export function sortedBy<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  { sort, columns }: { sort: string | undefined; columns: Record<string, SortColumn> },
): SelectQueryBuilder<DB, TB, O> {
  if (!sort) return qb;
  const desc = sort.startsWith('-');
  const column = columns[desc ? sort.slice(1) : sort];
  if (!column) return qb;
  // SQLite sorts NULL first and PostgreSQL last: spelled out, both engines page alike, a column's empty cells come
  // after the filled ones, and descending is ascending reversed.
  return qb.orderBy(typeof column === 'string' ? sql.ref(column) : column, (ob) =>
    desc ? ob.desc().nullsFirst() : ob.asc().nullsLast(),
  );
}

/**
 * A status (or any code) ranked by its place in `order` — a state machine's states, in their workflow order — for
 * sorting: a code's spelling says nothing of where it stands in the workflow. A value `order` does not hold ranks
 * after all the others.
 */
export function workflowRank(
  column: SortColumn,
  order: readonly [string | number, ...(string | number)[]],
): RawBuilder<number> {
  // Literals, not bound parameters: PostgreSQL types a CASE whose results are all untyped parameters as text, and
  // would then sort rank 10 before rank 2. The codes are the program's own constants, quoted by Kysely.
  const whens = order.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i + 1)}`);
  const subject = typeof column === 'string' ? sql.ref(column) : column;
  return sql<number>`(case ${subject} ${sql.join(whens, sql` `)} else ${sql.lit(order.length + 1)} end)`;
}
