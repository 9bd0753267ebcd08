import { EVIDENCE_KIND_LABELS, REPORT_KIND_LABELS, VOUCHER_KIND_LABELS } from '../../../shared/labels';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import { zipFiles } from '../../docs/zip';
import { finalAccountsData, finalAccountsDocx, finalAccountsXlsx } from '../funds/final-accounts';
import { stationRecordIds } from '../ledger/records.service';
import { ledgerWorkbook } from '../ledger-exchange/ledger-excel';
import { buildLedger } from '../ledger-exchange/ledger-export.service';
import { agreementDocument } from '../projects/projects.service';
import { MANIFEST, manifestOf, sha256Hex } from './manifest';

// The third-party audit package of a station (第十二条, issue #5): the ledger as JSON and Excel, the final accounts,
// every voucher and evidence file, the reports, every agreement version with its scans, the station's audit-trail
// extract, and a manifest with the SHA-256 of each file. Making one is itself audited, with the manifest's hash.

const enc = new TextEncoder();
const json = (v: unknown) => enc.encode(`${JSON.stringify(v, null, 2)}\n`);

/** A path segment from a user's file name: no separators, no control characters, bounded. */
function seg(name: string): string {
  const clean = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return (clean || '文件').slice(0, 120);
}

export async function auditPackage(ctx: Ctx, stationId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const station = await requireStation(ctx, stationId);
  const policy = await loadPolicy(ctx.db, station.program_year);
  const files: Record<string, Uint8Array> = {};
  const missing: string[] = [];
  const put = (path: string, bytes: Uint8Array) => {
    let p = path;
    for (let n = 2; files[p]; n++) p = path.replace(/(\.[^./]+)?$/, `-${n}$1`);
    files[p] = bytes;
  };

  // Ledger and money.
  const ledger = await buildLedger(ctx, station);
  put('台账/台账.json', json(ledger));
  put('台账/台账.xlsx', new Uint8Array(await ledgerWorkbook(ledger, policy)));
  const accounts = await finalAccountsData(ctx, stationId);
  put('经费/决算报告.xlsx', new Uint8Array(await finalAccountsXlsx(accounts)));
  put('经费/决算报告.docx', new Uint8Array(await finalAccountsDocx(accounts)));

  // Every stored file of the station, filed by what it documents.
  const attachments = await ctx.db
    .selectFrom('attachments as a')
    .leftJoin('expense_vouchers as v', 'v.attachment_id', 'a.id')
    .leftJoin('expenses as x', 'x.id', 'v.expense_id')
    .leftJoin('event_evidence as e', 'e.attachment_id', 'a.id')
    .leftJoin('events as ev', 'ev.id', 'e.event_id')
    .leftJoin('fund_payments as fp', 'fp.voucher_attachment_id', 'a.id')
    .leftJoin('reports as r', 'r.attachment_id', 'a.id')
    .select(['a.id', 'a.sha256', 'a.file_name', 'x.ref as expense_ref', 'v.kind as voucher_kind'])
    .select(['ev.ref as event_ref', 'e.kind as evidence_kind', 'fp.paid_on', 'r.kind as report_kind'])
    .where('a.station_id', '=', stationId)
    .orderBy('a.id')
    .execute();
  // File names carry the kinds in Chinese (发票, 签到表, 总结报告 …): the auditor reads them in a file manager.
  const label = (labels: Record<string, string>, code: string | null) => (code ? (labels[code] ?? code) : '');
  for (const a of attachments) {
    const folder = a.expense_ref
      ? `支出凭证/${a.expense_ref}-${label(VOUCHER_KIND_LABELS, a.voucher_kind)}`
      : a.event_ref
        ? `活动佐证/${a.event_ref}-${label(EVIDENCE_KIND_LABELS, a.evidence_kind)}`
        : a.paid_on
          ? `拨付凭证/${a.paid_on}`
          : a.report_kind
            ? `报告原件/${label(REPORT_KIND_LABELS, a.report_kind)}`
            : '其他文件/未关联';
    try {
      put(`${folder}-${seg(a.file_name)}`, await ctx.blobs.get(a.sha256));
    } catch {
      missing.push(`${folder}-${a.file_name}`);
    }
  }
  const reports = await ctx.db.selectFrom('reports').selectAll().where('station_id', '=', stationId).execute();
  for (const r of reports) put(`报告/${label(REPORT_KIND_LABELS, r.kind)}-${seg(r.title)}.txt`, enc.encode(r.text));

  // Agreement versions and the project's scans.
  const projects = await ctx.db.selectFrom('projects').select('id').where('station_id', '=', stationId).execute();
  const projectIds = projects.map((p) => p.id);
  for (const p of projects) {
    const versions = await ctx.db
      .selectFrom('agreement_versions')
      .select('version_no')
      .where('project_id', '=', p.id)
      .orderBy('version_no')
      .execute();
    for (const v of versions) {
      const doc = await agreementDocument(ctx, p.id, v.version_no);
      put(`协议/项目合作协议-第${v.version_no}版.docx`, new Uint8Array(doc.bytes));
    }
  }
  const changeRequests = projectIds.length
    ? await ctx.db.selectFrom('change_requests').select('id').where('project_id', 'in', projectIds).execute()
    : [];
  const ownerIds = [...projectIds, ...changeRequests.map((c) => c.id)];
  const scans = ownerIds.length
    ? await ctx.db.selectFrom('lifecycle_files').selectAll().where('owner_id', 'in', ownerIds).orderBy('id').execute()
    : [];
  for (const f of scans) {
    try {
      put(`协议/${f.purpose}-${seg(f.file_name)}`, await ctx.blobs.get(f.sha256));
    } catch {
      missing.push(`协议/${f.purpose}-${f.file_name}`);
    }
  }

  // The audit trail of the station and of everything recorded in it.
  const ids = new Set<string>([stationId, ...ownerIds]);
  for (const id of await stationRecordIds(ctx.db, stationId)) ids.add(id);
  for (const t of ['expenses', 'inspection_findings', 'recovery_orders'] as const) {
    const rows = await ctx.db.selectFrom(t).select('id').where('station_id', '=', stationId).execute();
    for (const r of rows) ids.add(r.id);
  }
  const all = [...ids];
  const trail: unknown[] = [];
  for (let i = 0; i < all.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('audit_events')
      .select([
        'seq',
        'at',
        'actor_name',
        'actor_role',
        'entity',
        'entity_id',
        'action',
        'summary',
        'diff_json',
        'hash',
      ])
      .where('entity_id', 'in', all.slice(i, i + 500))
      .execute();
    trail.push(...rows);
  }
  trail.sort((a, b) => Number((a as { seq: number }).seq) - Number((b as { seq: number }).seq));
  put('审计日志/站点操作记录.json', json(trail));
  if (missing.length) put('缺失文件说明.json', json({ note: '以下文件在存储中未找到', files: missing }));

  const generatedAt = ctx.clock.now().toISOString();
  const manifest = manifestOf({
    station: { id: station.id, name: station.name, programYear: station.program_year },
    files,
    generatedAt,
    generatedBy: ctx.actor?.username ?? null,
  });
  const manifestBytes = json(manifest);
  const bytes = zipFiles({ ...files, [MANIFEST]: manifestBytes }, { mtime: ctx.clock.now() });
  await writeTx(ctx, async (_tx, audit) => {
    await audit.record({
      entity: 'station',
      entityId: stationId,
      action: 'export_audit_package',
      summary: `导出“${station.name}”第三方审计包（${manifest.files.length} 个文件，清单 SHA-256 ${sha256Hex(manifestBytes)}，第十二条）`,
      after: { files: manifest.files.length, manifest_sha256: sha256Hex(manifestBytes), zip_sha256: sha256Hex(bytes) },
    });
  });
  return { bytes, fileName: `${station.name}-审计包-${generatedAt.slice(0, 10)}.zip` };
}
