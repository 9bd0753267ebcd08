// An installation as production starts it (issue #10 §3): migrations and the reference data the regulation fixes
// (the 2025 policy, the Center, the 17 district associations), no demo; then `bin/qianqi create-admin root`.
import ExcelJS from 'exceljs';
import { uuidv7 } from 'uuidv7';
import { writeTx } from '../../../src/server/audit/audit';
import { hashPassword } from '../../../src/server/auth/password';
import { ensureReferenceData } from '../../../src/server/reference-data';
import { ROLE_LABELS, type Role } from '../../../src/shared/permissions';
import { HOST_IMPORT_COLUMNS } from '../../../src/shared/schemas/host-import';
import { createTestApp, PASSWORD, type TestApp } from '../../setup/test-app';

/** A migrated database with the reference data and nothing else. */
export async function emptyInstall(): Promise<TestApp> {
  const t = await createTestApp({ seed: false, env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  await ensureReferenceData(t.ctx);
  return t;
}

/** An active account with the test password, created as the command line creates one (no scope fields). */
export async function addAccount(
  t: TestApp,
  username: string,
  role: Role,
  over: { organizationId?: string | null; districtCode?: string | null; isActive?: boolean } = {},
): Promise<string> {
  const now = t.clock.now().toISOString();
  const id = uuidv7();
  const hash = await hashPassword(PASSWORD);
  await writeTx(t.ctx, async (tx, audit) => {
    const row = {
      id,
      username,
      display_name: ROLE_LABELS[role],
      password_hash: hash,
      role,
      organization_id: over.organizationId ?? null,
      district_code: over.districtCode ?? null,
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
      is_active: over.isActive === false ? 0 : 1,
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('users').values(row).execute();
    await audit.record({
      entity: 'user',
      entityId: id,
      action: 'create',
      summary: `命令行创建账户 ${username}（${ROLE_LABELS[role]}）`,
      after: row,
      actorOverride: { id: null, name: 'cli', role: null },
    });
  });
  return id;
}

export const TEMPLATE_HEADERS = HOST_IMPORT_COLUMNS.map((c) => c.header);

/** A workbook of hosts: one sheet 依托单位, a header row and the rows as given (cells as text). */
export async function hostWorkbook(
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  headers: readonly string[] = TEMPLATE_HEADERS,
  sheetName = '依托单位',
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow([...r]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Fills a downloaded template (its first sheet) from row 2 on, keeping its header, validations and instructions. */
export async function fillTemplate(
  template: ArrayBuffer | Uint8Array,
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template as ArrayBuffer) as never);
  const ws = wb.worksheets[0];
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      ws.getCell(i + 2, j + 1).value = v;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
