// The layers of docs/architecture.md, enforced: a rule broken here fails `npm test`, not a code review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every module a file imports (static, type-only, re-export, dynamic), resolved to a path under the repository. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(dirname(file), s)));
}

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
