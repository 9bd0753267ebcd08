import { unzipSync } from 'fflate';

export const ALLOWED_KINDS = ['jpeg', 'png', 'pdf', 'docx', 'xlsx'] as const;
export type FileKind = (typeof ALLOWED_KINDS)[number];

export interface SniffResult {
  kind: FileKind;
  mime: string;
  ext: string;
  isImage: boolean;
}

const TYPES: Record<FileKind, SniffResult & { label: string }> = {
  jpeg: { kind: 'jpeg', mime: 'image/jpeg', ext: 'jpg', isImage: true, label: 'JPEG' },
  png: { kind: 'png', mime: 'image/png', ext: 'png', isImage: true, label: 'PNG' },
  pdf: { kind: 'pdf', mime: 'application/pdf', ext: 'pdf', isImage: false, label: 'PDF' },
  docx: {
    kind: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    isImage: false,
    label: 'Word（.docx）',
  },
  xlsx: {
    kind: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    isImage: false,
    label: 'Excel（.xlsx）',
  },
};

function result(kind: FileKind): SniffResult {
  const { label: _label, ...rest } = TYPES[kind];
  return rest;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04

// Real Office files have tens to a few thousand entries; a central directory claiming more is garbage or hostile,
// and walking it would only burn CPU.
const MAX_ZIP_ENTRIES = 20_000;
const STOP = Symbol('stop');

/** Entry names of a zip, read from the central directory only — nothing is decompressed. Null for a broken zip. */
function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  const names = new Set<string>();
  let seen = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        // fflate reads past a truncated directory as zeros instead of failing, so a forged entry count would walk
        // billions of (identical, empty-named) entries; counting calls rather than names bounds that.
        if (++seen > MAX_ZIP_ENTRIES) throw STOP;
        names.add(file.name.toLowerCase());
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

// A macro-enabled workbook or document (.xlsm/.docm) has the same parts plus a VBA project. Served as .docx/.xlsx it
// would carry macros under a name users trust, so it is not accepted as either.
const hasMacros = (names: Set<string>) => [...names].some((n) => n.endsWith('vbaproject.bin'));

function sniffOoxml(bytes: Uint8Array): SniffResult | null {
  const names = zipEntryNames(bytes);
  if (!names?.has('[content_types].xml') || hasMacros(names)) return null;
  const isDocx = names.has('word/document.xml');
  const isXlsx = names.has('xl/workbook.xml');
  // Both main parts at once is no file Office writes; refusing is safer than guessing which one opens.
  if (isDocx === isXlsx) return null;
  return result(isDocx ? 'docx' : 'xlsx');
}

/**
 * The type of an upload from its leading bytes. Only the allowed kinds are recognised; anything else — including
 * unreadable input — is null. The client's file name and MIME type are deliberately not inputs.
 */
export function sniffFileType(bytes: Uint8Array): SniffResult | null {
  if (!(bytes instanceof Uint8Array)) return null;
  if (startsWith(bytes, JPEG)) return result('jpeg');
  if (startsWith(bytes, PNG)) return result('png');
  if (startsWith(bytes, PDF)) return result('pdf');
  if (startsWith(bytes, ZIP)) return sniffOoxml(bytes);
  return null;
}

export type UploadCheck =
  | { ok: true; type: SniffResult }
  | { ok: false; code: 'too_large' | 'unsupported_type' | 'empty'; message: string };

function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

/** Size and type gate for an upload, with messages fit to show the user as they are. */
export function checkUpload(bytes: Uint8Array, opts: { maxBytes: number; allow?: readonly FileKind[] }): UploadCheck {
  const allow = opts.allow ?? ALLOWED_KINDS;
  if (bytes.byteLength === 0) return { ok: false, code: 'empty', message: '文件为空' };
  // Checked before sniffing so an oversized zip is never parsed.
  if (bytes.byteLength > opts.maxBytes) {
    return { ok: false, code: 'too_large', message: `文件过大：最大 ${formatSize(opts.maxBytes)}` };
  }
  const type = sniffFileType(bytes);
  if (!type || !allow.includes(type.kind)) {
    const labels = ALLOWED_KINDS.filter((k) => allow.includes(k)).map((k) => TYPES[k].label);
    return { ok: false, code: 'unsupported_type', message: `不支持的文件类型：仅允许 ${labels.join('、')}` };
  }
  return { ok: true, type };
}
