import { describe, expect, it } from 'vitest';
import { checkFile } from './files';

const EVIDENCE = ['.jpg', '.jpeg', '.png', '.pdf', '.docx', '.xlsx'];

describe('checkFile', () => {
  it('refuses a file early by extension, emptiness and size', () => {
    expect(checkFile({ name: '现场.PNG', size: 10 }, EVIDENCE)).toBeNull();
    expect(checkFile({ name: '方案.doc', size: 10 }, EVIDENCE)).toMatch(/类型不支持.*JPG、JPEG、PNG、PDF/);
    expect(checkFile({ name: '空.pdf', size: 0 }, EVIDENCE)).toBe('“空.pdf”是空文件');
    expect(checkFile({ name: '大.pdf', size: 51 * 1024 * 1024 }, EVIDENCE)).toBe('“大.pdf”过大（51.0 MB）：最大 50 MB');
  });
});
