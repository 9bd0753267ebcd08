import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { minimalDocx } from '../../../tests/setup/docx';
import { bombDocx, bombXlsx } from '../../../tests/setup/zip-bomb';
import { policy2025 } from '../../domain/policy/index';
import { AppError } from '../../shared/errors';
import { ledgerWorkbook } from '../features/ledger-exchange/ledger-excel';
import { guardOfficeZip, inspectZip, OFFICE_ZIP_LIMITS } from './zip-guard';

const MB = 1024 * 1024;
const inflatedByFflate = (b: Uint8Array) => Object.values(unzipSync(b)).reduce((a, x) => a + x.byteLength, 0);

describe('inspectZip: archive bombs are refused without inflating them', () => {
  it('a 300 KB .xlsx declaring a 300 MB sheet is refused from its directory, nothing inflated', () => {
    const bomb = bombXlsx(300);
    expect(bomb.byteLength).toBeLessThan(400 * 1024);
    expect(inspectZip(bomb)).toEqual({ ok: false, reason: 'declared_size', entry: null, inflatedBytes: 0 });
  });

  it('a directory that declares 1 KB for a 300 MB sheet is stopped by the actual size, a few MB in', () => {
    const liar = bombXlsx(300, { declaredSize: 1024 });
    const v = inspectZip(liar);
    expect(v).toMatchObject({ ok: false, reason: 'actual_size', entry: 'xl/worksheets/sheet1.xml' });
    // stopped at the first piece past 1 KB: one 4 KB step of input, not 300 MB
    expect(v.ok === false && v.reason !== 'unreadable' && v.inflatedBytes).toBeLessThan(8 * MB);
  });

  it('a 90 MB entry in 90 KB (1,000:1) is refused by its ratio, nothing inflated', () => {
    const dense = bombDocx(90);
    expect(inspectZip(dense)).toEqual({ ok: false, reason: 'declared_ratio', entry: null, inflatedBytes: 0 });
  });

  it('more entries than any Office file has are refused before the directory is walked', () => {
    const files = Object.fromEntries(
      Array.from({ length: OFFICE_ZIP_LIMITS.maxEntries + 1 }, (_, i) => [`x/${i}`, strToU8('a')]),
    );
    expect(inspectZip(zipSync(files, { level: 0 }))).toMatchObject({ ok: false, reason: 'entries' });
  });

  it('a normal .xlsx and .docx pass, and the guard inflated exactly what they hold', async () => {
    const xlsx = new Uint8Array(await ledgerWorkbook(null, policy2025));
    const docx = minimalDocx(['年度工作总结', '走访企业 12 家。']);
    for (const file of [xlsx, docx]) {
      const v = inspectZip(file);
      expect(v).toMatchObject({ ok: true, inflatedBytes: inflatedByFflate(file) });
      expect(guardOfficeZip(file, 'Excel')).toBe('ok');
    }
    // a legitimate 3 MB sheet of spaces (1,000:1 but under the 10 MB below which ratios are not judged)
    expect(inspectZip(bombXlsx(3))).toMatchObject({ ok: true, inflatedBytes: inflatedByFflate(bombXlsx(3)) });
  });

  it.each([
    ['random bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])],
    ['empty input', new Uint8Array()],
    ['a truncated docx', minimalDocx(['内容']).subarray(0, 200)],
  ])('%s is unreadable, for the caller to report as such', (_label, bytes) => {
    expect(inspectZip(bytes)).toEqual({ ok: false, reason: 'unreadable' });
    expect(guardOfficeZip(bytes, 'Word')).toBe('unreadable');
  });
});

describe('guardOfficeZip', () => {
  it('refuses a bomb with 413 (payload_too_large) and a Chinese message naming the limit', () => {
    let err: unknown = null;
    try {
      guardOfficeZip(bombXlsx(300, { declaredSize: 1024 }), 'Excel');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('payload_too_large');
    expect((err as AppError).userMessage).toBe(
      'Excel 文件解压后过大（超过 100 MB 或压缩比异常），不是正常的 Excel 文件，请检查文件',
    );
    expect((err as AppError).issues).toEqual([{ path: 'file', message: (err as AppError).userMessage }]);
  });
});
