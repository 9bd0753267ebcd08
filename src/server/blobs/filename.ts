const MAX_CODE_POINTS = 100;
const FALLBACK_BASE = '文件';

// Controls, format characters and lone surrogates are invisible or unencodable: U+202E (right-to-left override) in
// particular lets "报告<U+202E>fdp.exe" display as "报告exe.pdf".
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
// Reserved on Windows, where most users save their downloads.
const RESERVED = /[<>:"|?*]/g;
// A trailing ".xyz" counts as an extension only when it looks like one, so "第1.5版" or "张三.李四" keep their dot.
const EXTENSION = /\.([A-Za-z0-9]{1,5})$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function cutCodePoints(s: string, max: number): string {
  const cps = [...s];
  return cps.length > max ? cps.slice(0, max).join('') : s;
}

/**
 * A display and download name for a stored file, safe on every OS. The extension is always the sniffed one, so the
 * name can never claim a type the content is not (a renamed .exe uploaded as "报告.pdf" is rejected by the sniffer;
 * a real PDF uploaded as "报告.docx" is named "报告.pdf").
 */
export function sanitizeFileName(name: string, ext: string): string {
  const cleanExt = String(ext ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const suffix = cleanExt ? `.${cleanExt}` : '';

  let s = String(name ?? '')
    .replace(INVISIBLE, '')
    .normalize('NFC');
  // Only the last path segment: old browsers send "C:\Users\…\报告.docx", hostile clients send "../../etc/passwd".
  s = s.split(/[/\\]/).pop() ?? '';
  s = s.replace(RESERVED, '');

  const m = EXTENSION.exec(s);
  if (m && /[A-Za-z]/.test(m[1]) && m.index > 0) s = s.slice(0, m.index);

  s = s
    .replace(/^[\s.]+|[\s.]+$/gu, '')
    .replace(/\s+/gu, '_')
    .replace(/\.{2,}/g, '.');
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`;

  s = cutCodePoints(s, MAX_CODE_POINTS - [...suffix].length).replace(/[\s.]+$/u, '');
  return `${s || FALLBACK_BASE}${suffix}`;
}

function percentEncode(s: string): string {
  // encodeURIComponent leaves ' ( ) * alone, but RFC 5987 attr-char does not allow them.
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function asciiFallback(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 && /^\.[A-Za-z0-9]+$/.test(fileName.slice(dot)) ? fileName.slice(dot) : '';
  const base = [...(ext ? fileName.slice(0, dot) : fileName)]
    // Quotes and backslashes would end or escape the quoted-string; some browsers percent-decode `filename`.
    .map((ch) => (/^[\x20-\x7e]$/.test(ch) && !/["\\%]/.test(ch) ? ch : '_'))
    .join('')
    .replace(/_+/g, '_');
  return `${/[A-Za-z0-9]/.test(base) ? base : 'file'}${ext}`;
}

/**
 * Content-Disposition value per RFC 6266: `filename*` (RFC 5987, UTF-8) carries the real Chinese name for every
 * current browser, `filename` an ASCII stand-in for clients that ignore `filename*`.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const wellFormed = String(fileName ?? '').replace(/\p{Cs}/gu, '\uFFFD');
  return `${disposition}; filename="${asciiFallback(wellFormed)}"; filename*=UTF-8''${percentEncode(wellFormed)}`;
}
