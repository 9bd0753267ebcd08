import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';

// Archives for the archive-bomb tests, written by hand so that a 300 MB entry costs milliseconds to make: the deflate
// of 1 MB of one byte, ended by a full flush (byte-aligned, no reference to what came before), is repeated as many
// times as there are megabytes — the same stream a compressor at level 9 writes for repeated input, which fflate
// would take 11 s to produce. A directory can be made to lie about an entry's size.

const MB = 1024 * 1024;
/** A final, empty deflate block (fixed Huffman: BFINAL 1, BTYPE 01, end-of-block). */
const FINAL_BLOCK = Uint8Array.from([0x03, 0x00]);

export interface ZipEntrySpec {
  name: string;
  /** the entry's bytes before and after the repeated part */
  head?: string;
  tail?: string;
  /** megabytes of `byte` between head and tail */
  repeatMb?: number;
  byte?: number;
  /** the uncompressed size the central directory states, when it should lie */
  declaredSize?: number;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function flushed(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
}

function entryData(e: ZipEntrySpec): { data: Uint8Array; size: number; crc: number } {
  const head = strToU8(e.head ?? '');
  const tail = strToU8(e.tail ?? '');
  const mb = new Uint8Array(MB).fill(e.byte ?? 0x20);
  const block = flushed(mb);
  const parts: Uint8Array[] = [flushed(head)];
  let crc = head.byteLength ? crc32(head) : 0;
  for (let i = 0; i < (e.repeatMb ?? 0); i++) {
    parts.push(block);
    crc = crc32(mb, crc);
  }
  parts.push(flushed(tail), FINAL_BLOCK);
  // Node 20's crc32 of fflate's empty array (no backing buffer) is 0, not the value passed in
  if (tail.byteLength) crc = crc32(tail, crc);
  return { data: concat(parts), size: head.byteLength + (e.repeatMb ?? 0) * MB + tail.byteLength, crc };
}

/** A zip of deflated entries; each entry's central-directory size is its true size unless `declaredSize` says else. */
export function zipOf(entries: ZipEntrySpec[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const { data, size, crc } = entryData(e);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 8, true); // deflate
    local.setUint32(14, crc, true);
    local.setUint32(18, data.byteLength, true);
    local.setUint32(22, e.declaredSize ?? size, true);
    local.setUint16(26, name.byteLength, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, 8, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, data.byteLength, true);
    central.setUint32(24, e.declaredSize ?? size, true);
    central.setUint16(28, name.byteLength, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, data);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.byteLength + data.byteLength;
  }
  const directory = concat(centrals);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directory.byteLength, true);
  end.setUint32(16, offset, true);
  return concat([...locals, directory, new Uint8Array(end.buffer)]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** An .xlsx whose one sheet is `mb` megabytes of spaces: a few hundred KB on disk. */
export function bombXlsx(mb: number, opts: { declaredSize?: number } = {}): Uint8Array {
  return zipOf([
    {
      name: '[Content_Types].xml',
      head:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      head:
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      head:
        `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="联系记录" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      head:
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      head: `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
      repeatMb: mb,
      tail: '</sheetData></worksheet>',
      declaredSize: opts.declaredSize,
    },
  ]);
}

/** A .docx whose document is `mb` megabytes of spaces inside its body. */
export function bombDocx(mb: number, opts: { declaredSize?: number } = {}): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipOf([
    {
      name: '[Content_Types].xml',
      head:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      head:
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'word/document.xml',
      head: `${XML}<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t xml:space="preserve">`,
      repeatMb: mb,
      tail: '</w:t></w:r></w:p></w:body></w:document>',
      declaredSize: opts.declaredSize,
    },
  ]);
}
