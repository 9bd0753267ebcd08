// Client-side checks of a file before it is uploaded (ledger evidence, vouchers, signed scans, application files).
import { formatSize } from './format';

/** The server's upload limit (UPLOAD_MAX_MB default); the server stays the authority. */
export const MAX_UPLOAD_MB = 50;

/**
 * A friendly early refusal of a file the server would refuse anyway: wrong extension, empty or too large.
 * Returns the message, or null when the file may be sent.
 */
export function checkFile(
  file: { name: string; size: number },
  allowed: readonly string[],
  maxMb = MAX_UPLOAD_MB,
): string | null {
  const name = file.name.toLowerCase();
  if (!allowed.some((ext) => name.endsWith(ext))) {
    return `“${file.name}”的类型不支持：只能上传 ${allowed.map((e) => e.slice(1).toUpperCase()).join('、')} 文件`;
  }
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > maxMb * 1024 * 1024) return `“${file.name}”过大（${formatSize(file.size)}）：最大 ${maxMb} MB`;
  return null;
}
