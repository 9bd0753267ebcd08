import type { Context } from 'hono';
import { uuidv7 } from 'uuidv7';
import { notFound } from '../../../shared/errors';
import type { LifecycleFileDto } from '../../../shared/schemas/lifecycle-file';
import { contentDisposition, sanitizeFileName } from '../../blobs/filename';
import type { SniffResult } from '../../blobs/sniff';
import type { Ctx } from '../../context';
import type { Database, Tx } from '../../db/database';
import type { LifecycleFileTable } from '../../db/schema';

// Files of the lifecycle (application attachments, inspection photos, signed agreement scans, paper explanations).
// Like station evidence: bytes to the content-addressed store first (an orphan blob is harmless, a row without its
// bytes is not), the row in the caller's transaction. Callers check the owner's scope before calling.

export type FileOwner = LifecycleFileTable['owner_kind'];

export const toFileDto = (r: LifecycleFileTable): LifecycleFileDto => ({
  id: r.id,
  purpose: r.purpose,
  fileName: r.file_name,
  mime: r.mime,
  size: Number(r.size),
  createdAt: r.created_at,
});

export interface StoreLifecycleFileOptions {
  owner: { kind: FileOwner; id: string };
  purpose: string;
  fileName: string;
  bytes: Uint8Array;
  type: SniffResult;
}

export async function storeLifecycleFile(
  ctx: Ctx,
  tx: Tx,
  { owner, purpose, fileName, bytes, type }: StoreLifecycleFileOptions,
): Promise<LifecycleFileTable> {
  const blob = await ctx.blobs.put(bytes);
  const row: LifecycleFileTable = {
    id: uuidv7(),
    owner_kind: owner.kind,
    owner_id: owner.id,
    purpose,
    sha256: blob.sha256,
    size: blob.size,
    mime: type.mime,
    file_name: sanitizeFileName(fileName, type.ext),
    created_at: ctx.clock.now().toISOString(),
    created_by: ctx.actor?.userId ?? null,
  };
  await tx.insertInto('lifecycle_files').values(row).execute();
  return row;
}

export async function filesOf(db: Database | Tx, kind: FileOwner, ownerIds: string[]): Promise<LifecycleFileTable[]> {
  if (!ownerIds.length) return [];
  return db
    .selectFrom('lifecycle_files')
    .selectAll()
    .where('owner_kind', '=', kind)
    .where('owner_id', 'in', ownerIds)
    .orderBy('created_at')
    .execute();
}

export interface ReadLifecycleFileOptions {
  kind: FileOwner;
  ownerId: string;
  fileId: string;
}

/** The bytes of a file whose owner the caller has already found in scope: the same 404 for missing and foreign. */
export async function readLifecycleFile(ctx: Ctx, { kind, ownerId, fileId }: ReadLifecycleFileOptions) {
  const row = await ctx.db
    .selectFrom('lifecycle_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  if (!row) throw notFound('文件');
  return { bytes: await ctx.blobs.get(row.sha256), fileName: row.file_name, mime: row.mime };
}

/** A stored file as a download: attachment, never rendered by the browser. */
export function fileDownload(c: Context, f: { bytes: Uint8Array; fileName: string; mime: string }): Response {
  c.header('Content-Type', f.mime);
  c.header('Content-Disposition', contentDisposition(f.fileName));
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  return c.body(f.bytes as Uint8Array<ArrayBuffer>);
}
