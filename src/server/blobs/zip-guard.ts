import { Inflate } from 'fflate';
import { AppError } from '../../shared/errors';

// Archive bombs (issue #11; decision 015). An .xlsx or .docx is a zip that ExcelJS and mammoth inflate whole, into
// memory: a 306 KB workbook that inflates to 300 MB cost +344 MB and 5.5 s. Before either parser sees a file, this
// guard walks the zip the way they will read it (the central directory, each entry at the offset it gives) and
// inflates every entry into nothing, counting: the real size, not the one the directory declares, is what is bounded.

const MB = 1024 * 1024;

export interface ZipLimits {
  /** entries in the central directory */
  maxEntries: number;
  /** uncompressed bytes of all entries together, declared and actually inflated */
  maxTotalBytes: number;
  /** declared bytes per compressed byte, over the whole archive, once the declared total passes `ratioFloorBytes` */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * Office files: their XML inflates 10–15× (an ExcelJS workbook of 100,000 rows: 13.8× even at level 9) and media
 * not at all, while a deflate bomb is near 1,000×. The total is ExcelJS's and mammoth's working set: 100 MB of XML
 * already costs them about a gigabyte. Real workbooks and documents have tens to a few thousand entries.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 100 * MB,
  maxRatio: 100,
  ratioFloorBytes: 10 * MB,
};

export type ZipRefusal = 'entries' | 'declared_size' | 'declared_ratio' | 'actual_size';

export type ZipVerdict =
  | { ok: true; entries: number; inflatedBytes: number }
  /** not a zip these parsers would read the same way (broken, zip64, prepended data, an unknown method) */
  | { ok: false; reason: 'unreadable' }
  | {
      ok: false;
      reason: ZipRefusal;
      /** the entry being inflated when the guard stopped (null: refused from the directory alone) */
      entry: string | null;
      /** bytes inflated before stopping: a bomb is stopped long before its size */
      inflatedBytes: number;
    };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The end-of-central-directory record: the last one, within the 64 KB a comment may take. */
function findEnd(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === EOCD) return i;
  }
  return -1;
}

function centralDirectory(b: Uint8Array, limits: ZipLimits): Entry[] | 'unreadable' | 'entries' {
  const end = findEnd(b);
  if (end < 0) return 'unreadable';
  const count = u16(b, end + 10);
  const offset = u32(b, end + 16);
  // ZIP64 marks (0xffff / 0xffffffff): only archives over 4 GB or 65,535 entries need them, never an upload here.
  if (count === 0xffff || offset === 0xffffffff) return 'unreadable';
  if (count > limits.maxEntries) return 'entries';
  const entries: Entry[] = [];
  let p = offset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) return 'unreadable';
    const nameLength = u16(b, p + 28);
    const entry: Entry = {
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength)),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      declaredSize: u32(b, p + 24),
      localHeader: u32(b, p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff) return 'unreadable';
    entries.push(entry);
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header as JSZip (ExcelJS, mammoth) locates them. */
function entryData(b: Uint8Array, e: Entry): Uint8Array | null {
  const h = e.localHeader;
  if (h + 30 > b.length || u32(b, h) !== LOCAL) return null;
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length) return null;
  return b.subarray(start, start + e.compressedSize);
}

const STOP = Symbol('stop');
// Deflate yields at most ~1,032 bytes per input byte: feeding 4 KB at a time keeps each output piece under ~4 MB.
const STEP = 4096;

/**
 * Walks a zip as ExcelJS and mammoth would and says whether its size is acceptable. Checks, cheapest first: the
 * number of entries, the declared total and ratio (nothing inflated yet), then the actual bytes of every entry,
 * inflated and thrown away as they come — refused the moment an entry outgrows its declared size (a directory that
 * lies) or the total outgrows the limit. As no entry may exceed what it declares, the declared ratio bounds the
 * actual one. Memory stays at one piece of output at a time.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = OFFICE_ZIP_LIMITS): ZipVerdict {
  const entries = centralDirectory(bytes, limits);
  if (entries === 'unreadable') return { ok: false, reason: 'unreadable' };
  if (entries === 'entries') return { ok: false, reason: 'entries', entry: null, inflatedBytes: 0 };
  const compressed = entries.reduce((a, e) => a + e.compressedSize, 0);
  const declared = entries.reduce((a, e) => a + e.declaredSize, 0);
  if (declared > limits.maxTotalBytes) return { ok: false, reason: 'declared_size', entry: null, inflatedBytes: 0 };
  if (declared > limits.ratioFloorBytes && declared > limits.maxRatio * compressed) {
    return { ok: false, reason: 'declared_ratio', entry: null, inflatedBytes: 0 };
  }
  let total = 0;
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (!data) return { ok: false, reason: 'unreadable' };
    if (e.method === 0) {
      // stored: what is there is what comes out
      total += data.byteLength;
      if (total > limits.maxTotalBytes)
        return { ok: false, reason: 'actual_size', entry: e.name, inflatedBytes: total };
      continue;
    }
    if (e.method !== 8) return { ok: false, reason: 'unreadable' }; // JSZip reads only stored and deflate
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.byteLength;
      total += chunk.byteLength;
      if (produced > e.declaredSize || total > limits.maxTotalBytes) throw STOP;
    });
    try {
      if (data.byteLength === 0) inflater.push(data, true);
      for (let at = 0; at < data.byteLength; at += STEP) {
        inflater.push(data.subarray(at, at + STEP), at + STEP >= data.byteLength);
      }
    } catch (err) {
      if (err !== STOP) return { ok: false, reason: 'unreadable' };
      return { ok: false, reason: 'actual_size', entry: e.name, inflatedBytes: total };
    }
  }
  return { ok: true, entries: entries.length, inflatedBytes: total };
}

/**
 * The guard before ExcelJS or mammoth. An archive that inflates beyond the limits is refused 413 (decision 015: the
 * file is too large once opened — the same remedy as a file too large to send); one the guard cannot walk is
 * `'unreadable'`, for the caller to report the way it reports any file it cannot open.
 */
export function guardOfficeZip(bytes: Uint8Array, label: 'Excel' | 'Word'): 'ok' | 'unreadable' {
  const verdict = inspectZip(bytes);
  if (verdict.ok) return 'ok';
  if (verdict.reason === 'unreadable') return 'unreadable';
  const message =
    verdict.reason === 'entries'
      ? `${label} 文件内部的部件过多（超过 ${OFFICE_ZIP_LIMITS.maxEntries} 个），不是正常的 ${label} 文件，请检查文件`
      : `${label} 文件解压后过大（超过 ${OFFICE_ZIP_LIMITS.maxTotalBytes / MB} MB 或压缩比异常），不是正常的 ${label} 文件，请检查文件`;
  throw new AppError('payload_too_large', { userMessage: message, issues: [{ path: 'file', message }] });
}
