import { AppError } from '../../shared/errors';
import type { Ctx } from '../context';
import { checkUpload, type FileKind, type SniffResult } from './sniff';

/**
 * The one gate for uploaded bytes: size limit (UPLOAD_MAX_MB) and a type sniffed from the bytes, never from the
 * name or the client's MIME. A refused type is 415, a too-large or empty file 400 naming the field `file`.
 */
export function acceptUpload(ctx: Ctx, bytes: Uint8Array, allow?: readonly FileKind[]): SniffResult {
  const check = checkUpload(bytes, { maxBytes: ctx.env.UPLOAD_MAX_MB * 1024 * 1024, allow });
  if (!check.ok) {
    const code = check.code === 'unsupported_type' ? 'unsupported_media_type' : 'validation';
    throw new AppError(code, { userMessage: check.message, issues: [{ path: 'file', message: check.message }] });
  }
  return check.type;
}
