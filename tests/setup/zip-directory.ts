// Reads a zip's central directory (APPNOTE 4.3.12) byte by byte, independently of fflate and of src/server/docs/zip.ts,
// so tests can check what `unzip` and Explorer will see: the host that made each entry, its flags and attributes.

export interface CentralEntry {
  name: string;
  /** high byte of "version made by": 0 MS-DOS, 3 Unix */
  host: number;
  /** general purpose bit flag of the central header */
  flags: number;
  /** general purpose bit flag of the entry's local header */
  localFlags: number;
  /** Unix mode (external attributes >>> 16) */
  mode: number;
}

export function centralDirectory(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      host: view.getUint8(at + 5),
      flags: view.getUint16(at + 8, true),
      localFlags: view.getUint16(local + 6, true),
      mode: view.getUint32(at + 38, true) >>> 16,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}
