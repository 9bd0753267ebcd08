import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_FIELD_LABELS, auditFieldLabel } from './audit-field-labels';

// The schema file itself, not a hand-kept list: a column added there without a Chinese name fails here.
const schema = readFileSync(new URL('../server/db/schema.ts', import.meta.url), 'utf8');

function schemaColumns(): string[] {
  const cols = new Set<string>();
  for (const m of schema.matchAll(/interface (\w+)(?: extends \w+)? \{([^}]*)\}/g)) {
    // DB maps table names to their interfaces: its keys are tables, not columns.
    if (m[1] === 'DB') continue;
    for (const p of m[2].matchAll(/^\s+(\w+)\??:/gm)) cols.add(p[1]);
  }
  return [...cols].sort();
}

describe('AUDIT_FIELD_LABELS', () => {
  it('names every column of every table in Chinese', () => {
    const cols = schemaColumns();
    // Guards the parsing: a regex that matched nothing would pass the check below vacuously.
    expect(cols.length).toBeGreaterThan(150);
    expect(cols).toContain('must_change_password');
    expect(cols.filter((c) => !(c in AUDIT_FIELD_LABELS))).toEqual([]);
  });

  it('gives every label in Chinese, and falls back to the code for a key it does not know', () => {
    expect(Object.entries(AUDIT_FIELD_LABELS).filter(([, v]) => !/[\u4e00-\u9fff]/.test(v))).toEqual([]);
    expect(auditFieldLabel('district_code')).toBe('区划代码');
    expect(auditFieldLabel('amount_fen')).toBe('金额（分）');
    expect(auditFieldLabel('no_such_field')).toBe('no_such_field');
  });
});
