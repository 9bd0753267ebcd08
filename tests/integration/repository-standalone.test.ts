// The repository stands alone (docs/architecture.md, convention 17): a fresh clone has everything its code, tests,
// scripts and documents refer to. Three checks over every shipped text file:
//   (a) in code, a relative path literal ('./…', '../…' in quotes or backticks: imports, import(), new URL(…)) never
//       resolves outside the repository;
//   (b) no file names the working copy's sibling folders of specifications, seed text and tools;
//   (c) in Markdown, every relative link points at a file or folder that exists inside the repository.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What ships: these folders in full, and these single files. */
const SCANNED_DIRS = ['src', 'tests', 'bin', 'bench', 'migrations', 'docs'];
const SCANNED_FILES = ['README.md', '.ci/run'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'data', 'storage', 'test-results', 'playwright-report']);

const CODE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const MARKDOWN_FILE = /\.md$/;

// Built from parts so that this file does not match itself.
const OUTSIDE_MARKERS = [
  ['', 'work', 'shared'].join('/'),
  ['shared', 'spec', ''].join('/'),
  ['shared', 'seed', ''].join('/'),
  ['shared', 'tools', ''].join('/'),
  ['..', 'shared', 'ARCHITECTURE'].join('/'),
];

/** `../` n times, then `rest` (written this way so that the exemptions below do not match themselves). */
const up = (n: number, rest: string) => [...Array<string>(n).fill('..'), rest].join('/');

/**
 * Relative literals that deliberately point outside the repository and are not references: test inputs that a
 * path-safety check must refuse. Matched by file and exact literal; an entry that no longer matches fails the test,
 * so the list cannot go stale.
 */
const NOT_REFERENCES: ReadonlyArray<{ file: string; literal: string; why: string }> = [
  {
    file: 'src/server/blobs/storage.test.ts',
    literal: up(4, 'etc/passwd'),
    why: 'a path-traversal input the blob store must refuse',
  },
  {
    file: 'src/server/blobs/storage.test.ts',
    literal: up(6, 'etc/passwd'),
    why: 'a path-traversal input the blob store must refuse',
  },
];

interface TextFile {
  /** path from the repository root, with / */
  rel: string;
  abs: string;
  text: string;
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(abs, out);
    } else if (entry.isFile()) {
      out.push(abs);
    }
  }
}

/** Every shipped file that is text (no NUL byte), read once. */
function shippedTextFiles(): TextFile[] {
  const paths: string[] = [];
  for (const d of SCANNED_DIRS) {
    const abs = join(ROOT, d);
    if (existsSync(abs)) walk(abs, paths);
  }
  for (const f of SCANNED_FILES) {
    const abs = join(ROOT, f);
    if (existsSync(abs)) paths.push(abs);
  }
  const files: TextFile[] = [];
  for (const abs of paths.sort()) {
    const bytes = readFileSync(abs);
    if (bytes.includes(0)) continue;
    files.push({ rel: relative(ROOT, abs).split('\\').join('/'), abs, text: bytes.toString('utf8') });
  }
  return files;
}

const FILES = shippedTextFiles();

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isInside(path: string): boolean {
  const r = relative(ROOT, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/**
 * A quote or backtick followed by `./` or `../`, up to the next quote, backtick, backslash, newline or `${`: the
 * static part of a relative path in a string or template literal.
 */
const RELATIVE_LITERAL = /(['"`])(\.\.?\/(?:[^'"`\\\n$]|\$(?!\{))*)/g;

/** Fenced code blocks are not Markdown links; their lines are blanked so line numbers stay right. */
function withoutFences(text: string): string {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
    })
    .join('\n');
}

/** Inline `](target)` and reference-style `[label]: target` links. */
const INLINE_LINK = /\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
const REFERENCE_LINK = /^\s{0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;

function linkFailures(file: TextFile): string[] {
  const text = withoutFences(file.text);
  const failures: string[] = [];
  for (const re of [INLINE_LINK, REFERENCE_LINK]) {
    for (const m of text.matchAll(re)) {
      const raw = m[1].replace(/^<|>$/g, '');
      // External (a scheme such as https: or mailto:) and in-page (#…) links are not files.
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('#')) continue;
      const pathPart = raw.split('#')[0].split('?')[0];
      if (!pathPart) continue;
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathPart);
      } catch {
        decoded = pathPart;
      }
      // A link starting with / is relative to the repository root, as GitHub renders it.
      const target = decoded.startsWith('/') ? join(ROOT, decoded) : resolve(dirname(file.abs), decoded);
      const where = `${file.rel}:${lineOf(text, m.index ?? 0)}`;
      if (!isInside(target)) failures.push(`${where}: link (${raw}) points outside the repository`);
      else if (!existsSync(target)) failures.push(`${where}: link (${raw}) points at a missing file`);
    }
  }
  return failures;
}

describe('the repository stands alone', () => {
  it('scans the shipped files', () => {
    const names = new Set(FILES.map((f) => f.rel));
    // A guard that reads nothing proves nothing: the folders and files it promises to read are really read.
    expect(names.has('README.md')).toBe(true);
    expect(names.has('.ci/run')).toBe(true);
    expect(names.has('docs/ledger-format.md')).toBe(true);
    expect(names.has('tests/integration/repository-standalone.test.ts')).toBe(true);
    for (const d of SCANNED_DIRS) expect(FILES.some((f) => f.rel.startsWith(`${d}/`))).toBe(true);
    expect(statSync(join(ROOT, 'package.json')).isFile()).toBe(true);
  });

  it('(a) no relative path in code resolves outside the repository', () => {
    const failures: string[] = [];
    const used = new Set<number>();
    for (const file of FILES.filter((f) => CODE_FILE.test(f.rel))) {
      for (const m of file.text.matchAll(RELATIVE_LITERAL)) {
        const literal = m[2];
        const target = resolve(dirname(file.abs), literal);
        if (isInside(target)) continue;
        const allowed = NOT_REFERENCES.findIndex((x) => x.file === file.rel && x.literal === literal);
        if (allowed >= 0) {
          used.add(allowed);
          continue;
        }
        failures.push(
          `${file.rel}:${lineOf(file.text, m.index ?? 0)}: '${literal}' resolves outside the repository (${target})`,
        );
      }
    }
    NOT_REFERENCES.forEach((x, i) => {
      if (!used.has(i)) failures.push(`${x.file}: the exemption for '${x.literal}' matches nothing; remove it`);
    });
    expect(failures).toEqual([]);
  });

  it('(b) no file names the folders outside the repository', () => {
    const failures: string[] = [];
    for (const file of FILES) {
      for (const marker of OUTSIDE_MARKERS) {
        let i = file.text.indexOf(marker);
        while (i >= 0) {
          failures.push(
            `${file.rel}:${lineOf(file.text, i)}: refers to '${marker}', which is not part of the repository`,
          );
          i = file.text.indexOf(marker, i + marker.length);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('(c) every relative Markdown link points at a file inside the repository', () => {
    const failures = FILES.filter((f) => MARKDOWN_FILE.test(f.rel)).flatMap(linkFailures);
    expect(failures).toEqual([]);
  });
});
