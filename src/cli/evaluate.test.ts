import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLedgerInput, expense } from '../domain/kpi/fixtures/ledger-builder';
import type { Evaluation, Finding } from '../domain/kpi/types';
import { runEvaluate } from './evaluate';

// `qianqi evaluate FILE [--on DATE]` (docs/ledger-format.md): the evaluation on stdout and exit 0; exit 2 with one
// `path: message` line per problem on stderr.

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const fixtures = join(repoRoot, 'docs/examples');
const EXAMPLE = join(fixtures, 'ledger-district-a.json');
const expected = JSON.parse(
  readFileSync(join(fixtures, 'evaluation-district-a-2026-01-10.json'), 'utf8'),
) as Evaluation;

const dir = mkdtempSync(join(tmpdir(), 'qianqi-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeLedger(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function evaluate(args: string[], now?: Date) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runEvaluate(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, now ? { now } : {});
  return { code, out: out.join(''), err };
}

const byIdAndRef = (a: Finding, b: Finding) => `${a.id} ${a.ref}`.localeCompare(`${b.id} ${b.ref}`);
function canonical(ev: Evaluation): Evaluation {
  return {
    ...ev,
    kpis: [...ev.kpis].sort((a, b) => a.id.localeCompare(b.id)),
    findings: [...ev.findings].sort(byIdAndRef),
  };
}

const unexecuted = (ev: Evaluation) => ev.findings.filter((f) => f.id === 'unexecuted_funds').map((f) => f.ref);

describe('runEvaluate', () => {
  it('prints the expected evaluation of the example and returns 0', () => {
    const r = evaluate([EXAMPLE, '--on', '2026-01-10']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.endsWith('\n')).toBe(true);
    expect(canonical(JSON.parse(r.out))).toEqual(canonical(expected));
  });

  it('accepts --on before the file', () => {
    const r = evaluate(['--on', '2026-01-10', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(canonical(JSON.parse(r.out))).toEqual(canonical(expected));
  });

  describe('--on decides unexecuted_funds (period ends 2025-12-31)', () => {
    it.each([
      ['2025-06-30', []],
      ['2025-12-31', []],
      ['2026-01-01', ['station']],
      ['2026-01-10', ['station']],
    ])('on %s → %j', (on, refs) => {
      const r = evaluate([EXAMPLE, '--on', on]);
      expect(r.code).toBe(0);
      expect(unexecuted(JSON.parse(r.out))).toEqual(refs);
    });

    it('a fully spent grant has none even after the end', () => {
      const file = writeLedger('spent.json', {
        ...buildLedgerInput({
          funds: {
            granted: '1000.00',
            budget: { consulting: '0', labour: '0', activity: '1000.00', meeting: '0', other: '0' },
          },
          expenses: [expense('X1', { amount: '1000.00' })],
        }),
      });
      const r = evaluate([file, '--on', '2026-06-01']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).findings).toEqual([]);
    });

    it.each([
      // 2025-12-31 23:30 in Beijing: still the last day
      ['2025-12-31T15:30:00Z', []],
      // 2026-01-01 00:30 in Beijing, though still 2025-12-31 in UTC
      ['2025-12-31T16:30:00Z', ['station']],
    ])('without --on, today in Asia/Shanghai: now %s → %j', (now, refs) => {
      const r = evaluate([EXAMPLE], new Date(now));
      expect(r.code).toBe(0);
      expect(unexecuted(JSON.parse(r.out))).toEqual(refs);
    });
  });

  describe('exit 2', () => {
    it('an invalid ledger: one `path: message` line per problem on err, nothing on out', () => {
      const ledger = buildLedgerInput({ station: { district: '1101' }, expenses: [expense('X1')] }) as unknown as {
        expenses: Array<Record<string, unknown>>;
      };
      ledger.expenses[0].amount = 2400;
      ledger.expenses[0].item = 'coffee';
      const r = evaluate([writeLedger('invalid.json', ledger), '--on', '2026-01-10']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(3);
      for (const line of r.err) expect(line).toMatch(/^[^\s:]+: \S/);
      expect(r.err.map((l) => l.slice(0, l.indexOf(': '))).sort()).toEqual([
        'expenses[0].amount',
        'expenses[0].item',
        'station.district',
      ]);
    });

    it('a program year with no policy', () => {
      const r = evaluate([writeLedger('2024.json', buildLedgerInput({ programYear: 2024 }))]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^programYear: /);
    });

    it('invalid JSON → `$`', () => {
      const r = evaluate([writeLedger('broken.json', '{"format": "qianqi-ledger/1",')]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^\$: /);
    });

    it.each([['2025-02-30'], ['2026-1-10'], ['tomorrow'], ['']])('--on %j', (on) => {
      const r = evaluate([EXAMPLE, '--on', on]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^--on: /);
    });

    it('--on without a date', () => {
      const r = evaluate([EXAMPLE, '--on']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.some((l) => l.startsWith('--on: '))).toBe(true);
    });

    it('a bad --on and a bad ledger: both reported', () => {
      const r = evaluate([writeLedger('2024b.json', buildLedgerInput({ programYear: 2024 })), '--on', '2025-02-30']);
      expect(r.code).toBe(2);
      expect(r.err.map((l) => l.slice(0, l.indexOf(': '))).sort()).toEqual(['--on', 'programYear']);
    });

    it('no file', () => {
      const r = evaluate([]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
    });

    it('a file that does not exist', () => {
      const r = evaluate([join(dir, 'missing.json')]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^\$: /);
    });
  });
});

// The processes here name their own SQLite file (or no database): the PostgreSQL pass would only repeat them.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('bin/qianqi evaluate (real process)', () => {
  it('prints parseable JSON with exit 0, and exits 2 with path lines for a bad file', () => {
    const ok = spawnSync('bin/qianqi', ['evaluate', EXAMPLE, '--on', '2026-01-10'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(canonical(JSON.parse(ok.stdout))).toEqual(canonical(expected));

    const bad = writeLedger('bad-process.json', { ...buildLedgerInput(), programYear: '2025' });
    const ko = spawnSync('bin/qianqi', ['evaluate', bad], { cwd: repoRoot, encoding: 'utf8' });
    expect(ko.status).toBe(2);
    expect(ko.stdout).toBe('');
    expect(ko.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^programYear: /)]);
  });
});
