import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ALLOWED_KINDS, checkUpload, sniffFileType } from './sniff';

// A complete 1×1 PNG.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);
// JPEG start-of-image plus a JFIF APP0 segment, then end-of-image.
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x00, 0xff, 0xd9,
]);
const PDF = strToU8(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);
const CONTENT_TYPES = strToU8(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);
const DOCX = zipSync({
  '[Content_Types].xml': CONTENT_TYPES,
  '_rels/.rels': strToU8('<Relationships/>'),
  'word/document.xml': strToU8('<w:document/>'),
});
const XLSX = zipSync({
  '[Content_Types].xml': CONTENT_TYPES,
  '_rels/.rels': strToU8('<Relationships/>'),
  'xl/workbook.xml': strToU8('<workbook/>'),
  'xl/worksheets/sheet1.xml': strToU8('<worksheet/>'),
});
const PLAIN_ZIP = zipSync({ 'readme.txt': strToU8('不是 Office 文件'), 'data/a.csv': strToU8('a,b\n1,2') });
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
const HTML = strToU8('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const MB = 1024 * 1024;

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('sniffFileType', () => {
  it.each([
    ['PNG', PNG, { kind: 'png', mime: 'image/png', ext: 'png', isImage: true }],
    ['JPEG', JPEG, { kind: 'jpeg', mime: 'image/jpeg', ext: 'jpg', isImage: true }],
    ['PDF', PDF, { kind: 'pdf', mime: 'application/pdf', ext: 'pdf', isImage: false }],
    [
      'DOCX',
      DOCX,
      {
        kind: 'docx',
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ext: 'docx',
        isImage: false,
      },
    ],
    [
      'XLSX',
      XLSX,
      {
        kind: 'xlsx',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ext: 'xlsx',
        isImage: false,
      },
    ],
  ])('recognises %s by its content', (_label, bytes, expected) => {
    expect(sniffFileType(bytes)).toEqual(expected);
  });

  it('recognises a docx whose entries are deflated and stored', () => {
    const docx = zipSync(
      { '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': [strToU8('<w:document/>'), { level: 0 }] },
      { level: 9 },
    );
    expect(sniffFileType(docx)?.kind).toBe('docx');
  });

  it.each([
    ['a zip that is neither docx nor xlsx', PLAIN_ZIP],
    ['a zip with word/document.xml but no [Content_Types].xml', zipSync({ 'word/document.xml': strToU8('<x/>') })],
    [
      'a zip claiming to be both docx and xlsx',
      zipSync({
        '[Content_Types].xml': CONTENT_TYPES,
        'word/document.xml': strToU8('<x/>'),
        'xl/workbook.xml': strToU8('<x/>'),
      }),
    ],
    [
      'a macro-enabled workbook (.xlsm)',
      zipSync({
        '[Content_Types].xml': CONTENT_TYPES,
        'xl/workbook.xml': strToU8('<x/>'),
        'xl/vbaProject.bin': new Uint8Array(16),
      }),
    ],
    ['an EXE (MZ header)', EXE],
    ['an HTML file, whatever it is named', HTML],
    ['empty input', new Uint8Array()],
    ['random bytes', randomBytes(4096, 42)],
    ['a zip header followed by garbage', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...randomBytes(2000, 7)])],
    ['a truncated docx', DOCX.subarray(0, DOCX.length - 30)],
    ['a lone zip signature', Uint8Array.from([0x50, 0x4b, 0x03, 0x04])],
    ['a truncated PNG signature', PNG.subarray(0, 4)],
    ['a JPEG missing its third marker byte', Uint8Array.from([0xff, 0xd8])],
    ['"%PDF" without the dash', strToU8('%PDF1.4')],
    ['a PDF header not at the start', strToU8(` %PDF-1.4`)],
  ])('returns null for %s', (_label, bytes) => {
    expect(sniffFileType(bytes)).toBeNull();
  });

  it('never throws on corrupted zips', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const bytes = DOCX.slice();
      // Flip a handful of bytes anywhere, including in the central directory and end record.
      const noise = randomBytes(8, seed);
      for (let i = 0; i < 4; i++) bytes[(noise[i] * 257 + noise[i + 4]) % bytes.length] ^= noise[i] | 1;
      expect(() => sniffFileType(bytes)).not.toThrow();
    }
  });

  it('stays fast when a zip64 end record claims billions of entries', () => {
    // Insert a zip64 end record and locator before the ordinary end record, claiming 2³²−1 entries: walking them
    // all would hang the request.
    const eocd = DOCX.length - 22;
    const z64 = new Uint8Array(56 + 20);
    const v = new DataView(z64.buffer);
    v.setUint32(0, 0x06064b50, true);
    v.setUint32(32, 0xffffffff, true);
    v.setUint32(48, new DataView(DOCX.buffer, DOCX.byteOffset).getUint32(eocd + 16, true), true);
    v.setUint32(56, 0x07064b50, true);
    v.setUint32(56 + 8, eocd, true);
    const bytes = new Uint8Array(DOCX.length + z64.length);
    bytes.set(DOCX.subarray(0, eocd));
    bytes.set(z64, eocd);
    bytes.set(DOCX.subarray(eocd), eocd + z64.length);
    const started = performance.now();
    expect(sniffFileType(bytes)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('checkUpload', () => {
  const maxBytes = 50 * MB;

  it('accepts every allowed kind by default', () => {
    expect(ALLOWED_KINDS).toEqual(['jpeg', 'png', 'pdf', 'docx', 'xlsx']);
    for (const bytes of [JPEG, PNG, PDF, DOCX, XLSX]) expect(checkUpload(bytes, { maxBytes }).ok).toBe(true);
    expect(checkUpload(DOCX, { maxBytes })).toEqual({ ok: true, type: sniffFileType(DOCX) });
  });

  it('rejects empty input', () => {
    expect(checkUpload(new Uint8Array(), { maxBytes })).toEqual({ ok: false, code: 'empty', message: '文件为空' });
  });

  it('rejects files over the limit before looking at the type', () => {
    expect(checkUpload(PDF, { maxBytes: PDF.length })).toMatchObject({ ok: true });
    expect(checkUpload(PDF, { maxBytes: PDF.length - 1 })).toMatchObject({ ok: false, code: 'too_large' });
    const big = new Uint8Array(50 * MB + 1);
    big.set(PDF);
    expect(checkUpload(big, { maxBytes })).toEqual({ ok: false, code: 'too_large', message: '文件过大：最大 50 MB' });
    expect(checkUpload(randomBytes(3000, 1), { maxBytes: 2048 })).toMatchObject({ message: '文件过大：最大 2 KB' });
  });

  it.each([
    ['an EXE', EXE],
    ['an HTML file', HTML],
    ['a plain zip', PLAIN_ZIP],
    ['random bytes', randomBytes(1000, 3)],
  ])('rejects %s as an unsupported type with a Chinese message', (_label, bytes) => {
    expect(checkUpload(bytes, { maxBytes })).toEqual({
      ok: false,
      code: 'unsupported_type',
      message: '不支持的文件类型：仅允许 JPEG、PNG、PDF、Word（.docx）、Excel（.xlsx）',
    });
  });

  it('narrows to the allowed kinds and names only those in the message', () => {
    const photosOnly = { maxBytes, allow: ['jpeg', 'png'] as const };
    expect(checkUpload(PNG, photosOnly)).toMatchObject({ ok: true, type: { kind: 'png' } });
    expect(checkUpload(PDF, photosOnly)).toEqual({
      ok: false,
      code: 'unsupported_type',
      message: '不支持的文件类型：仅允许 JPEG、PNG',
    });
    expect(checkUpload(DOCX, { maxBytes, allow: ['xlsx'] })).toMatchObject({
      code: 'unsupported_type',
      message: '不支持的文件类型：仅允许 Excel（.xlsx）',
    });
  });
});
