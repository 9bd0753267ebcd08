import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../../setup/test-app';

// Supervision records for the matrix and audit coverage (issue #5): an inspection of 2025 and open findings made
// directly, so that every call aims at a record in the state its route expects.

export async function seedInspection(t: TestApp, stationIds: readonly string[]): Promise<string> {
  const id = uuidv7();
  await t.deps.db
    .insertInto('inspections')
    .values({
      id,
      program_year: 2025,
      title: '2025年度第一次不定期抽查',
      kind: 'unannounced',
      planned_on: '2025-06-10',
      status: 'planned',
      sample_note: null,
      summary: null,
      completed_on: null,
      created_at: '2025-06-10T00:00:00Z',
      created_by: null,
      updated_at: '2025-06-10T00:00:00Z',
      version: 1,
    })
    .execute();
  for (const s of stationIds) {
    await t.deps.db
      .insertInto('inspection_targets')
      .values({ id: uuidv7(), inspection_id: id, station_id: s, expense_id: null })
      .execute();
  }
  return id;
}

/** A new open finding of the station: a rectification request, or a violation under 第十八条（二）. */
export async function freshFinding(
  t: TestApp,
  inspectionId: string,
  stationId: string,
  kind: 'rectification' | 'violation' = 'rectification',
): Promise<string> {
  const id = uuidv7();
  await t.deps.db
    .insertInto('inspection_findings')
    .values({
      id,
      inspection_id: inspectionId,
      station_id: stationId,
      kind,
      ground: kind === 'violation' ? 'misappropriation' : null,
      description: kind === 'violation' ? '挪用资助经费支付办公用品' : '活动佐证材料不全',
      due_on: kind === 'violation' ? null : '2025-07-31',
      expense_id: null,
      status: 'open',
      response: null,
      responded_at: null,
      closing_note: null,
      created_at: '2025-06-10T00:00:00Z',
      updated_at: '2025-06-10T00:00:00Z',
      version: 1,
    })
    .execute();
  return id;
}

/** A recovery order of the finding, issued (nothing paid yet). */
export async function freshOrder(t: TestApp, findingId: string, stationId: string, amountFen = 100_000) {
  const id = uuidv7();
  await t.deps.db
    .insertInto('recovery_orders')
    .values({
      id,
      station_id: stationId,
      finding_id: findingId,
      ground: 'misappropriation',
      amount_fen: amountFen,
      paid_fen: 0,
      due_on: '2025-08-31',
      responsible_person: '王建国',
      status: 'issued',
      closing_note: null,
      created_at: '2025-06-10T00:00:00Z',
      created_by: null,
      updated_at: '2025-06-10T00:00:00Z',
      version: 1,
    })
    .execute();
  return id;
}
