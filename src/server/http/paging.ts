import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';

export const pageQuery = {
  page: z.coerce.number().int().min(1, '页码须为正整数').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

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
