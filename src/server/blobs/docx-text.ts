import mammoth from 'mammoth';
import { AppError } from '../../shared/errors';
import { guardOfficeZip } from './zip-guard';

export const DOCX_UNREADABLE_MESSAGE = '无法读取 Word 文件内容';

/**
 * Plain text of a .docx (paragraphs separated by a blank line), for search and previews. A file that is not a
 * readable docx is a problem with the upload, not with the server, so it surfaces as a validation error whose
 * message can be shown to the user.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  // mammoth inflates the whole document into memory: an archive bomb is refused (413) before it gets there.
  if (guardOfficeZip(bytes, 'Word') === 'unreadable') {
    throw new AppError('validation', { userMessage: DOCX_UNREADABLE_MESSAGE });
  }
  let raw: string;
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    raw = result.value;
  } catch (cause) {
    const err = new AppError('validation', { userMessage: DOCX_UNREADABLE_MESSAGE });
    err.cause = cause;
    throw err;
  }
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
