import { uuidv7 } from 'uuidv7';
import type { EvidenceKind, ReportKind } from '../../../domain/ledger/codes';
import { wordCount } from '../../../domain/word-count';
import { invalid, notFound } from '../../../shared/errors';
import { EVIDENCE_KIND_LABELS, REPORT_KIND_LABELS } from '../../../shared/labels';
import { writeTx } from '../../audit/audit';
import { acceptUpload as accept } from '../../blobs/accept';
import { docxText } from '../../blobs/docx-text';
import { sanitizeFileName } from '../../blobs/filename';
import type { SniffResult } from '../../blobs/sniff';
import type { Ctx } from '../../context';
import { requireStation } from '../../core/stations';
import type { Tx } from '../../db/database';
import { touchStations } from './ledger-version';
import { getRecord, refuseFutureDates } from './records.service';

// Evidence files (第十三条) and report sources. The bytes go to the blob store (content-addressed, written before the
// transaction: an orphan blob is harmless, a row without its bytes is not); the row and the audit record share one
// transaction. The type comes from the bytes, never from the name or the client's MIME.

export interface StoreAttachmentOptions {
  stationId: string;
  bytes: Uint8Array;
  type: SniffResult;
  fileName: string;
}

export async function storeAttachment(
  ctx: Ctx,
  tx: Tx,
  { stationId, bytes, type, fileName }: StoreAttachmentOptions,
): Promise<{ id: string; fileName: string }> {
  const blob = await ctx.blobs.put(bytes);
  const id = uuidv7();
  const name = sanitizeFileName(fileName, type.ext);
  await tx
    .insertInto('attachments')
    .values({
      id,
      station_id: stationId,
      sha256: blob.sha256,
      size: blob.size,
      mime: type.mime,
      file_name: name,
      created_at: ctx.clock.now().toISOString(),
      created_by: ctx.actor?.userId ?? null,
    })
    .execute();
  return { id, fileName: name };
}

export interface AddEventEvidenceOptions {
  stationId: string;
  eventId: string;
  kind: EvidenceKind;
  fileName: string;
  bytes: Uint8Array;
}

export async function addEventEvidence(
  ctx: Ctx,
  { stationId, eventId, kind, fileName, bytes }: AddEventEvidenceOptions,
) {
  await requireStation(ctx, stationId);
  const type = accept(ctx, bytes);
  await writeTx(ctx, async (tx, audit) => {
    const event = await tx
      .selectFrom('events')
      .select(['id', 'title', 'version'])
      .where('id', '=', eventId)
      .where('station_id', '=', stationId)
      .executeTakeFirst();
    if (!event) throw notFound('活动');
    const file = await storeAttachment(ctx, tx, { stationId, bytes, type, fileName });
    const evidenceId = uuidv7();
    await tx
      .insertInto('event_evidence')
      .values({
        id: evidenceId,
        event_id: eventId,
        kind,
        attachment_id: file.id,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await touchStations(tx, [stationId]);

    await audit.record({
      entity: 'event',
      entityId: eventId,
      action: 'add_evidence',
      summary: `为活动“${event.title}”上传${EVIDENCE_KIND_LABELS[kind]}：${file.fileName}`,
      after: { evidence_id: evidenceId, kind, attachment_id: file.id, file_name: file.fileName, mime: type.mime },
    });
  });
  return getRecord(ctx, { kind: 'events', stationId, recordId: eventId });
}

export interface RemoveEventEvidenceOptions {
  stationId: string;
  eventId: string;
  evidenceId: string;
}

export async function removeEventEvidence(ctx: Ctx, { stationId, eventId, evidenceId }: RemoveEventEvidenceOptions) {
  await requireStation(ctx, stationId);
  await writeTx(ctx, async (tx, audit) => {
    const row = await tx
      .selectFrom('event_evidence as v')
      .innerJoin('events as e', 'e.id', 'v.event_id')
      .leftJoin('attachments as a', 'a.id', 'v.attachment_id')
      .select(['v.id', 'v.kind', 'v.attachment_id', 'e.title', 'e.version', 'a.file_name'])
      .where('v.id', '=', evidenceId)
      .where('v.event_id', '=', eventId)
      .where('e.station_id', '=', stationId)
      .executeTakeFirst();
    if (!row) throw notFound('佐证材料');
    await tx.deleteFrom('event_evidence').where('id', '=', evidenceId).execute();
    await touchStations(tx, [stationId]);
    await audit.record({
      entity: 'event',
      entityId: eventId,
      action: 'remove_evidence',
      summary: `删除活动“${row.title}”的${EVIDENCE_KIND_LABELS[row.kind] ?? row.kind}${row.file_name ? `：${row.file_name}` : ''}`,
      before: { evidence_id: row.id, kind: row.kind, attachment_id: row.attachment_id },
    });
  });
  return getRecord(ctx, { kind: 'events', stationId, recordId: eventId });
}

export interface CreateReportFromDocxOptions {
  stationId: string;
  input: { kind: ReportKind; title: string; submittedOn?: string | null; fileName: string };
  bytes: Uint8Array;
}

/** A report written in Word: the text is taken out with mammoth and counted (字数) like a typed one. */
export async function createReportFromDocx(ctx: Ctx, { stationId, input, bytes }: CreateReportFromDocxOptions) {
  await requireStation(ctx, stationId);
  refuseFutureDates(ctx, { kind: 'reports', input: { submittedOn: input.submittedOn } });
  const type = accept(ctx, bytes, ['docx']);
  const text = await docxText(bytes);
  if (!text.trim()) throw invalid([{ path: 'file', message: 'Word 文件中没有正文文字' }]);
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const file = await storeAttachment(ctx, tx, { stationId, bytes, type, fileName: input.fileName });
    const now = ctx.clock.now().toISOString();
    const row = {
      id,
      station_id: stationId,
      kind: input.kind,
      title: input.title,
      submitted_on: input.submittedOn ?? null,
      text,
      word_count: wordCount(text),
      attachment_id: file.id,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('reports').values(row).execute();
    await touchStations(tx, [stationId]);
    await audit.record({
      entity: 'report',
      entityId: id,
      action: 'create',
      summary: `上传${REPORT_KIND_LABELS[input.kind]}“${input.title}”（${file.fileName}，${row.word_count} 字）`,
      after: { ...row, text: `（${row.word_count} 字）` },
    });
  });
  return getRecord(ctx, { kind: 'reports', stationId, recordId: id });
}

/** A stored file of a station, after the station's scope check: the same 404 for missing and out of scope. */
export async function readAttachment(ctx: Ctx, stationId: string, attachmentId: string) {
  await requireStation(ctx, stationId);
  const row = await ctx.db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  if (!row) throw notFound('文件');
  const bytes = await ctx.blobs.get(row.sha256);
  return { bytes, fileName: row.file_name, mime: row.mime };
}
