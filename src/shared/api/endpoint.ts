import type { z } from 'zod';

/**
 * One API operation as both sides see it (decision 020): method, path, the zod schemas of what goes in and of what
 * comes back. The server registers a route from it (`r.route({ ...endpoint, access, handler })`), the OpenAPI
 * document is generated from it, and the web calls it through `call(endpoint, input)` (`web/lib/client.ts`), so a
 * renamed path, parameter or field is a type error on both sides rather than a surprise at run time.
 *
 * Endpoints live in `src/shared/api/<feature>.ts`; the DTO schemas they answer with live in
 * `src/shared/schemas/<feature>.ts`, named with `.meta({ id })` so the OpenAPI document lists them as components.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A download: the media type the route answers with instead of JSON. */
export type FileKind = 'xlsx' | 'docx' | 'zip' | 'pdf' | 'json' | 'file';

export const FILE_MEDIA_TYPES: Record<FileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  pdf: 'application/pdf',
  /** a JSON document saved as a file (an audit checkpoint), not an answer to render */
  json: 'application/json',
  file: 'application/octet-stream',
};

type AnyZodObject = z.ZodObject<z.ZodRawShape>;

export interface EndpointShape {
  method: Method;
  path: string;
  /** the OpenAPI tag (a Chinese area name) */
  tag: string;
  /** one line, in Chinese, citing the article where a rule applies */
  summary: string;
  params?: AnyZodObject;
  query?: AnyZodObject;
  body?: z.ZodType;
  /** takes the raw bytes of one file (application/octet-stream) instead of JSON */
  upload?: boolean;
  /** the JSON answer's schema, or the kind of file a download answers with */
  response: z.ZodType | FileKind;
  /** the success status when it is not 200 (201 for a creation) */
  status?: 200 | 201;
}

/** Declares an endpoint, keeping every literal and schema type for the server and the client. */
export function endpoint<const E extends EndpointShape>(e: E): E {
  return e;
}

/** What the web passes for an endpoint's path parameters, query and body. */
export type EndpointInput<E extends EndpointShape> = (E extends { params: infer P extends z.ZodType }
  ? { params: z.input<P> }
  : { params?: undefined }) &
  (E extends { query: infer Q extends z.ZodType } ? { query?: QueryInput<Q> } : { query?: undefined }) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined });

/**
 * A query as the web writes it: the parsed types (numbers, booleans) with the optionality of the input, since a
 * query string is text on the wire and `z.coerce` input types say nothing (`unknown`).
 */
export type QueryInput<Q extends z.ZodType> = {
  [K in keyof z.input<Q>]?: K extends keyof z.output<Q> ? z.output<Q>[K] | null : never;
};

/** What an endpoint answers with: the DTO type for JSON, a Blob for a download. */
export type EndpointOutput<E extends EndpointShape> = E['response'] extends z.ZodType ? z.output<E['response']> : Blob;

/** The path with its `{name}` parameters filled in (encoded), and the query string (empty values skipped). */
export function endpointUrl(
  e: Pick<EndpointShape, 'path'>,
  input: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {},
): string {
  const path = e.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = input.params?.[name];
    if (v === undefined || v === null || v === '') throw new Error(`缺少路径参数 ${name}（${e.path}）`);
    return encodeURIComponent(String(v));
  });
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const q = sp.toString();
  return q ? `${path}?${q}` : path;
}

/** One page of a list, counted and cut in SQL (`pageOf` in common.ts is its schema). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
