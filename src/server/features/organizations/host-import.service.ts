import {
  type CheckedHostRows,
  checkHostRows,
  type DistrictRef,
  type RawHostRow,
} from '../../../domain/hosts/import-rows';
import { BUILT_IN_POLICIES } from '../../../domain/policy/index';
import { conflict, invalid } from '../../../shared/errors';
import type { HostImportReport } from '../../../shared/schemas/host-import';
import { writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import { parsePolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import { hostImportTemplate, readHostWorkbook } from './host-import.excel';
import { newHostRow } from './organizations.service';

// 依托单位批量导入 (issue #10 §3): a dry run previews every row and every problem; the import itself re-reads the same
// file, checks it again inside its transaction and creates all new hosts or none, one audit event each.

/** The districts (第三条) as the newest program year names them; the built-in policy before any year exists. */
async function currentDistricts(db: Database | Tx): Promise<DistrictRef[]> {
  const row = await db.selectFrom('program_years').select('policy_json').orderBy('year', 'desc').executeTakeFirst();
  const policy = row ? parsePolicy(row) : BUILT_IN_POLICIES[BUILT_IN_POLICIES.length - 1];
  return policy.districts.map((d) => ({ code: d.code, name: d.name, fullName: d.fullName }));
}

async function registeredOrgs(db: Database | Tx) {
  const rows = await db.selectFrom('organizations').select(['name', 'uscc', 'kind', 'is_active']).execute();
  return rows.map((o) => ({ name: o.name, uscc: o.uscc, kind: o.kind, isActive: o.is_active === 1 }));
}

export async function hostImportTemplateFile(ctx: Ctx): Promise<Buffer> {
  return hostImportTemplate({ districts: await currentDistricts(ctx.db), maxMb: ctx.env.UPLOAD_MAX_MB });
}

async function check(db: Database | Tx, raw: RawHostRow[]): Promise<CheckedHostRows> {
  return checkHostRows(raw, { districts: await currentDistricts(db), registered: await registeredOrgs(db) });
}

export function toHostImportReport(checked: CheckedHostRows, dryRun: boolean, created: number): HostImportReport {
  const count = (s: string) => checked.rows.filter((r) => r.status === s).length;
  return {
    dryRun,
    ok: checked.problems.length === 0,
    total: checked.rows.length,
    toCreate: count('create'),
    toSkip: count('skip'),
    errorRows: count('error'),
    created,
    rows: checked.rows,
    problems: checked.problems,
  };
}

/**
 * Imports the host organisations of an Excel file (the template filled in). `dryRun`: the preview, nothing written.
 * Otherwise all rows must be free of problems (else 400, one issue per row and field) and at least one must be new
 * (else 409); the new ones are created in one transaction with an audit event each; registered ones are skipped.
 */
export async function importHosts(ctx: Ctx, bytes: Uint8Array, opts: { dryRun: boolean }): Promise<HostImportReport> {
  acceptUpload(ctx, bytes, ['xlsx']);
  const raw = await readHostWorkbook(bytes);
  if (opts.dryRun) return toHostImportReport(await check(ctx.db, raw), true, 0);
  return writeTx(ctx, async (tx, audit) => {
    // Checked again inside the transaction: what another import created meanwhile is skipped or refused, not doubled.
    const checked = await check(tx, raw);
    if (checked.problems.length) {
      throw invalid(
        checked.problems.map((p) => ({
          path: `rows.${p.row}.${p.field}`,
          message: `第 ${p.row} 行“${p.column}”：${p.message}`,
        })),
        `文件中有 ${checked.problems.length} 处问题，未导入任何依托单位；请按预览改正后重新上传`,
      );
    }
    const fresh = checked.rows.filter((r) => r.status === 'create');
    if (!fresh.length) {
      throw conflict(`文件中的 ${checked.rows.length} 个依托单位均已登记，没有需要导入的单位`);
    }
    const now = ctx.clock.now().toISOString();
    for (const r of fresh) {
      const row = newHostRow(
        {
          name: r.name,
          hostKind: r.hostKind!,
          uscc: r.uscc,
          districtCode: r.districtCode,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          address: r.address,
        },
        now,
      );
      await tx.insertInto('organizations').values(row).execute();
      await audit.record({
        entity: 'organization',
        entityId: row.id,
        action: 'create',
        summary: `批量导入依托单位“${row.name}”（Excel 第 ${r.row} 行）`,
        after: { ...row },
      });
    }
    return toHostImportReport(checked, false, fresh.length);
  });
}
