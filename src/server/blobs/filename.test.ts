import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from './filename';

const cps = (s: string) => [...s].length;

describe('sanitizeFileName', () => {
  it('keeps Chinese, letters, digits and ordinary punctuation', () => {
    expect(sanitizeFileName('2024年第一季度工作报告（定稿）-v2.docx', 'docx')).toBe(
      '2024年第一季度工作报告（定稿）-v2.docx',
    );
    expect(sanitizeFileName('海淀区·走访照片_01.jpg', 'jpg')).toBe('海淀区·走访照片_01.jpg');
  });

  it('turns spaces (including the ideographic space) into underscores', () => {
    expect(sanitizeFileName('服务 记录　表  终版.xlsx', 'xlsx')).toBe('服务_记录_表_终版.xlsx');
    expect(sanitizeFileName('  前后空格  .pdf', 'pdf')).toBe('前后空格.pdf');
  });

  it.each([
    ['../../etc/passwd', 'png', 'passwd.png'],
    ['..\\..\\windows\\system32\\报告.pdf', 'pdf', '报告.pdf'],
    ['C:\\Users\\张三\\Desktop\\台账.xlsx', 'xlsx', '台账.xlsx'],
    ['/var/www/../..', 'pdf', '文件.pdf'],
    ['..', 'pdf', '文件.pdf'],
    ['.htaccess', 'pdf', 'htaccess.pdf'],
    ['...隐藏文件.docx', 'docx', '隐藏文件.docx'],
    ['报告..最终.docx', 'docx', '报告.最终.docx'],
  ])('strips path traversal and leading dots: %j', (name, ext, expected) => {
    expect(sanitizeFileName(name, ext)).toBe(expected);
  });

  it('removes reserved, control and invisible characters', () => {
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf', 'pdf')).toBe('abcdefgh.pdf');
    expect(sanitizeFileName('报\u0000告\r\n\t表.pdf', 'pdf')).toBe('报告表.pdf');
    // U+202E would make "照片\u202Egpj.exe" display as "照片exe.jpg".
    expect(sanitizeFileName('照片\u202Egpj.exe', 'jpg')).toBe('照片gpj.jpg');
    expect(sanitizeFileName('零\u200B宽.pdf', 'pdf')).toBe('零宽.pdf');
    expect(sanitizeFileName('lone\uD800surrogate.pdf', 'pdf')).toBe('lonesurrogate.pdf');
  });

  it.each([
    ['报告.pdf', 'docx', '报告.docx'],
    ['报告', 'pdf', '报告.pdf'],
    ['照片.JPEG', 'jpg', '照片.jpg'],
    ['照片.JPG', 'jpg', '照片.jpg'],
    ['病毒.exe', 'pdf', '病毒.pdf'],
    ['archive.tar.gz', 'xlsx', 'archive.tar.xlsx'],
    ['第1.5版', 'docx', '第1.5版.docx'],
    ['张三.李四', 'pdf', '张三.李四.pdf'],
    ['2024.06.30', 'pdf', '2024.06.30.pdf'],
    ['报告.', 'pdf', '报告.pdf'],
  ])('forces the sniffed extension: %j as %s', (name, ext, expected) => {
    expect(sanitizeFileName(name, ext)).toBe(expected);
  });

  it('falls back to 文件.<ext> when nothing usable is left', () => {
    expect(sanitizeFileName('', 'pdf')).toBe('文件.pdf');
    expect(sanitizeFileName('   ', 'png')).toBe('文件.png');
    expect(sanitizeFileName('<>:"|?*', 'docx')).toBe('文件.docx');
    expect(sanitizeFileName('.pdf', 'pdf')).toBe('pdf.pdf');
    expect(sanitizeFileName('\u202E', 'jpg')).toBe('文件.jpg');
  });

  it('guards Windows device names', () => {
    expect(sanitizeFileName('CON.pdf', 'pdf')).toBe('_CON.pdf');
    expect(sanitizeFileName('lpt1', 'docx')).toBe('_lpt1.docx');
    expect(sanitizeFileName('CONTRACT.pdf', 'pdf')).toBe('CONTRACT.pdf');
  });

  it('limits the name to 100 code points including the extension', () => {
    const long = sanitizeFileName(`${'工作站'.repeat(60)}.docx`, 'docx');
    expect(cps(long)).toBe(100);
    expect(long.endsWith('.docx')).toBe(true);
    expect(long.startsWith('工作站工作站')).toBe(true);

    // Astral characters count once and are never split into lone surrogates.
    const emoji = sanitizeFileName('😀'.repeat(200), 'png');
    expect(cps(emoji)).toBe(100);
    expect(emoji).toBe(`${'😀'.repeat(96)}.png`);
    expect(emoji).not.toMatch(/\p{Cs}/u);

    expect(sanitizeFileName(`${'a'.repeat(95)}.....${'b'.repeat(10)}`, 'pdf')).toBe(`${'a'.repeat(95)}.pdf`);
  });
});

describe('contentDisposition', () => {
  it('encodes a Chinese name per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('工作报告.docx')).toBe(
      `attachment; filename="file.docx"; filename*=UTF-8''${encodeURIComponent('工作报告')}.docx`,
    );
    expect(contentDisposition('2024年报告 v2.pdf')).toBe(
      `attachment; filename="2024_ v2.pdf"; filename*=UTF-8''2024%E5%B9%B4%E6%8A%A5%E5%91%8A%20v2.pdf`,
    );
  });

  it('falls back to a readable ASCII name when the name has no ASCII letters', () => {
    expect(contentDisposition('台账.xlsx')).toContain('filename="file.xlsx"');
  });

  it('keeps plain ASCII names as they are', () => {
    expect(contentDisposition('report-2024_final.pdf')).toBe(
      `attachment; filename="report-2024_final.pdf"; filename*=UTF-8''report-2024_final.pdf`,
    );
  });

  it('cannot break out of the quoted string or the header', () => {
    const value = contentDisposition('a"b\\c\r\nSet-Cookie: x=1;%41.pdf');
    expect(value).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(value)?.[1];
    expect(fallback).toBe('a_b_c_Set-Cookie: x=1;_41.pdf');
    expect(value).toContain(`filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%3B%2541.pdf`);
  });

  it("percent-encodes the characters RFC 5987 does not allow raw: ' ( ) *", () => {
    expect(contentDisposition("it's (1)*.pdf")).toContain(`filename*=UTF-8''it%27s%20%281%29%2A.pdf`);
  });

  it('round-trips through decodeURIComponent', () => {
    const name = '北京市科协“千人进千企”（2024）😀.pdf';
    const encoded = /filename\*=UTF-8''(.*)$/.exec(contentDisposition(name))?.[1] ?? '';
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('supports inline display and survives lone surrogates', () => {
    expect(contentDisposition('照片.jpg', 'inline')).toMatch(/^inline; filename="file\.jpg"; filename\*=UTF-8''/);
    expect(() => contentDisposition('bad\uD800.pdf')).not.toThrow();
  });
});
