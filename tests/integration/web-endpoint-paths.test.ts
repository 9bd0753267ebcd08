// The web build drops the zod schemas from the endpoint literals of src/shared/api (issue 16, decision 025): the
// page keeps every method and path it calls, and a download's kind, and loses nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaRanges, withoutSchemas } from '../../src/web/build/endpoint-paths';

const API_DIR = 'src/shared/api';

describe('endpoint literals in the web build', () => {
  it('keeps method, path, summary, upload and a download kind; drops params, query, body and a JSON schema', () => {
    const src = `import { z } from 'zod';
export const a = {
  list: endpoint({ method: 'get', path: '/api/v1/x', tag, summary: '列表', query: q.extend(pageQuery), response: pageOf(XDto) }),
  file: endpoint({ method: 'get', path: '/api/v1/x/export', tag, summary: '导出', params: p, response: 'xlsx' }),
  put: endpoint({ method: 'post', path: '/api/v1/x/{id}', tag, summary: '上传', params: p, upload: true, body: z.object({ n: z.number() }), response: XDto, status: 201 }),
};`;
    const out = withoutSchemas(src, 'x.ts');
    expect(out).toContain(
      `method: 'get', path: '/api/v1/x', tag, summary: '列表', query: undefined, response: undefined`,
    );
    expect(out).toContain(`params: undefined, response: 'xlsx'`);
    expect(out).toContain(`upload: true, body: undefined, response: undefined, status: 201`);
    expect(out).not.toMatch(/pageOf|XDto|z\.object|q\.extend/);
  });

  it('finds every endpoint of src/shared/api, and leaves each one its method and path', () => {
    let endpoints = 0;
    for (const file of readdirSync(API_DIR).filter((f) => f.endsWith('.ts') && f !== 'endpoint.ts')) {
      const src = readFileSync(join(API_DIR, file), 'utf8');
      const calls = (src.match(/\bendpoint\(\{/g) ?? []).length;
      endpoints += calls;
      const out = withoutSchemas(src, file);
      // One schema value at most per property of each call, and no call loses its method or path.
      expect(schemaRanges(src, file).length, file).toBeLessThanOrEqual(calls * 4);
      expect((out.match(/\bmethod: '(get|post|put|patch|delete)'/g) ?? []).length, file).toBe(calls);
      expect((out.match(/\bpath: (?!undefined)/g) ?? []).length, file).toBe((src.match(/\bpath: /g) ?? []).length);
      expect(out, file).not.toMatch(/\b(params|query|body|response): (?!undefined|'(xlsx|docx|zip|pdf|json|file)')/);
    }
    expect(endpoints).toBeGreaterThan(100);
  });
});
