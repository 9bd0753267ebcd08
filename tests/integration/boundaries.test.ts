// The layers of docs/architecture.md, enforced: a rule broken here fails `npm test`, not a code review.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, sources } from './support/imports';

const SRC = join(ROOT, 'src');

function violations(from: string, forbidden: string[]) {
  const out: string[] = [];
  for (const file of sources(join(SRC, from))) {
    for (const target of importsOf(file)) {
      if (forbidden.some((f) => target === f || target.startsWith(`${f}/`))) {
        out.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
  }
  return out;
}

describe('layer boundaries', () => {
  it('the domain imports neither the server nor the web', () => {
    expect(violations('domain', ['src/server', 'src/web'])).toEqual([]);
  });

  it('the shared contract imports neither the server nor the web', () => {
    expect(violations('shared', ['src/server', 'src/web'])).toEqual([]);
  });

  it('the web imports nothing from the server (its types come from src/shared)', () => {
    expect(violations('web', ['src/server'])).toEqual([]);
  });

  it('the web names no API path by hand: every call goes through an endpoint of src/shared/api', () => {
    const handTyped: string[] = [];
    for (const file of sources(join(SRC, 'web'))) {
      if (/\.test\.tsx?$/.test(file)) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        if (/['"`]\/api\//.test(line)) handTyped.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(handTyped).toEqual([]);
  });

  it('finds what it forbids (the checks are not vacuous)', () => {
    expect(sources(join(SRC, 'web')).length).toBeGreaterThan(50);
    expect(importsOf(join(SRC, 'web/lib/api.ts'))).toContain('src/shared/api/endpoint');
  });
});
