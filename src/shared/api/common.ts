import { z } from 'zod';

// Shapes shared by many endpoints. Apart from endpoint.ts, which is types and one function without zod, so that the
// sign-in page's API client pulls no schema library.

/** Paging parameters of every list (`?page=&pageSize=`). */
export const pageQuery = {
  page: z.coerce.number().int().min(1, '页码须为正整数').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
};

/** One page of a list, counted and cut in SQL. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** `{ items: [...] }` without paging (a short list: districts, a station's reports). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item) });
}

/** The answer of an action that returns nothing but success. */
export const OkDto = z.strictObject({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** `{ id }` path parameter (UUID-like ids are strings). */
export const idParam = z.object({ id: z.string().min(1) });

/** The body of every error response (decision 001): one code, one Chinese message, field issues for a form. */
// Not strict at the top: a refused ledger import also carries its `report` beside the error.
export const ErrorBodySchema = z
  .object({
    error: z.strictObject({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
