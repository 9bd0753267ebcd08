// 考察 is a site visit (第十条), apart from 监督检查 inspections (issue #12, migration 015): its own table, file owner
// kind and audit entity; audit rows written before the rename still read, and filter, as site visits.
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { writeTx } from '../../src/server/audit/audit';
import { migrateToLatest } from '../../src/server/db/database';
import { createTestApp, freshDatabase, type TestApp } from '../setup/test-app';
import { PNG } from './support/ledger-requests';
import { stash, toStage, upload, uuidv7 } from './support/lifecycle';

describe('site visits in the audit trail', () => {
  let t: TestApp;
  let visitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await toStage(t, 'submitted');
    const staff = await t.login('staff');
    const v = await t.call(staff, 'POST', `/api/v1/applications/${stash.appId}/site-visits`, {
      visitedOn: '2025-06-12',
      participants: '中心 王五',
      districtParticipants: '区科协 赵六',
      findings: '条件具备，人员到位',
    });
    expect(v.status, JSON.stringify(v.json)).toBe(201);
    expect(v.json.visitedOn).toBe('2025-06-12');
    visitId = v.json.id;
    const p = await upload(
      t,
      staff,
      `/api/v1/applications/${stash.appId}/site-visits/${visitId}/photos?fileName=现场.png`,
      PNG,
    );
    expect(p.status, JSON.stringify(p.json)).toBe(201);
    // A row as the code before migration 015 wrote it: the 监督检查 code on a site visit's id.
    await writeTx(t.ctx, (_tx, audit) =>
      audit.record({
        entity: 'inspection',
        entityId: visitId,
        action: 'add_file',
        summary: '上传实地考察照片：旧.png',
      }),
    );
  });
  afterAll(() => t.close());

  it('new rows are written as site visits; the photo downloads under the visit', async () => {
    const rows = await t.deps.db
      .selectFrom('audit_events')
      .select(['entity', 'action'])
      .where('entity_id', '=', visitId)
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { entity: 'site_visit', action: 'create' },
      { entity: 'site_visit', action: 'add_file' },
      { entity: 'inspection', action: 'add_file' },
    ]);
    const staff = await t.login('staff');
    const list = await t.call(staff, 'GET', `/api/v1/applications/${stash.appId}/site-visits`);
    const photo = list.json.items[0].photos[0];
    const file = await t.app.request(`/api/v1/applications/${stash.appId}/site-visits/${visitId}/photos/${photo.id}`, {
      headers: { cookie: staff },
    });
    expect(file.status).toBe(200);
  });

  it('the audit list names every row of the visit 实地考察, and filters old and new rows together', async () => {
    const auditadmin = await t.login('auditadmin');
    const visits = await t.call(auditadmin, 'GET', `/api/v1/audit-events?entity=site_visit&pageSize=50`);
    expect(visits.status).toBe(200);
    expect(visits.json.total).toBe(3);
    expect(visits.json.items.map((e: { entityLabel: string }) => e.entityLabel)).toEqual([
      '实地考察',
      '实地考察',
      '实地考察',
    ]);
    // The stored code is shown as written (it is hashed): only the label reads it.
    expect(visits.json.items[0].entity).toBe('inspection');
    const inspections = await t.call(auditadmin, 'GET', `/api/v1/audit-events?entity=inspection&pageSize=50`);
    expect(inspections.json.items.filter((e: { entityId: string }) => e.entityId === visitId)).toEqual([]);
    const verify = await t.call(auditadmin, 'GET', '/api/v1/audit-events/verification');
    expect(verify.json.ok).toBe(true);
  });
});

describe('migration 015 on a database that held site inspections', () => {
  it('renames the table and its date column and moves the photos to the site-visit owner kind', async () => {
    const fresh = await freshDatabase();
    try {
      const db = fresh.handle.db;
      const names = Object.keys(migrations).sort();
      const before = names[names.indexOf('015_site_visits') - 1];
      const r = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(before);
      expect(r.error).toBeUndefined();
      const fileId = uuidv7();
      await sql`insert into lifecycle_files (id, owner_kind, owner_id, purpose, sha256, size, mime, file_name, created_at, created_by)
        values (${fileId}, 'inspection', 'visit-1', 'photo', 'ab', 1, 'image/png', '现场.png', '2025-06-01T00:00:00.000Z', null)`.execute(
        db,
      );
      await migrateToLatest(db);
      const f = await db.selectFrom('lifecycle_files').select('owner_kind').where('id', '=', fileId).executeTakeFirst();
      expect(f?.owner_kind).toBe('site_visit');
      const visits = await db.selectFrom('site_visits').select(['id', 'visited_on']).execute();
      expect(visits).toEqual([]);
      const old = await sql`select count(*) as n from site_inspections`.execute(db).then(
        () => 'still there',
        () => 'gone',
      );
      expect(old).toBe('gone');
    } finally {
      await fresh.drop();
    }
  });
});
