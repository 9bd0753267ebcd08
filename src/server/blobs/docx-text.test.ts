import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { minimalDocx } from '../../../tests/setup/docx';
import { bombDocx } from '../../../tests/setup/zip-bomb';
import { AppError } from '../../shared/errors';
import { DOCX_UNREADABLE_MESSAGE, docxText } from './docx-text';

describe('docxText', () => {
  it('extracts the paragraphs of a real docx as plain text', async () => {
    const text = await docxText(minimalDocx(['海淀区工作站第一季度服务记录', '走访企业 12 家，解决技术难题 3 项。']));
    expect(text).toBe('海淀区工作站第一季度服务记录\n\n走访企业 12 家，解决技术难题 3 项。');
  });

  it('trims trailing whitespace on lines and normalises line endings', async () => {
    const text = await docxText(minimalDocx(['标题　 ', '正文\r\n第二行\t']));
    expect(text).toBe('标题\n\n正文\n第二行');
    expect(text).not.toMatch(/\r|[ \t\u3000]$/m);
  });

  it('reads from a Uint8Array view into a larger buffer', async () => {
    const docx = minimalDocx(['视图']);
    const padded = new Uint8Array(docx.length + 20);
    padded.set(docx, 10);
    expect(await docxText(padded.subarray(10, 10 + docx.length))).toBe('视图');
  });

  it.each([
    ['random bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])],
    ['a truncated docx', minimalDocx(['内容']).subarray(0, 60)],
    ['a zip without a Word document', zipSync({ 'a.txt': strToU8('hello') })],
    ['empty input', new Uint8Array()],
  ])('throws a Chinese validation error for %s', async (_label, bytes) => {
    const err = await docxText(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation');
    expect((err as AppError).message).toBe(DOCX_UNREADABLE_MESSAGE);
    expect((err as AppError).message).toBe('无法读取 Word 文件内容');
  });
});

describe('docxText and expanding archives', () => {
  it('refuses a .docx whose entries would expand beyond 100 MB (413), before mammoth sees it', async () => {
    // 120 MB of spaces in ~120 kB: the declared size gives it away.
    const bomb = bombDocx(120);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await expect(docxText(bomb)).rejects.toMatchObject({ code: 'payload_too_large', message: /解压后过大/ });
  });

  it('refuses a .docx whose directory understates the document, by what actually comes out', async () => {
    await expect(docxText(bombDocx(120, { declaredSize: 4096 }))).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });
});
