import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { centralDirectory } from '../../../tests/setup/zip-directory';
import { ZIP_FLAG_UTF8, ZIP_HOST_UNIX, zipFiles } from './zip';

describe('zipFiles', () => {
  const files = {
    '台账/台账.json': strToU8('{"a":1}'),
    'manifest.json': strToU8('{}'),
    '报告/年度总结-第一季度.txt': strToU8('走访企业 12 家'.repeat(100)),
  };

  it('marks every entry, ASCII names too, as Unix-made, mode 0644, with the UTF-8 flag in both headers', () => {
    const entries = centralDirectory(zipFiles(files));
    expect(entries.map((e) => e.name)).toEqual(Object.keys(files));
    for (const e of entries) {
      expect(e.host, e.name).toBe(ZIP_HOST_UNIX);
      expect(e.flags & ZIP_FLAG_UTF8, e.name).toBe(ZIP_FLAG_UTF8);
      expect(e.localFlags & ZIP_FLAG_UTF8, e.name).toBe(ZIP_FLAG_UTF8);
      expect(e.mode, e.name).toBe(0o100644);
    }
  });

  it('keeps the content, and dates the entries with the given time', () => {
    const zip = zipFiles(files, { mtime: new Date(2025, 5, 15, 10, 30, 0) });
    const back = unzipSync(zip);
    for (const [name, bytes] of Object.entries(files)) expect(Array.from(back[name])).toEqual(Array.from(bytes));
    // DOS date of the first local header: 2025-06-15
    const view = new DataView(zip.buffer, zip.byteOffset);
    const date = view.getUint16(12, true);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2025, 6, 15]);
  });
});
