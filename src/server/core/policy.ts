import type { Policy } from '../../domain/policy/index';
import { notFound } from '../../shared/errors';
import type { Database, Tx } from '../db/database';
import type { ProgramYearTable } from '../db/schema';

// A program year's policy is read by nine features (KPIs, funds, lifecycle, supervision …): it lives in the core, not
// in the program-years feature that edits it.

export function parsePolicy(row: Pick<ProgramYearTable, 'policy_json'>): Policy {
  return JSON.parse(row.policy_json) as Policy;
}

export async function loadPolicy(db: Database | Tx, year: number): Promise<Policy> {
  const row = await db.selectFrom('program_years').select('policy_json').where('year', '=', year).executeTakeFirst();
  if (!row) throw notFound(`${year} 年度`);
  return parsePolicy(row);
}
