import { type Zippable, zipSync } from 'fflate';

// Every zip the server makes goes through here (issue #10 §6), so that the Chinese entry names (台账/…) read the same in
// Windows Explorer, macOS and Debian's `unzip`. fflate marks entries as made on MS-DOS unless told otherwise, and
// Debian's unzip then converts such names from the DOS code page and garbles them even when they are flagged UTF-8.
// So each entry is marked as made on Unix (version-made-by host 3) with mode 0644, and carries the UTF-8
// language-encoding flag (general purpose bit 11) — fflate sets that flag only on non-ASCII names, so the helper sets
// it on the rest too: one rule for every entry, and ASCII is UTF-8 anyway.

/** APPNOTE 4.4.2.2: the "version made by" host of Unix. */
export const ZIP_HOST_UNIX = 3;
/** APPNOTE 4.4.4: general purpose bit 11, file name and comment in UTF-8. */
export const ZIP_FLAG_UTF8 = 0x0800;
/** External attributes of a regular file with mode 0644 (`S_IFREG | 0644`, in the high 16 bits). */
const FILE_ATTRS = (0o100644 << 16) >>> 0;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;

export interface ZipFilesOptions {
  /** deflate level, 6 by default */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** the entries' modification time (the caller's clock); now by default */
  mtime?: Date;
}

/** A zip of `files` (path → bytes; `/` separates folders), every entry Unix-made, mode 0644, flagged UTF-8. */
export function zipFiles(files: Record<string, Uint8Array>, opts: ZipFilesOptions = {}): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) zippable[path] = [bytes, { attrs: FILE_ATTRS }];
  const zip = zipSync(zippable, { level: opts.level ?? 6, os: ZIP_HOST_UNIX, mtime: opts.mtime });
  markUtf8(zip);
  return zip;
}

/** Sets bit 11 in every local and central header of a zip written by fflate (no archive comment, no zip64). */
function markUtf8(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.byteLength - 22;
  if (eocd < 0 || view.getUint32(eocd, true) !== END_OF_CENTRAL_DIR)
    throw new Error('zip: no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error('zip: bad central directory entry');
    view.setUint16(at + 8, view.getUint16(at + 8, true) | ZIP_FLAG_UTF8, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('zip: bad local header');
    view.setUint16(local + 6, view.getUint16(local + 6, true) | ZIP_FLAG_UTF8, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
