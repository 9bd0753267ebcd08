import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { AppError } from '../../shared/errors';

export const DOCX_UNREADABLE_MESSAGE = '无法读取 Word 文件内容';
export const DOCX_TOO_LARGE_MESSAGE = 'Word 文件解压后过大（正文超过 100 MB），请检查文件';

/** mammoth inflates the whole document: refuse a file whose entries would expand beyond this (a zip bomb). */
const MAX_EXPANDED_BYTES = 100 * 1024 * 1024;

function expandedSize(bytes: Uint8Array): number {
  let total = 0;
  try {
    // The filter sees each entry's declared size and extracts nothing.
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return 0; // not a zip: mammoth reports it as unreadable
  }
  return total;
}

/**
 * Plain text of a .docx (paragraphs separated by a blank line), for search and previews. A file that is not a
 * readable docx is a problem with the upload, not with the server, so it surfaces as a validation error whose
 * message can be shown to the user.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  if (expandedSize(bytes) > MAX_EXPANDED_BYTES) {
    throw new AppError('validation', { userMessage: DOCX_TOO_LARGE_MESSAGE });
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
