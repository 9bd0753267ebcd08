// Bridges between antd forms and the shared zod schemas / the server's field issues.
import type { FormInstance, FormRule as Rule } from 'antd';
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { FieldIssue } from '../../shared/errors';
import { ApiError, apiHooks } from './api';
import { parseYuan } from './money';

// zod's own messages (where a schema gives none) in Chinese, as on the server.
z.config(zhCN());

type NamePath = (string | number)[];

function toNamePath(path: string, stripPrefix?: string): NamePath {
  const p = stripPrefix && path.startsWith(stripPrefix) ? path.slice(stripPrefix.length) : path;
  return p.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * Puts the server's (or zod's) field issues on the form's fields. Issues for fields the form does not have are
 * returned, so the caller can show them elsewhere. `stripPrefix` maps `station.name` to `name`.
 */
export function applyIssues(form: FormInstance, issues: FieldIssue[], stripPrefix?: string): FieldIssue[] {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  const registered = new Set(
    form.getFieldsError().map((f) => JSON.stringify((f.name as NamePath).map((s) => String(s)))),
  );
  for (const issue of issues) {
    const name = toNamePath(issue.path, stripPrefix);
    const key = JSON.stringify(name.map(String));
    if (!registered.has(key)) {
      unplaced.push(issue);
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map((f) => ({ name: f.name, errors: f.errors })));
  return unplaced;
}

/** For a failed submit: field issues go on the fields; returns true when the error was a validation error. */
export function applyApiError(form: FormInstance, err: unknown, stripPrefix?: string): boolean {
  if (err instanceof ApiError && err.issues.length) {
    // Unless the central message already said them (it is shown for every failed request that is not quiet).
    const unplaced = applyIssues(form, err.issues, stripPrefix).filter((i) => !err.message.includes(i.message));
    // Issues about the whole record (a policy that no longer adds up) have no field: show them centrally.
    if (unplaced.length) {
      apiHooks.notify(
        new ApiError({ status: err.status, code: err.code, message: unplaced.map((i) => i.message).join('；') }),
      );
    }
    return true;
  }
  return false;
}

/** zod issues as `{ path, message }`, the server's format. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * An antd rule that checks one field with the shared zod schema, so the form shows the route's own Chinese
 * messages. `empty` is what an empty input means to the schema: '' for a required text, null for an optional one.
 */
export function zodRule(schema: z.ZodType, empty: unknown = ''): Rule {
  return {
    validator: async (_rule, value) => {
      const input = value === undefined || value === null || value === '' ? empty : value;
      const r = schema.safeParse(input);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '输入有误');
    },
  };
}

/** '' and undefined → null, for the schemas' nullable optional fields. */
export function emptyToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === '' || v === undefined ? null : v;
  return out as T;
}

/**
 * The form's values when every rule passes, otherwise null (antd rejects with the field errors, which the form
 * already shows; letting that rejection escape would be an unhandled promise rejection).
 */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}

/**
 * An amount typed in 元, checked as the route checks the fen it becomes: the shared schema's own messages (金额应大于
 * 0, 金额过大) after the yuan parser's (format, two decimals, no sign).
 */
export function yuanRule(fenSchema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const p = parseYuan(value);
      if (!p.ok) throw new Error(p.message);
      const r = fenSchema.safeParse(p.fen ?? undefined);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '请填写金额');
    },
  };
}

/**
 * A reason or note that a lifecycle rule (not the request schema) wants of some length: counted after trimming, as
 * the server's guard counts it, so that spaces around one character do not pass here and fail there.
 */
export function trimmedMinRule(label: string, min = 2): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if ((value ?? '').trim().length < min) throw new Error(`请填写${label}（至少 ${min} 个字）`);
    },
  };
}
